import Foundation
import ParagrafCore
import ParagrafImport
import ParagrafRender
import Testing

@Suite("The minutes as PDF/A, read back by the importer")
struct MinutesDocumentTests {
    static func sample() -> (Meeting, Minutes) {
        let meeting = Meeting(id: MeetingID(3), committeeID: CommitteeID(1), date: LocalDate(iso: "2026-12-15")!, startTime: LocalTime("17:00"),
                              endTime: LocalTime("18:05"), place: "Stadshuset, sal 1", state: .held)
        let chair = PersonRef(personID: PersonID(1), name: "Mattias Danielsson", party: "C")
        let marie = PersonRef(personID: PersonID(2), name: "Marie Samuelsson", party: "S")
        let sven = PersonRef(personID: PersonID(3), name: "Sven Svensson", party: "S")
        let birgitta = PersonRef(personID: PersonID(4), name: "Birgitta Bergman", party: "M")
        var budget = Paragraph(meetingID: MeetingID(3), number: 42, title: "Budget 2027", caseID: CaseID(5), diaryNumber: DiaryNumber("ALN 2026-00005 1.2.4"),
                               decision: [DecisionClause(text: "Arbetslivsnämnden avslår förslaget till budget.")],
                               description: "Förvaltningen har tagit fram ett förslag till budget för 2027.", basis: ["Tjänsteskrivelse", "Budgetbilaga"],
                               proposals: [Proposal(by: [chair], text: "bifall"), Proposal(by: [birgitta], text: "avslag")],
                               votes: [Vote(yesMeans: "bifall", noMeans: "avslag", ballots: [Ballot(voter: chair, choice: .yes), Ballot(voter: sven, choice: .no),
                                                                                             Ballot(voter: birgitta, choice: .no)])],
                               reservations: [Reservation(by: [chair], reasons: "Budgeten behövs.")], recipients: ["Kommunstyrelsen"])
        budget.procedure = DecisionProcedure(text: "", questions: [PropositionQuestion(stage: .main, alternatives: ["bifall", "avslag"], adopted: "avslag", vote: 0)])
        let procedureText = MeetingSteps.procedureText(budget)
        budget.procedure?.text = procedureText
        let minutes = Minutes(meetingID: MeetingID(3), chair: chair, secretary: "Sara Sekreterare",
                              attendance: [Attendance(person: chair, role: .ordforande), Attendance(person: sven, role: .tjanstgorandeErsattare, replacing: marie),
                                           Attendance(person: birgitta, role: .ledamot)],
                              paragraphs: [Paragraph(meetingID: MeetingID(3), number: 41, title: "Upprop och val av justerare",
                                                     decision: [DecisionClause(text: "Birgitta Bergman (M) utses att justera protokollet.")]), budget],
                              adjustment: Adjustment(adjusters: [birgitta], place: "Stadshuset", date: LocalDate(iso: "2026-12-18")!, signatures: []))
        return (meeting, minutes)
    }

    @Test("pdftotext of the PDF/A gives back the text in reading order: the importer reads the header, attendance and each paragraph")
    func roundTrip() throws {
        let (meeting, minutes) = Self.sample()
        let document = MinutesDocument(municipality: "Borås Stad", committee: "Arbetslivsnämnden", meeting: meeting, minutes: minutes,
                                       contentHash: String(repeating: "ab", count: 32))
        let pdf = try TypstCompiler().pdf(document.typst, timestamp: 1_765_756_800)
        let text = try TestPDF.text(pdf)
        let read = DocumentParser.parse(text: text, file: "protokoll.pdf", sha256: "x", format: .pdf)
        #expect(read.documentType == "protokoll")
        #expect(read.meetingDate == "2026-12-15" && read.startTime == "17:00" && read.endTime == "18:05", "\(read.json())\n\(text)")
        #expect(read.items.map(\.number) == [41, 42])
        #expect(read.items.map(\.title) == ["Upprop och val av justerare", "Budget 2027"])
        #expect(read.items[1].dnr == "ALN 2026-00005" && read.items[1].classification == "1.2.4")
        #expect(read.items[1].decisionText == "Arbetslivsnämnden avslår förslaget till budget.")
        #expect(read.items[1].hasVote && read.items[1].hasReservation)
        #expect(read.items[1].basis == ["Tjänsteskrivelse", "Budgetbilaga"])
        #expect(read.items[1].decisionRecipients == ["Kommunstyrelsen"])
        #expect(read.adjusters == ["Birgitta Bergman"])
        #expect(read.membersPresent.map(\.name) == ["Mattias Danielsson", "Sven Svensson", "Birgitta Bergman"])
        #expect(read.membersPresent[1].replacing == "Marie Samuelsson")
        #expect(read.chair == "Mattias Danielsson")
        #expect(text.contains(String(repeating: "ab", count: 32)))
        #expect(try TypstCompiler().pdf(document.typst, timestamp: 1_765_756_800) == pdf, "the same minutes give the same bytes")
    }
}
