import Foundation
import ParagrafCore
import ParagrafRender
import Testing

/// The meeting, paragraph and error pages as HTML, kept to see every change to them.
@Suite("Meeting pages: snapshots")
struct MeetingSnapshotTests {
    static let m = MeetingID(7)
    static let chair = PersonRef(personID: PersonID(1), name: "Mattias Danielsson", party: "C")
    static let member = PersonRef(personID: PersonID(2), name: "Marie Samuelsson", party: "S")
    static let substitute = PersonRef(personID: PersonID(3), name: "Crister Spets", party: "SD")
    static let meeting = Meeting(id: m, committeeID: CommitteeID(3), date: LocalDate(iso: "2024-04-16")!, startTime: LocalTime("17:00"),
                                 endTime: LocalTime("18:40"), place: "Österlånggatan 74, Borås", state: .announced, isOpenToPublic: true)

    static var paragraph: Paragraph {
        Paragraph(id: ParagraphID(12), meetingID: m, number: 34, title: "Budgetuppföljning efter mars 2024", caseID: CaseID(5),
                  diaryNumber: DiaryNumber("ALN 2024-00029 1.2.4.1"),
                  decision: [DecisionClause(number: 1, text: "Arbetslivsnämnden godkänner budgetuppföljningen."),
                             DecisionClause(number: 2, text: "Förvaltningen får i uppdrag att återrapportera i juni.")],
                  description: "Nämnden redovisar ett underskott.\nPrognosen är osäker.",
                  basis: ["Tjänsteskrivelse 2024-04-02", "Budgetuppföljning mars 2024"],
                  proposals: [Proposal(by: [chair], text: "Bifall till förvaltningens förslag."),
                              Proposal(by: [member], kind: .referBack, text: "Ärendet återremitteras.")],
                  procedure: DecisionProcedure(text: "Ordföranden ställer först frågan om återremiss och finner att ärendet ska avgöras i dag.",
                                               questions: [PropositionQuestion(stage: .formal, alternatives: ["avgöras i dag", "återremiss"],
                                                                               adopted: "avgöras i dag", vote: 0)]),
                  votes: [Vote(question: "Ska ärendet avgöras i dag?", yesMeans: "avgöras i dag", noMeans: "återremiss",
                               ballots: [Ballot(voter: chair, choice: .yes), Ballot(voter: member, choice: .no),
                                         Ballot(voter: substitute, choice: .abstain)])],
                  reservations: [Reservation(by: [member], reasons: "Underlaget räcker inte.")],
                  statements: [Statement(kind: .protokollsanteckning, by: [substitute], text: "Jag vill se en åtgärdsplan.")],
                  recipients: ["Ekonomiavdelningen", "Revisionen"])
    }

    @Test("a held meeting with its agenda, documents, attendance and minutes")
    func meetingPage() async throws {
        let renderer = try await PageRenderer.load()
        let minutes = Minutes(meetingID: Self.m, chair: Self.chair, secretary: "Karin Ek",
                              attendance: [Attendance(person: Self.chair, role: .ordforande), Attendance(person: Self.member, role: .ledamot),
                                           Attendance(person: Self.substitute, role: .tjanstgorandeErsattare,
                                                      replacing: PersonRef(name: "Sofia Bryngelsson", party: "SD"))],
                              officials: [OfficialAttendance(name: "Anna Gustafsson", title: "förvaltningschef", fromParagraph: 33, toParagraph: 34)],
                              paragraphs: [Self.paragraph, Paragraph(meetingID: Self.m, number: 35, title: "Ansökan om bistånd", isPublic: false)],
                              adjustment: Adjustment(adjusters: [Self.member], place: "Stadshuset", date: LocalDate(iso: "2024-04-18")),
                              announcement: Announcement(posted: LocalDate(iso: "2024-04-19")!, minutesKeptAt: "Arbetslivsförvaltningen"))
        let page = MeetingPage(municipality: "Borås", committee: "Arbetslivsnämnden", meeting: Self.meeting,
                               documents: [Document(id: DocumentID(4), meetingID: Self.m, kind: .kallelse, title: "Kallelse 2024-04-16",
                                                    file: StoredFile(fileName: "kallelse.pdf", mediaType: "application/pdf", sha256: "x",
                                                                     byteCount: 120_000))],
                               agenda: [AgendaItem(meetingID: Self.m, position: 1, kind: .rollCallAndAdjusters, title: "Upprop och val av justerare"),
                                        AgendaItem(meetingID: Self.m, position: 2, title: "Budgetuppföljning efter mars 2024", caseID: CaseID(5)),
                                        AgendaItem(meetingID: Self.m, position: 3, title: "Ansökan om bistånd", isPublic: false)],
                               caseNumbers: [CaseID(5): "ALN 2024-00029"], minutes: minutes)
        try assertSnapshot(try renderer.render(page), named: "sammantrade.html")
    }

    @Test("a paragraph with proposals, the decision procedure, a named vote, a reservation and a statement")
    func paragraphPage() async throws {
        let renderer = try await PageRenderer.load()
        let page = ParagraphPage(municipality: "Borås", committee: "Arbetslivsnämnden", meeting: Self.meeting, paragraph: Self.paragraph,
                                 previous: 33, next: 35)
        let html = try renderer.render(page)
        #expect(html.contains("Marie Samuelsson (S)") && html.contains("avstår"))
        try assertSnapshot(html, named: "paragraf.html")
    }

    @Test("an error page says what happened")
    func errorPage() async throws {
        let renderer = try await PageRenderer.load()
        try assertSnapshot(try renderer.render(ErrorPage(title: "Sidan finns inte", message: "Adressen leder inte till någon sida här.")),
                           named: "fel.html")
    }
}
