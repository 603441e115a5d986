/// The propositionsordning: in which order the chair puts the proposals on a matter, generated
/// from the proposals themselves, as Swedish meeting practice has it (KL 5 kap. 53–55 §§,
/// 6 kap. 33 §, and the procedure the municipalities' rules of procedure describe):
///
/// 1. Formal proposals first, each against deciding the matter today: återremiss before
///    bordläggning (a matter sent back is not postponed).
/// 2. The main question. One proposal: the chair asks whether it is adopted. Two: they stand
///    against each other (huvudvotering if a vote is called). Three or more: the chair first
///    finds which one is adopted (the main proposal); the others are put against each other,
///    two at a time, to choose the counter-proposal (kontrapropositionsvotering), and the
///    counter-proposal then stands against the main proposal.
/// 3. Amendments and additions, each on its own, after the main question is decided.
///
/// The same proposal made by several members is one alternative. Withdrawn proposals take no part.
public enum QuestionOrder {
    /// What stands in for the proposal that won the question before, which is only known at the meeting.
    public static let previousWinner = "det förslag som vann föregående fråga"
    public static let decideToday = "att ärendet ska avgöras i dag"
    public static let rejected = "avslag"

    /// The questions for a paragraph's proposals. `main` names the main proposal the chair found
    /// adopted in the first round, when three or more stand; without it the first proposal made
    /// is taken as the main one, as a plan before the meeting must.
    public static func plan(_ proposals: [Proposal], main: String? = nil) -> [PropositionQuestion] {
        let standing = proposals.filter { !$0.withdrawn }
        func distinct(_ kind: ProposalKind) -> [String] {
            var seen = Set<String>(), out: [String] = []
            for p in standing where p.kind == kind {
                let key = TextKey.of(p.text)
                if seen.insert(key).inserted { out.append(p.text) }
            }
            return out
        }
        var questions: [PropositionQuestion] = []
        for kind in [ProposalKind.referBack, .postpone] {
            for text in distinct(kind) { questions.append(PropositionQuestion(stage: .formal, alternatives: [decideToday, text])) }
        }
        let mains = distinct(.main)
        switch mains.count {
        case 0: break
        case 1, 2: questions.append(PropositionQuestion(stage: .main, alternatives: mains))
        default:
            let chosen = main.flatMap { m in mains.first { TextKey.of($0) == TextKey.of(m) } } ?? mains[0]
            let others = mains.filter { $0 != chosen }
            // The others meet two at a time; the winner of each round meets the next.
            questions.append(PropositionQuestion(stage: .counterProposal, alternatives: [others[0], others[1]]))
            for other in others.dropFirst(2) {
                questions.append(PropositionQuestion(stage: .counterProposal, alternatives: [previousWinner, other]))
            }
            questions.append(PropositionQuestion(stage: .main, alternatives: [chosen, previousWinner]))
        }
        for kind in [ProposalKind.amendment, .addition] {
            for text in distinct(kind) { questions.append(PropositionQuestion(stage: .amendment, alternatives: [text, rejected])) }
        }
        return questions
    }

    /// Texts that differ only in case, spacing or a final full stop are the same proposal.
    enum TextKey {
        static func of(_ text: String) -> String {
            var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
            while words.hasSuffix(".") { words.removeLast() }
            return words
        }
    }
}
