import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafRender
import ParagrafStore
@testable import ParagrafWeb
import Testing

@Suite("HTTP application")
struct WebTests {
    @Test func healthAnswers() async throws {
        try await withTemporaryStore { store, _ in
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            try await app.test(.router) { client in
                try await client.execute(uri: "/health", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("\"status\":\"ok\""))
                }
            }
        }
    }

    @Test("the start page lists the store's committees and meetings")
    func startPageFromStore() async throws {
        try await withTemporaryStore { store, _ in
            let m = try await store.save(Municipality(name: "Borås"))
            let ks = try await store.save(Committee(municipalityID: m.id!, name: "Kommunstyrelsen", kind: .styrelse))
            _ = try await store.save(Committee(municipalityID: m.id!, name: "Arbetslivsnämnden", kind: .namnd))
            _ = try await store.save(Committee(municipalityID: m.id!, name: "Kommunstyrelsens arbetsutskott", kind: .utskott, parentID: ks.id))
            let today = LocalDate.today()
            _ = try await store.save(Meeting(committeeID: ks.id!, date: today.adding(days: 7), startTime: LocalTime("09:00"),
                                             place: "Stadshuset <sal 1>"))
            _ = try await store.save(Meeting(committeeID: ks.id!, date: today.adding(days: -7), state: .held))
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            try await app.test(.router) { client in
                try await client.execute(uri: "/", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    let html = String(buffer: response.body)
                    #expect(html.contains("<html lang=\"sv\">"))
                    #expect(html.contains("Arbetslivsnämnden"))
                    #expect(html.contains("Kommunstyrelsens arbetsutskott"))
                    #expect(html.contains("under Kommunstyrelsen"))
                    #expect(html.contains("Kommande sammanträden"))
                    #expect(html.contains(SwedishFormat.longDate(today.adding(days: 7))))
                    #expect(html.contains("Stadshuset &lt;sal 1&gt;"), "text is escaped")
                    #expect(!html.contains("<sal 1>"))
                }
                try await client.execute(uri: "/finns-inte", method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(String(buffer: response.body).contains("Sidan finns inte"))
                }
            }
        }
    }

    @Test("an empty store says how to fill it")
    func emptyStartPage() async throws {
        try await withTemporaryStore { store, _ in
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            try await app.test(.router) { client in
                try await client.execute(uri: "/", method: .get) { response in
                    #expect(String(buffer: response.body).contains("paragraf demo"))
                }
            }
        }
    }

    @Test("start page HTML snapshot")
    func startPageSnapshot() async throws {
        let renderer = try await PageRenderer.load()
        let meeting = Meeting(id: MeetingID(7), committeeID: CommitteeID(1), date: LocalDate(iso: "2024-04-16")!, startTime: LocalTime("17:00"),
                              endTime: LocalTime("17:59"), place: "Arbetslivsförvaltningen, Österlånggatan 74", state: .announced)
        let row = StartPage.MeetingRow(committee: "Arbetslivsnämnden", meeting: meeting)
        let page = StartPage(
            municipalities: [StartPage.MunicipalitySection(name: "Borås", committees: [
                StartPage.CommitteeRow(name: "Arbetslivsnämnden", kind: .namnd, parent: nil, years: [.init(year: 2024, meetings: [row])]),
                StartPage.CommitteeRow(name: "Valberedningen", kind: .beredning, parent: nil, years: []),
            ])],
            upcoming: [], recent: [row],
            board: [NoticeOfAdjustment(meetingID: MeetingID(7), municipality: "Borås", committee: "Arbetslivsnämnden",
                                       meeting: meeting.dating, adjusted: LocalDate(iso: "2024-04-19"),
                                       announcement: Announcement(posted: LocalDate(iso: "2024-04-19")!), paragraphs: 30...43)])
        try assertSnapshot(try renderer.render(page), named: "start.html")
    }
}

@Suite("The official notice board")
struct NoticeBoardWebTests {
    @Test("/anslagstavla shows the notices up today with their dates and appeal day, and fullmäktige's coming meetings")
    func boardFromStore() async throws {
        try await withTemporaryStore { store, _ in
            let m = try await store.save(Municipality(name: "Borås"))
            let aln = try await store.save(Committee(municipalityID: m.id!, name: "Arbetslivsnämnden", kind: .namnd))
            let kf = try await store.save(Committee(municipalityID: m.id!, name: "Kommunfullmäktige", kind: .fullmaktige))
            let today = LocalDate.today()
            func minutes(held: Int, posted: Int, kept: String) async throws -> Meeting {
                let meeting = try await store.save(Meeting(committeeID: aln.id!, date: today.adding(days: held), state: .announced))
                _ = try await store.save(Minutes(meetingID: meeting.id!,
                                                 paragraphs: [Paragraph(meetingID: meeting.id!, number: 30 - held, title: "Ärende")],
                                                 adjustment: Adjustment(adjusters: [], date: today.adding(days: posted - 1)),
                                                 announcement: Announcement(posted: today.adding(days: posted), minutesKeptAt: kept)))
                return meeting
            }
            let up = try await minutes(held: -6, posted: -2, kept: "Arbetslivsförvaltningen, Österlånggatan 74")
            _ = try await minutes(held: -70, posted: -60, kept: "Nedtaget förråd")
            _ = try await minutes(held: -1, posted: 1, kept: "Anslås i morgon")
            _ = try await store.save(Meeting(committeeID: kf.id!, date: today.adding(days: 10), startTime: LocalTime("18:00"),
                                             place: "Stadshuset, fullmäktigesalen", state: .notified))
            let posted = today.adding(days: -2)
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            try await app.test(.router) { client in
                try await client.execute(uri: "/anslagstavla", method: .get) { response in
                    #expect(response.status == .ok)
                    let html = String(buffer: response.body)
                    #expect(html.contains("Arbetslivsförvaltningen, Österlånggatan 74"))
                    #expect(html.contains("href=\"/sammantraden/\(up.id!.rawValue)\""))
                    #expect(html.contains("<time datetime=\"\(posted.iso)\">"))
                    #expect(html.contains(SwedishFormat.longDate(Deadlines.lastAppealDay(posted: posted))))
                    #expect(html.contains(SwedishFormat.longDate(Deadlines.takeDown(posted: posted))))
                    #expect(!html.contains("Nedtaget förråd"), "a notice whose appeal period has ended is down")
                    #expect(!html.contains("Anslås i morgon"), "a notice is not up before the day it is posted")
                    #expect(html.contains("Kommunfullmäktige sammanträder"))
                    #expect(html.contains("Stadshuset, fullmäktigesalen"))
                    #expect(html.contains("href=\"/anslagstavla/laglighetsprovning\""))
                }
                try await client.execute(uri: "/anslagstavla/laglighetsprovning", method: .get) { response in
                    #expect(response.status == .ok)
                    let html = String(buffer: response.body)
                    #expect(html.contains("13 kap. kommunallagen"))
                    #expect(html.contains("förvaltningsrätten"))
                }
                try await client.execute(uri: "/", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("href=\"/anslagstavla\""), "every page links to the notice board")
                    #expect(html.contains("href=\"/anslagstavla#anslag-\(up.id!.rawValue)\""), "the start page shows what is up today")
                }
            }
        }
    }

    @Test("notice board and appeal page HTML snapshots")
    func snapshots() async throws {
        let renderer = try await PageRenderer.load()
        let notice = NoticeOfAdjustment(meetingID: MeetingID(7), municipality: "Borås", committee: "Arbetslivsnämnden",
                                        meeting: .on(LocalDate(iso: "2024-04-16")!), adjusted: LocalDate(iso: "2024-04-19"),
                                        announcement: Announcement(posted: LocalDate(iso: "2024-04-19")!,
                                                                   minutesKeptAt: "Arbetslivsförvaltningen, Österlånggatan 74"),
                                        paragraphs: 30...43)
        let undated = NoticeOfAdjustment(meetingID: MeetingID(9), municipality: "Borås", committee: "Socialnämnden",
                                         meeting: .undated(year: 2024), adjusted: nil,
                                         announcement: Announcement(posted: LocalDate(iso: "2024-04-22")!), paragraphs: 111...111)
        let council = Meeting(id: MeetingID(12), committeeID: CommitteeID(3), date: LocalDate(iso: "2024-04-25")!,
                              startTime: LocalTime("18:00"), place: "Stadshuset, fullmäktigesalen", state: .notified)
        let today = LocalDate(iso: "2024-04-23")!
        let board = NoticeBoardPage(today: today, notices: NoticeBoard.notices([notice, undated], on: today),
                                    convened: [.init(committee: "Kommunfullmäktige", municipality: "Borås", meeting: council)])
        try assertSnapshot(try renderer.render(board), named: "anslagstavla.html")
        try assertSnapshot(try renderer.render(NoticeBoardPage(today: today, notices: [], convened: [])), named: "anslagstavla-tom.html")
        try assertSnapshot(try renderer.render(AppealPage(example: LocalDate(iso: "2023-06-02")!)), named: "laglighetsprovning.html")
    }
}

@Suite("Case pages")
struct CasePageTests {
    @Test("/arenden/N follows a matter through its agenda, its decisions and its documents; a diary number finds it")
    func caseFromStore() async throws {
        try await withTemporaryStore { store, _ in
            let m = try await store.save(Municipality(name: "Borås"))
            let aln = try await store.save(Committee(municipalityID: m.id!, name: "Arbetslivsnämnden", kind: .namnd))
            let ks = try await store.save(Committee(municipalityID: m.id!, name: "Kommunstyrelsen", kind: .styrelse))
            let matter = try await store.save(Case(committeeID: aln.id!, diaryNumber: DiaryNumber("ALN 2024-00029 1.2.4.1")!,
                                                   title: "Budgetuppföljning efter mars 2024", status: .decided))
            let secret = try await store.save(Case(committeeID: aln.id!, diaryNumber: DiaryNumber("ALN 2024-00030")!,
                                                   title: "Enskilt ärende", secrecy: .secret(provision: "26 kap. 1 § OSL")))
            let first = try await store.save(Meeting(committeeID: aln.id!, date: day("2024-04-16"), state: .announced))
            let second = try await store.save(Meeting(committeeID: ks.id!, date: day("2024-05-20"), state: .announced))
            _ = try await store.replaceAgenda([AgendaItem(meetingID: first.id!, position: 5, title: "Budgetuppföljning",
                                                          caseID: matter.id)], for: first.id!)
            _ = try await store.save(Minutes(meetingID: first.id!, paragraphs: [
                Paragraph(meetingID: first.id!, number: 34, title: "Budgetuppföljning efter mars 2024", caseID: matter.id,
                          diaryNumber: matter.diaryNumber, decision: [DecisionClause(text: "Arbetslivsnämnden godkänner uppföljningen.")]),
            ]))
            _ = try await store.save(Minutes(meetingID: second.id!, paragraphs: [
                Paragraph(meetingID: second.id!, number: 88, title: "Nämndernas budgetuppföljning", caseID: matter.id,
                          decision: [DecisionClause(text: "Kommunstyrelsen lägger uppföljningen till handlingarna.")]),
                Paragraph(meetingID: second.id!, number: 89, title: "Sekretess", caseID: matter.id, isPublic: false,
                          decision: [DecisionClause(text: "Inte för allmänheten.")]),
            ]))
            _ = try await store.save(Document(caseID: matter.id, kind: .tjansteskrivelse, title: "Tjänsteskrivelse om uppföljningen",
                                              date: day("2024-04-02")))
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            try await app.test(.router) { client in
                try await client.execute(uri: "/arenden/\(matter.id!.rawValue)", method: .get) { response in
                    #expect(response.status == .ok)
                    let html = String(buffer: response.body)
                    let order = ["Tjänsteskrivelse om uppföljningen", "På föredragningslistan, punkt 5", "Arbetslivsnämnden godkänner",
                                 "Kommunstyrelsen lägger uppföljningen"].map { html.range(of: $0)?.lowerBound }
                    #expect(order.allSatisfy { $0 != nil })
                    #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "in the order it happened")
                    #expect(html.contains("href=\"/sammantraden/\(second.id!.rawValue)/paragrafer/88\""))
                    #expect(html.contains("Paragrafen är inte offentlig"))
                    #expect(!html.contains("Inte för allmänheten."))
                    #expect(html.contains("ALN 2024-00029 1.2.4.1"))
                }
                let location = try await client.execute(uri: "/arenden?dnr=ALN%202024-00029", method: .get) { response in
                    #expect(response.status == .seeOther)
                    return response.headers[.location]
                }
                #expect(location == "/arenden/\(matter.id!.rawValue)")
                try await client.execute(uri: "/arenden?dnr=ALN%202024-99999", method: .get) { response in
                    #expect(response.status == .notFound)
                }
                try await client.execute(uri: "/arenden/\(secret.id!.rawValue)", method: .get) { response in
                    #expect(response.status == .notFound, "a secret case has no public page")
                }
                try await client.execute(uri: "/arenden?dnr=ALN%202024-00030", method: .get) { response in
                    #expect(response.status == .notFound)
                }
                try await client.execute(uri: "/sammantraden/\(first.id!.rawValue)/paragrafer/34", method: .get) { response in
                    #expect(String(buffer: response.body).contains("href=\"/arenden/\(matter.id!.rawValue)\""))
                }
            }
        }
    }
}

extension CasePageTests {
    @Test("case pages HTML snapshots")
    func snapshots() async throws {
        let renderer = try await PageRenderer.load()
        let matter = Case(id: CaseID(4), committeeID: CommitteeID(1), diaryNumber: DiaryNumber("ALN 2024-00029 1.2.4.1")!,
                          title: "Budgetuppföljning efter mars 2024", status: .decided)
        let aln = CasePage.Source(meeting: Meeting(id: MeetingID(7), committeeID: CommitteeID(1), date: day("2024-04-16")),
                                  committee: "Arbetslivsnämnden")
        let ks = CasePage.Source(meeting: Meeting(id: MeetingID(9), committeeID: CommitteeID(2), dating: .undated(year: 2024)),
                                 committee: "Kommunstyrelsen")
        let page = CasePage(
            matter: matter, municipality: "Borås", registeredBy: "Arbetslivsnämnden",
            agenda: [(AgendaItem(meetingID: MeetingID(7), position: 5, title: "Budgetuppföljning"), aln)],
            paragraphs: [(Paragraph(meetingID: MeetingID(7), number: 34, title: "Budgetuppföljning efter mars 2024",
                                    decision: [DecisionClause(text: "Arbetslivsnämnden godkänner uppföljningen.")]), aln),
                         (Paragraph(meetingID: MeetingID(9), number: 89, title: "Sekretess", isPublic: false), ks)],
            documents: [(Document(id: DocumentID(3), caseID: CaseID(4), kind: .tjansteskrivelse, title: "Tjänsteskrivelse",
                                  date: day("2024-04-02"), file: StoredFile(fileName: "t.pdf", mediaType: "application/pdf",
                                                                           sha256: "x", byteCount: 10)), nil)])
        try assertSnapshot(try renderer.render(page), named: "arende.html")
        let choice = CaseChoicePage(diaryNumber: "KS 2024/1", rows: [
            .init(url: "/arenden/1", title: "Budget 2025", municipality: "Ale", committee: "Kommunstyrelsen"),
            .init(url: "/arenden/2", title: "Motion om cykelbanor", municipality: "Borås", committee: "Kommunstyrelsen"),
        ])
        try assertSnapshot(try renderer.render(choice), named: "arenden-val.html")
    }
}

@Suite("Committee pages")
struct CommitteePageTests {
    @Test("/namnder lists every committee; a committee shows its members by party, its officials and its meetings")
    func committeesFromStore() async throws {
        try await withTemporaryStore { store, _ in
            let m = try await store.save(Municipality(name: "Borås"))
            let ks = try await store.save(Committee(municipalityID: m.id!, name: "Kommunstyrelsen", kind: .styrelse))
            let au = try await store.save(Committee(municipalityID: m.id!, name: "Kommunstyrelsens arbetsutskott", kind: .utskott,
                                                    parentID: ks.id))
            let anna = try await store.save(Person(municipalityID: m.id!, name: "Anna Ek", party: "S"))
            let olle = try await store.save(Person(municipalityID: m.id!, name: "Olle Berg", party: "M"))
            let eva = try await store.save(Person(municipalityID: m.id!, name: "Eva Sand", party: "S"))
            let term = Term(from: day("2023-01-01"), to: day("2026-12-31"))
            _ = try await store.save(Membership(personID: anna.id!, committeeID: ks.id!, role: .ordforande, term: term))
            _ = try await store.save(Membership(personID: olle.id!, committeeID: ks.id!, role: .ledamot, term: term))
            _ = try await store.save(Membership(personID: eva.id!, committeeID: ks.id!, role: .ersattare, term: term, callingOrder: 1))
            let meeting = try await store.save(Meeting(committeeID: ks.id!, date: day("2024-04-16"), state: .adjusted))
            _ = try await store.save(Minutes(meetingID: meeting.id!,
                                             attendance: [Attendance(person: PersonRef(personID: anna.id, name: "Anna Ek", party: "S"),
                                                                     role: .ordforande)],
                                             officials: [OfficialAttendance(name: "Tina Lund", title: "kommundirektör")]))
            // The utskott has no memberships: its latest minutes tell who served.
            let auMeeting = try await store.save(Meeting(committeeID: au.id!, date: day("2024-03-05"), state: .adjusted))
            _ = try await store.save(Minutes(meetingID: auMeeting.id!,
                                             attendance: [Attendance(person: PersonRef(name: "Kalle Ny", party: "C"), role: .ledamot)]))
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            try await app.test(.router) { client in
                try await client.execute(uri: "/namnder", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("href=\"/namnder/\(ks.id!.rawValue)\""))
                    #expect(html.contains("Kommunstyrelsens arbetsutskott"))
                    #expect(html.contains("under Kommunstyrelsen"))
                }
                try await client.execute(uri: "/namnder/\(ks.id!.rawValue)", method: .get) { response in
                    #expect(response.status == .ok)
                    let html = String(buffer: response.body)
                    let order = ["<h3>M</h3>", "Olle Berg", "<h3>S</h3>", "Anna Ek", "Eva Sand"].map { html.range(of: $0)?.lowerBound }
                    #expect(order.allSatisfy { $0 != nil } && order.compactMap { $0 } == order.compactMap { $0 }.sorted(),
                            "parties in order, members before ersättare")
                    #expect(html.contains("ersättare (1)"))
                    #expect(html.contains("Tina Lund, kommundirektör"))
                    #expect(html.contains("href=\"/sammantraden/\(meeting.id!.rawValue)\""))
                }
                try await client.execute(uri: "/namnder/\(au.id!.rawValue)", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("Kalle Ny"))
                    #expect(html.contains("Enligt protokollet från sammanträdet tisdag 5 mars 2024"))
                }
                try await client.execute(uri: "/namnder/9999", method: .get) { response in
                    #expect(response.status == .notFound)
                }
            }
        }
    }

    @Test("committee pages HTML snapshots")
    func snapshots() async throws {
        let renderer = try await PageRenderer.load()
        let ks = Committee(id: CommitteeID(1), municipalityID: MunicipalityID(1), name: "Kommunstyrelsen", kind: .styrelse)
        let au = Committee(id: CommitteeID(2), municipalityID: MunicipalityID(1), name: "Kommunstyrelsens arbetsutskott", kind: .utskott,
                           parentID: CommitteeID(1))
        try assertSnapshot(try renderer.render(CommitteesPage([("Borås", ks), ("Borås", au)])), named: "namnder.html")
        let page = CommitteePage(
            committee: ks, municipality: "Borås", parent: nil,
            seats: [.init(person: PersonRef(personID: PersonID(1), name: "Anna Ek", party: "S"), role: "ordförande", isSubstitute: false),
                    .init(person: PersonRef(personID: PersonID(3), name: "Eva Sand", party: "S"), role: "ersättare (1)", isSubstitute: true),
                    .init(person: PersonRef(name: "Olle Berg", party: "m"), role: "ledamot", isSubstitute: false)],
            fromMinutesOf: nil, officials: [("Tina Lund", "kommundirektör")],
            meetings: [Meeting(id: MeetingID(7), committeeID: CommitteeID(1), date: day("2024-04-16"), state: .adjusted)])
        try assertSnapshot(try renderer.render(page), named: "namnd.html")
    }
}

@Suite("Person pages")
struct PersonPageTests {
    @Test("/personer/N shows a member's seats, attendance, proposals and reservations, never from a closed paragraph")
    func personFromStore() async throws {
        try await withTemporaryStore { store, _ in
            let m = try await store.save(Municipality(name: "Borås"))
            let aln = try await store.save(Committee(municipalityID: m.id!, name: "Arbetslivsnämnden", kind: .namnd))
            let olle = try await store.save(Person(municipalityID: m.id!, name: "Olle Berg", party: "M"))
            let ref = PersonRef(personID: olle.id, name: "Olle Berg", party: "M")
            _ = try await store.save(Membership(personID: olle.id!, committeeID: aln.id!, role: .ledamot,
                                                term: Term(from: day("2023-01-01"), to: day("2026-12-31"))))
            let meeting = try await store.save(Meeting(committeeID: aln.id!, date: day("2024-04-16"), state: .adjusted))
            _ = try await store.save(Minutes(meetingID: meeting.id!, attendance: [Attendance(person: ref, role: .ledamot)], paragraphs: [
                Paragraph(meetingID: meeting.id!, number: 34, title: "Budgetuppföljning",
                          proposals: [Proposal(by: [ref], kind: .referBack, text: "Återremiss för komplettering.")],
                          reservations: [Reservation(by: [ref], reasons: "Till förmån för eget yrkande.")]),
                Paragraph(meetingID: meeting.id!, number: 35, title: "Enskilt ärende", isPublic: false,
                          proposals: [Proposal(by: [ref], text: "Avslag på ansökan från sökanden.")]),
            ]))
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            try await app.test(.router) { client in
                try await client.execute(uri: "/personer/\(olle.id!.rawValue)", method: .get) { response in
                    #expect(response.status == .ok)
                    let html = String(buffer: response.body)
                    #expect(html.contains("Olle Berg (M)"))
                    #expect(html.contains("href=\"/namnder/\(aln.id!.rawValue)\""))
                    #expect(html.contains("Återremiss för komplettering."))
                    #expect(html.contains("Till förmån för eget yrkande."))
                    #expect(html.contains("href=\"/sammantraden/\(meeting.id!.rawValue)/paragrafer/34\""))
                    #expect(!html.contains("Enskilt ärende") && !html.contains("Avslag på ansökan"), "closed paragraphs are left out")
                }
                try await client.execute(uri: "/sammantraden/\(meeting.id!.rawValue)", method: .get) { response in
                    #expect(String(buffer: response.body).contains("href=\"/personer/\(olle.id!.rawValue)\""))
                }
                try await client.execute(uri: "/personer/9999", method: .get) { response in
                    #expect(response.status == .notFound)
                }
            }
        }
    }

    @Test("person page HTML snapshot")
    func snapshot() async throws {
        let renderer = try await PageRenderer.load()
        let meeting = Meeting(id: MeetingID(7), committeeID: CommitteeID(1), date: day("2024-04-16"), state: .adjusted)
        let activity = PersonActivity(
            attended: [.init(meetingID: MeetingID(7), role: .ledamot)],
            proposals: [.init(meetingID: MeetingID(7), paragraphNumber: 34, paragraphTitle: "Budgetuppföljning", paragraphIsPublic: true,
                              text: "Återremiss för komplettering.")],
            reservations: [.init(meetingID: MeetingID(7), paragraphNumber: 35, paragraphTitle: "Enskilt ärende", paragraphIsPublic: false,
                                 text: "Hemligt")])
        let page = PersonPage(
            person: Person(id: PersonID(2), municipalityID: MunicipalityID(1), name: "Olle Berg", party: "M"), municipality: "Borås",
            memberships: [(Membership(personID: PersonID(2), committeeID: CommitteeID(1), role: .ledamot,
                                      term: Term(from: day("2023-01-01"), to: day("2026-12-31"))),
                           Committee(id: CommitteeID(1), municipalityID: MunicipalityID(1), name: "Arbetslivsnämnden", kind: .namnd))],
            activity: activity, places: [MeetingID(7): .init(meeting: meeting, committee: "Arbetslivsnämnden")])
        try assertSnapshot(try renderer.render(page), named: "person.html")
    }
}

@Suite("Swedish formats")
struct SwedishFormatTests {
    @Test func datesAndTimes() {
        #expect(SwedishFormat.longDate(LocalDate(iso: "2024-04-16")!) == "tisdag 16 april 2024")
        #expect(SwedishFormat.timeSpan(LocalTime("17:00"), LocalTime("17:59")) == "kl. 17.00–17.59")
        #expect(SwedishFormat.timeSpan(nil, nil) == nil)
        #expect(Slug.make("Barn- och utbildningsnämnden") == "barn-och-utbildningsnamnden")
        #expect(Slug.make("Älvstad") == "alvstad")
    }
}
