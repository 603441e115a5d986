import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafRender
import ParagrafStore
@testable import ParagrafWeb
import Testing

@Suite("Staff: planning, the agenda, the notice and absences")
struct PlanningWebTests {
    /// Ledamöter Mattias (C, the member account's person) and Marie (S), ersättare Sven (S, called
    /// first) and Cilla (C, called second).
    static func seats(_ store: SQLStore, _ world: StaffWorld) async throws -> (sven: Person, cilla: Person) {
        let term = Term(from: day("2023-01-01"), to: day("2026-12-31"))
        let sven = try await store.save(Person(municipalityID: world.aln.municipalityID, name: "Sven Svensson", party: "S"))
        let cilla = try await store.save(Person(municipalityID: world.aln.municipalityID, name: "Cilla Carlsson", party: "C"))
        _ = try await store.save(Membership(personID: world.members[0].id!, committeeID: world.aln.id!, role: .ordforande, term: term))
        _ = try await store.save(Membership(personID: world.members[1].id!, committeeID: world.aln.id!, role: .ledamot, term: term))
        _ = try await store.save(Membership(personID: sven.id!, committeeID: world.aln.id!, role: .ersattare, term: term, callingOrder: 1))
        _ = try await store.save(Membership(personID: cilla.id!, committeeID: world.aln.id!, role: .ersattare, term: term, callingOrder: 2))
        return (sven, cilla)
    }

    @Test("a secretary plans a meeting, builds the agenda from ready cases, edits it and sends the notice as HTML, PDF/A and one bundle")
    func cycle() async throws {
        try await withTemporaryStore { store, _ in
            let world = try await StaffWorld.make(store)
            _ = try await Self.seats(store, world)
            let aln = world.aln.id!
            func ready(_ title: String, secret: Bool = false) async throws -> Case {
                var matter = try await store.register(Case(committeeID: aln, diaryNumber: DiaryNumber(series: nil, year: nil, serial: ""), title: title,
                                                           secrecy: secret ? .secret(provision: "26 kap. 1 § OSL") : .open), year: 2026, actor: "test")
                _ = try await store.save(Memo(caseID: matter.id!, author: "Hanna", date: day("2026-11-20"), summary: "Om \(title).",
                                              proposedClauses: ["godkänna \(title.lowercased())"], basis: ["Tjänsteskrivelse"]), actor: "test")
                matter.status = .ready
                return try await store.update(matter, actor: "test")
            }
            let budget = try await ready("Budget 2027")
            _ = try await ready("Ärende om enskild", secret: true)
            _ = try await store.attach(Document(caseID: budget.id, kind: .bilaga, title: "Budgetbilaga"),
                                       content: try TestPDF.make("Budgetbilagans text"), actor: "test")
            let app = try await buildApplication(store: store, configuration: staffTestConfiguration, logger: quiet)
            try await app.test(.router) { client in
                let sara = try await TestSession.signIn(client, "sekr.aln")
                let plan = "/intern/namnder/\(aln.rawValue)/sammantraden"
                let bad = try await sara.postReading(client, plan, ["date": "2026-13-40", "time": "17"])
                #expect(bad.status == .unprocessableContent && bad.body.contains("ÅÅÅÅ-MM-DD") && bad.body.contains("tt:mm"))
                let planned = try await sara.postReading(client, plan, ["date": "2026-12-15", "time": "17.00", "place": "Stadshuset", "open": "ja"])
                #expect(planned.status == .seeOther)
                let meeting = try #require(try await store.meetings(of: aln, year: 2026).first)
                #expect(meeting.startTime == LocalTime("17:00") && meeting.isOpenToPublic && meeting.state == .planned)
                let path = "/intern/sammantraden/\(meeting.id!.rawValue)"

                #expect(try await sara.post(client, path + "/dagordning/klara") == .seeOther)
                var agenda = try await store.agenda(for: meeting.id!)
                #expect(agenda.map(\.title) == ["Upprop och val av justerare", "Godkännande av föredragningslistan", "Budget 2027", "Ärende om enskild",
                                                "Anmälningsärenden", "Redovisning av delegationsbeslut", "Övriga frågor"])
                #expect(agenda[3].isPublic == false && agenda[2].proposedDecision == "att godkänna budget 2027")

                // Move the secret case last among the cases, drop "Övriga frågor"; ticking "public" on the secret case is ignored.
                let edited = try await sara.post(client, path + "/dagordning", [
                    "ordning-0": "1", "offentlig-0": "ja", "ordning-1": "2", "offentlig-1": "ja", "ordning-2": "4", "offentlig-2": "ja",
                    "ordning-3": "5", "offentlig-3": "ja", "ordning-4": "3", "offentlig-4": "ja", "ordning-5": "6", "offentlig-5": "ja", "bort-6": "ja",
                ])
                #expect(edited == .seeOther)
                agenda = try await store.agenda(for: meeting.id!)
                #expect(agenda.map(\.title) == ["Upprop och val av justerare", "Godkännande av föredragningslistan", "Anmälningsärenden", "Budget 2027",
                                                "Ärende om enskild", "Redovisning av delegationsbeslut"])
                #expect(agenda.map(\.position) == Array(1...6) && agenda[4].isPublic == false)

                let sent = try await sara.post(client, path + "/kallelse", ["signedBy": "Mattias Danielsson, ordförande",
                                                                           "groupMeetings": "Mittsamverkan; 2026-12-08; 16:00\nMöte med fel datum; 8 dec"])
                #expect(sent == .unprocessableContent, "a group meeting with a date that cannot be read stops the notice")
                #expect(try await store.meeting(meeting.id!)?.state == .planned)
                #expect(try await sara.post(client, path + "/kallelse", ["signedBy": "Mattias Danielsson, ordförande",
                                                                        "groupMeetings": "Mittsamverkan; 2026-12-08; 16:00"]) == .seeOther)
                #expect(try await store.meeting(meeting.id!)?.state == .notified)

                let html = try await sara.get(client, path + "/kallelse") { response in
                    let page = String(buffer: response.body)
                    #expect(page.contains("tisdagen den 15 december 2026 kl. 17.00") && page.contains("Stadshuset"))
                    #expect(page.contains("Mittsamverkan tisdagen den 8 december klockan 16.00"))
                    #expect(page.contains("att godkänna budget 2027") && page.contains("(ej offentlig)"))
                }
                #expect(html == .ok)
                let pdf = try await client.execute(uri: path + "/kallelse.pdf", method: .get, headers: sara.headers) { Array(buffer: $0.body) }
                let text = try TestPDF.text(pdf)
                #expect(text.contains("KALLELSE") && text.contains("Föredragningslista") && text.contains("att godkänna budget 2027"))
                #expect(String(decoding: pdf, as: UTF8.self).contains("pdfaid:part"), "PDF/A identification in the XMP")
                let again = try await client.execute(uri: path + "/kallelse.pdf", method: .get, headers: sara.headers) { Array(buffer: $0.body) }
                #expect(again == pdf, "the same notice gives the same bytes")
                let bundle = try await client.execute(uri: path + "/kallelse-med-handlingar.pdf", method: .get, headers: sara.headers) { Array(buffer: $0.body) }
                let bundleText = try TestPDF.text(bundle)
                #expect(bundleText.contains("Föredragningslista") && bundleText.contains("Budgetbilagans text"))
                let (bundlePages, noticePages) = (TestPDF.pages(bundle), TestPDF.pages(pdf))
                #expect(bundlePages == noticePages + 1, "the bilaga on one page under its heading: \(bundlePages) against \(noticePages)")
            }
        }
    }

    @Test("a member reports absence and the ersättare of the same party is called; the secretary sees it; withdrawn, no one is called")
    func absence() async throws {
        try await withTemporaryStore { store, _ in
            let world = try await StaffWorld.make(store)
            let (_, cilla) = try await Self.seats(store, world)
            let meeting = try await store.plan(Meeting(committeeID: world.aln.id!, date: day("2026-12-15")), actor: "test")
            _ = try await store.setAgenda(AgendaPlan.standard(meeting: meeting.id!, cases: []), for: meeting.id!, actor: "test")
            try await store.issue(Notice(meetingID: meeting.id!, issued: day("2026-12-01")), actor: "test")
            let app = try await buildApplication(store: store, configuration: staffTestConfiguration, logger: quiet)
            try await app.test(.router) { client in
                let mattias = try await TestSession.signIn(client, "ledamot.aln")
                let path = "/intern/sammantraden/\(meeting.id!.rawValue)"
                let start = try await mattias.get(client, "/intern") { response in
                    #expect(String(buffer: response.body).contains(path + "/kallelse"), "the member finds the notice from the start page")
                }
                #expect(start == .ok)
                #expect(try await mattias.get(client, path) == .forbidden, "the planning page is the secretary's")
                #expect(try await mattias.post(client, path + "/forhinder") == .seeOther)
                #expect(try await store.absences(for: meeting.id!).map(\.personID) == [world.members[0].id!])

                let sara = try await TestSession.signIn(client, "sekr.aln")
                let page = try await sara.get(client, path) { response in
                    #expect(String(buffer: response.body).contains("Cilla Carlsson (C) tjänstgör för Mattias Danielsson (C)"))
                }
                #expect(page == .ok)
                // The secretary reports Marie's absence too: Sven (S) is called for her.
                #expect(try await sara.post(client, path + "/forhinder", ["person": String(world.members[1].id!.rawValue)]) == .seeOther)
                let both = try await sara.get(client, path) { response in
                    #expect(String(buffer: response.body).contains("Sven Svensson (S) tjänstgör för Marie Samuelsson (S)"))
                }
                #expect(both == .ok)
                // A member cannot report for someone else: the person field is ignored for them.
                #expect(try await mattias.post(client, path + "/forhinder/aterkalla", ["person": String(cilla.id!.rawValue)]) == .seeOther)
                #expect(Set(try await store.absences(for: meeting.id!).map(\.personID)) == [world.members[1].id!])
                let log = try await store.auditLog(subjectKind: "sammanträde", subjectID: meeting.id!.rawValue, limit: 20).map(\.action)
                #expect(log.prefix(3) == ["återkallade förhinder", "anmälde förhinder", "anmälde förhinder"])
            }
        }
    }
}

/// Real PDFs for tests: made by Typst, read back by poppler.
enum TestPDF {
    static func make(_ text: String) throws -> [UInt8] {
        try TypstCompiler().pdf("#set page(paper: \"a5\")\n" + Typst.text(text), standards: [])
    }

    static func text(_ pdf: [UInt8]) throws -> String { try run("pdftotext", pdf, ["-"]) }

    static func pages(_ pdf: [UInt8]) -> Int { PDFPages.count(pdf) }

    private static func run(_ tool: String, _ pdf: [UInt8], _ extra: [String]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-test-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool, url.path] + extra
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
