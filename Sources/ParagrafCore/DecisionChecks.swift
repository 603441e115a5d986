/// What the law asks of one paragraph's decision, checked before it is recorded: a quorum of
/// serving members (KL 6 kap. 27 §), votes among those who serve (6 kap. 33 §, 5 kap. 55 §),
/// a reservation only by one who took part in the decision (4 kap. 27 §), and no part taken by
/// a member with jäv (6 kap. 28 §). Each problem is a sentence in Swedish.
public enum DecisionChecks {
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        public var paragraph: Int
        public var message: String
        public var description: String { "§ \(paragraph): \(message)" }
    }

    /// `serving` are the members and serving substitutes present for this paragraph, before
    /// jäv; `seats` the committee's number of members.
    public static func problems(_ p: Paragraph, serving: [PersonRef], seats: Int, chair: PersonRef?) -> [Problem] {
        var out: [String] = []
        let disqualified = Set(p.disqualifications.map(\.person.name))
        let taking = serving.filter { !disqualified.contains($0.name) }
        let names = Set(taking.map(\.name))
        if !Quorum.isQuorate(serving: taking.count, seats: seats) {
            out.append("Nämnden är inte beslutsför: \(taking.count) av \(seats) ledamöter tjänstgör, minst \(Quorum.minimum(seats: seats)) behövs.")
        }
        for (i, vote) in p.votes.enumerated() {
            do {
                _ = try vote.outcome(voters: taking, chair: chair.flatMap { names.contains($0.name) ? $0 : nil })
            } catch {
                out.append("Omröstning \(i + 1): \(error.description)")
            }
        }
        for reservation in p.reservations {
            for person in reservation.by where person.personID != nil || person.party != nil {
                if !names.contains(person.name) {
                    out.append("\(person.description) deltog inte i beslutet och kan inte reservera sig.")
                }
            }
        }
        for proposal in p.proposals {
            for person in proposal.by where disqualified.contains(person.name) {
                out.append("\(person.description) är jävig och kan inte yrka i ärendet.")
            }
        }
        return out.map { Problem(paragraph: p.number, message: $0) }
    }
}
