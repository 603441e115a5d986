import ParagrafCore
import Testing

@Suite("At the meeting: the secretary's steps")
struct MeetingStepsTests {
    static let parties = ["S", "S", "S", "M", "M", "C", "SD", "V", "KD"]
    let members = (1...9).map { PersonRef(personID: PersonID(Int64($0)), name: "Ledamot \($0)", party: parties[$0 - 1]) }
    let substitute = PersonRef(personID: PersonID(20), name: "Ersättare S", party: "S")

    func opened() -> MinutesDraft {
        var expected = members.enumerated().map { MeetingSteps.Expected(person: $0.element, role: $0.offset == 0 ? .ordforande : .ledamot) }
        // Ledamot 3 is absent; the S ersättare serves for them.
        expected.remove(at: 2)
        expected.append(.init(person: substitute, role: .tjanstgorandeErsattare, replacing: members[2]))
        let meeting = MeetingID(1)
        let agenda = [AgendaItem(meetingID: meeting, position: 1, kind: .rollCallAndAdjusters, title: "Upprop och val av justerare"),
                      AgendaItem(meetingID: meeting, position: 2, title: "Budget 2027", caseID: CaseID(5))]
        let memo = Memo(caseID: CaseID(5), author: "H", date: LocalDate(iso: "2026-11-20")!, summary: "Om budgeten.",
                        proposedClauses: ["godkänna budgeten"], basis: ["Tjänsteskrivelse"], recipients: ["Kommunstyrelsen"])
        let matter = Case(id: CaseID(5), committeeID: CommitteeID(1), diaryNumber: DiaryNumber("ALN 2026-00005")!, title: "Budget 2027")
        return MeetingSteps.open(meeting: meeting, agenda: agenda, cases: [CaseID(5): (matter, memo)], expected: expected, seats: 9,
                                 firstNumber: 41, secretary: "Sara Sekreterare")
    }

    @Test("opening numbers the paragraphs on from the year's highest and carries the tjänsteskrivelse's basis and recipients")
    func open() {
        let draft = opened()
        #expect(draft.minutes.paragraphs.map(\.number) == [41, 42])
        #expect(draft.paragraph(42)?.basis == ["Tjänsteskrivelse"] && draft.paragraph(42)?.recipients == ["Kommunstyrelsen"])
        #expect(draft.minutes.chair == members[0] && draft.minutes.voters(at: 42).count == 9)
    }

    @Test("three proposals: the chair's main proposal, a kontrapropositionsvotering, a roll-call main vote, then a reservation")
    func threeProposals() throws {
        var draft = opened()
        draft = try MeetingSteps.addProposal(draft, number: 42, Proposal(by: [members[0]], text: "bifall till förvaltningens förslag"))
        draft = try MeetingSteps.addProposal(draft, number: 42, Proposal(by: [members[3]], text: "avslag"))
        draft = try MeetingSteps.addProposal(draft, number: 42, Proposal(by: [members[6]], kind: .main, text: "ändrad budget med mer till bistånd"))
        draft = try MeetingSteps.chooseMain(draft, number: 42, text: "bifall till förvaltningens förslag")
        let questions = draft.paragraph(42)!.procedure!.questions
        #expect(questions.map(\.stage) == [.counterProposal, .main])
        #expect(questions[1].alternatives == ["bifall till förvaltningens förslag", QuestionOrder.previousWinner])
        #expect(throws: MeetingStepError.self) { try MeetingSteps.decide(draft, number: 42, question: 1, adopted: "bifall till förvaltningens förslag") }

        // Kontrapropositionsvotering: 5 ja for avslag, 3 nej, 1 avstår.
        let counter = members.indices.map { i -> Ballot in
            let voter = i == 2 ? substitute : members[i]
            return Ballot(voter: voter, choice: i < 5 ? .yes : i < 8 ? .no : .abstain)
        }
        draft = try MeetingSteps.vote(draft, number: 42, question: 0, ballots: counter)
        #expect(draft.paragraph(42)!.procedure!.questions[1].alternatives == ["bifall till förvaltningens förslag", "avslag"])

        // The main vote: 4 ja, 5 nej — avslag carries.
        let main = members.indices.map { i -> Ballot in Ballot(voter: i == 2 ? substitute : members[i], choice: i < 4 ? .yes : .no) }
        draft = try MeetingSteps.vote(draft, number: 42, question: 1, ballots: main)
        let p = draft.paragraph(42)!
        #expect(p.votes.map(\.kind) == [.counterProposal, .main])
        #expect(p.procedure!.questions[1].adopted == "avslag")
        #expect(p.procedure!.text.contains("Kontrapropositionsvotering begärs och verkställs"))
        #expect(p.procedure!.text.contains("Omröstningsresultat: 4 ja, 5 nej.") && p.procedure!.text.contains("Nämnden har beslutat enligt ”avslag”"))

        draft = try MeetingSteps.decideParagraph(draft, number: 42, clauses: ["avslå förslaget till budget"], recipients: ["Kommunstyrelsen"], immediate: false)
        draft = try MeetingSteps.reserve(draft, number: 42, by: [members[0], members[1]], reasons: nil)
        #expect(draft.paragraph(42)!.reservations.count == 1)
        // One not taking part (the absent ledamot) cannot reserve; after closing, no one can.
        #expect(throws: MeetingStepError.self) { try MeetingSteps.reserve(draft, number: 42, by: [members[2]], reasons: nil) }
        draft = try MeetingSteps.decideParagraph(draft, number: 41, clauses: ["Ledamot 4 utses att justera"], recipients: [], immediate: false)
        draft = try MeetingSteps.close(draft)
        #expect(throws: MeetingStepError.self) { try MeetingSteps.reserve(draft, number: 42, by: [members[1]], reasons: nil) }
        // The written reasons may come after the meeting.
        draft = try MeetingSteps.reservationReasons(draft, number: 42, index: 0, reasons: "Budgeten behövs.")
        #expect(draft.paragraph(42)!.reservations[0].reasons == "Budgeten behövs.")
    }

    @Test("a vote with more ballots than members taking part, or by one with jäv, is refused; a tie goes the chair's way")
    func votes() throws {
        var draft = opened()
        draft = try MeetingSteps.addProposal(draft, number: 42, Proposal(by: [members[0]], text: "bifall"))
        draft = try MeetingSteps.addProposal(draft, number: 42, Proposal(by: [members[3]], text: "avslag"))
        let tooMany = (members + [substitute]).map { Ballot(voter: $0, choice: .yes) }
        #expect(throws: MeetingStepError.self) { try MeetingSteps.vote(draft, number: 42, question: 0, ballots: tooMany) }
        #expect(draft.paragraph(42)!.votes.isEmpty, "the refused vote left nothing behind")

        // Jäv for Ledamot 9: eight take part, 4–4, the chair voted ja.
        var withJav = try MeetingSteps.setDisqualifications(draft, number: 42, [Disqualification(person: members[8])])
        let byJav = [Ballot(voter: members[8], choice: .no)]
        #expect(throws: MeetingStepError.self) { try MeetingSteps.vote(withJav, number: 42, question: 0, ballots: byJav) }
        let tie = (0..<8).map { i in Ballot(voter: i == 2 ? substitute : members[i], choice: i < 4 ? .yes : .no) }
        withJav = try MeetingSteps.vote(withJav, number: 42, question: 0, ballots: tie)
        #expect(withJav.paragraph(42)!.procedure!.questions[0].adopted == "bifall")
        #expect(withJav.paragraph(42)!.procedure!.text.contains("utslagsröst"))
        #expect(throws: MeetingStepError.self) {
            try MeetingSteps.addProposal(withJav, number: 42, Proposal(by: [members[8]], text: "något annat"))
        }
    }

    @Test("without a quorum nothing is decided; a formal proposal carried ends the matter for the day")
    func quorumAndFormal() throws {
        var draft = opened()
        let fewer = draft.minutes.attendance.enumerated().map { offset, row -> Attendance in
            var r = row
            if offset >= 4 { r.toParagraph = 41 }
            return r
        }
        let thin = try MeetingSteps.setAttendance(draft, fewer)
        #expect(thin.minutes.voters(at: 42).count == 4)
        #expect(throws: MeetingStepError.self) { try MeetingSteps.decideParagraph(thin, number: 42, clauses: ["godkänna"], recipients: [], immediate: false) }

        draft = try MeetingSteps.addProposal(draft, number: 42, Proposal(by: [members[0]], text: "bifall"))
        draft = try MeetingSteps.addProposal(draft, number: 42, Proposal(by: [members[3]], kind: .referBack, text: "för ytterligare beredning"))
        #expect(draft.paragraph(42)!.procedure!.questions.map(\.stage) == [.formal, .main])
        draft = try MeetingSteps.decide(draft, number: 42, question: 0, adopted: "för ytterligare beredning")
        #expect(draft.paragraph(42)!.procedure!.questions.count == 1, "återremiss carried: the matter is not decided today")
    }

    @Test("attendance that breaks the rules is refused: a § outside the minutes, from after to")
    func attendance() {
        let draft = opened()
        var rows = draft.minutes.attendance
        rows[1].fromParagraph = 99
        #expect(throws: MeetingStepError.self) { try MeetingSteps.setAttendance(draft, rows) }
        rows[1].fromParagraph = 42
        rows[1].toParagraph = 41
        #expect(throws: MeetingStepError.self) { try MeetingSteps.setAttendance(draft, rows) }
    }
}
