import Testing
@testable import ParagrafCore

@Suite("Question order (propositionsordning)")
struct QuestionOrderTests {
    static let anna = PersonRef(name: "Anna Berg", party: "S")
    static let bo = PersonRef(name: "Bo Ek", party: "M")
    static let cia = PersonRef(name: "Cia Lund", party: "V")
    static let dan = PersonRef(name: "Dan Ros", party: "SD")

    func stages(_ q: [PropositionQuestion]) -> [PropositionQuestion.Stage] { q.map(\.stage) }

    @Test("one proposal: the chair asks whether it is adopted")
    func one() {
        let q = QuestionOrder.plan([Proposal(by: [Self.anna], text: "Bifall till förvaltningens förslag.")])
        #expect(q == [PropositionQuestion(stage: .main, alternatives: ["Bifall till förvaltningens förslag."])])
    }

    @Test("two proposals stand against each other in the main question (huvudvotering)")
    func two() {
        let q = QuestionOrder.plan([Proposal(by: [Self.anna], text: "Bifall."), Proposal(by: [Self.bo], text: "Avslag.")])
        #expect(q == [PropositionQuestion(stage: .main, alternatives: ["Bifall.", "Avslag."])])
    }

    @Test("three proposals: the other two choose the counter-proposal, which then meets the main proposal")
    func three() {
        let proposals = [Proposal(by: [Self.anna], text: "Bifall."), Proposal(by: [Self.bo], text: "Avslag."),
                         Proposal(by: [Self.cia], text: "Bifall med ändrad tidplan.")]
        let planned = QuestionOrder.plan(proposals)
        #expect(planned == [
            PropositionQuestion(stage: .counterProposal, alternatives: ["Avslag.", "Bifall med ändrad tidplan."]),
            PropositionQuestion(stage: .main, alternatives: ["Bifall.", QuestionOrder.previousWinner]),
        ])
        // The chair found Avslag adopted in the first round: the other two choose its opponent.
        let found = QuestionOrder.plan(proposals, main: "avslag")
        #expect(found[0].alternatives == ["Bifall.", "Bifall med ändrad tidplan."])
        #expect(found[1].alternatives == ["Avslag.", QuestionOrder.previousWinner])
    }

    @Test("four proposals: the counter-proposal is chosen two at a time")
    func four() {
        let q = QuestionOrder.plan(["A", "B", "C", "D"].enumerated().map { Proposal(by: [[Self.anna, Self.bo, Self.cia, Self.dan][$0.offset]], text: $0.element) })
        #expect(stages(q) == [.counterProposal, .counterProposal, .main])
        #expect(q[0].alternatives == ["B", "C"] && q[1].alternatives == [QuestionOrder.previousWinner, "D"])
        #expect(q[2].alternatives == ["A", QuestionOrder.previousWinner])
    }

    @Test("formal proposals first, återremiss before bordläggning, each against deciding today")
    func formalFirst() {
        let q = QuestionOrder.plan([
            Proposal(by: [Self.anna], text: "Bifall."),
            Proposal(by: [Self.bo], kind: .postpone, text: "Ärendet bordläggs."),
            Proposal(by: [Self.cia], kind: .referBack, text: "Ärendet återremitteras för en konsekvensanalys."),
            Proposal(by: [Self.dan], text: "Avslag."),
        ])
        #expect(stages(q) == [.formal, .formal, .main])
        #expect(q[0].alternatives == [QuestionOrder.decideToday, "Ärendet återremitteras för en konsekvensanalys."])
        #expect(q[1].alternatives == [QuestionOrder.decideToday, "Ärendet bordläggs."])
        #expect(q[2].alternatives == ["Bifall.", "Avslag."])
    }

    @Test("amendments and additions after the main question, each to be adopted or rejected")
    func amendmentsAfter() {
        let q = QuestionOrder.plan([
            Proposal(by: [Self.anna], kind: .addition, text: "Nämnden ska återrapportera i juni."),
            Proposal(by: [Self.bo], text: "Bifall."),
            Proposal(by: [Self.cia], kind: .amendment, text: "Beloppet ändras till 2 mnkr."),
        ])
        #expect(stages(q) == [.main, .amendment, .amendment])
        #expect(q[1].alternatives == ["Beloppet ändras till 2 mnkr.", QuestionOrder.rejected], "amendments before additions")
        #expect(q[2].alternatives == ["Nämnden ska återrapportera i juni.", QuestionOrder.rejected])
    }

    @Test("the same proposal by several members is one alternative; a withdrawn one takes no part")
    func sameAndWithdrawn() {
        let q = QuestionOrder.plan([
            Proposal(by: [Self.anna], text: "Bifall till förslaget."), Proposal(by: [Self.bo], text: "bifall till  förslaget"),
            Proposal(by: [Self.cia], text: "Avslag.", withdrawn: true), Proposal(by: [Self.dan], text: "Återremiss", withdrawn: false),
        ])
        #expect(q == [PropositionQuestion(stage: .main, alternatives: ["Bifall till förslaget.", "Återremiss"])])
        #expect(QuestionOrder.plan([]).isEmpty)
    }

    @Test("a tie in the main question: the chair's vote decides")
    func tieWithCastingVote() throws {
        let voters = [Self.anna, Self.bo, Self.cia, Self.dan]
        let vote = Vote(question: "Bifall mot avslag", yesMeans: "bifall", noMeans: "avslag",
                        ballots: [Ballot(voter: Self.anna, choice: .yes), Ballot(voter: Self.bo, choice: .no),
                                  Ballot(voter: Self.cia, choice: .yes), Ballot(voter: Self.dan, choice: .no)])
        #expect(try vote.outcome(voters: voters, chair: Self.bo) == .tieBrokenByChair(.no))
        #expect(try vote.outcome(voters: voters, chair: Self.anna) == .tieBrokenByChair(.yes))
        #expect(throws: VoteError.tieWithoutCastingVote) { try vote.outcome(voters: voters, chair: nil) }
    }
}
