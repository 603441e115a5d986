import Testing
@testable import ParagrafCore

@Suite("Checks of a decision")
struct DecisionChecksTests {
    static let members = (1...9).map { PersonRef(personID: PersonID(Int64($0)), name: "Ledamot \($0)", party: "S") }
    static let outsider = PersonRef(personID: PersonID(99), name: "Åhörare Ek", party: "M")

    func paragraph(votes: [Vote] = [], reservations: [Reservation] = [], proposals: [Proposal] = [],
                   disqualified: [PersonRef] = []) -> Paragraph {
        Paragraph(meetingID: MeetingID(1), number: 12, title: "Ärende", proposals: proposals, votes: votes,
                  reservations: reservations, disqualifications: disqualified.map { Disqualification(person: $0, reason: "släkt") })
    }

    @Test("a sound decision has no problems")
    func sound() {
        let vote = Vote(yesMeans: "bifall", noMeans: "avslag", ballots: Self.members.prefix(5).map { Ballot(voter: $0, choice: .yes) })
        let p = paragraph(votes: [vote], reservations: [Reservation(by: [Self.members[6]], reasons: "Fel väg.")])
        #expect(DecisionChecks.problems(p, serving: Self.members, seats: 9, chair: Self.members[0]).isEmpty)
    }

    @Test("without quorum: four of nine, or five less one with jäv")
    func quorum() {
        let four = DecisionChecks.problems(paragraph(), serving: Array(Self.members.prefix(4)), seats: 9, chair: nil)
        #expect(four.map(\.description) == ["§ 12: Nämnden är inte beslutsför: 4 av 9 ledamöter tjänstgör, minst 5 behövs."])
        let jav = DecisionChecks.problems(paragraph(disqualified: [Self.members[0]]), serving: Array(Self.members.prefix(5)), seats: 9, chair: nil)
        #expect(jav.count == 1 && jav[0].message.hasPrefix("Nämnden är inte beslutsför: 4 av 9"))
    }

    @Test("a vote with more ballots than members serving, or by one not serving, is refused")
    func votes() {
        let serving = Array(Self.members.prefix(5))
        let tooMany = Vote(yesMeans: "bifall", noMeans: "avslag", ballots: Self.members.prefix(6).map { Ballot(voter: $0, choice: .yes) })
        let byOutsider = Vote(yesMeans: "bifall", noMeans: "avslag", ballots: [Ballot(voter: Self.outsider, choice: .no)])
        let problems = DecisionChecks.problems(paragraph(votes: [tooMany, byOutsider]), serving: serving, seats: 9, chair: nil)
        #expect(problems.map(\.message) == ["Omröstning 1: Omröstningen har 6 röster men bara 5 tjänstgörande ledamöter.",
                                            "Omröstning 2: Åhörare Ek tjänstgjorde inte vid paragrafen och kan inte rösta."])
        // A member with jäv does not vote either.
        let javVote = Vote(yesMeans: "bifall", noMeans: "avslag", ballots: [Ballot(voter: Self.members[1], choice: .yes)])
        #expect(DecisionChecks.problems(paragraph(votes: [javVote], disqualified: [Self.members[1]]), serving: Self.members, seats: 9,
                                        chair: nil).map(\.message) == ["Omröstning 1: Ledamot 2 tjänstgjorde inte vid paragrafen och kan inte rösta."])
    }

    @Test("a reservation by one who did not take part, a proposal by one with jäv")
    func participation() {
        let p = paragraph(reservations: [Reservation(by: [Self.outsider]), Reservation(by: [PersonRef(name: "Socialdemokraterna")])],
                          proposals: [Proposal(by: [Self.members[2]], text: "Bifall.")], disqualified: [Self.members[2]])
        #expect(DecisionChecks.problems(p, serving: Self.members, seats: 9, chair: nil).map(\.message) == [
            "Åhörare Ek (M) deltog inte i beslutet och kan inte reservera sig.",
            "Ledamot 3 (S) är jävig och kan inte yrka i ärendet.",
        ], "a party group's reservation names no person and is not checked against the attendance")
    }
}
