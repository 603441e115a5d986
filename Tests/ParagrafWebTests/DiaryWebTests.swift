import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafStore
@testable import ParagrafWeb
import Testing

@Suite("Staff: the diary")
struct DiaryWebTests {
    /// A multipart body as a browser sends a form with a file.
    static func multipart(_ fields: [(String, String)], file: (name: String, bytes: [UInt8])?, boundary: String = "----paragraf7MA4YWxk") -> [UInt8] {
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        return body + Array("--\(boundary)--\r\n".utf8)
    }

    static func upload(_ client: some TestClientProtocol, _ session: TestSession, _ path: String, _ fields: [(String, String)],
                       file: (name: String, bytes: [UInt8])?) async throws -> (HTTPResponse.Status, String) {
        var headers = session.headers
        headers[.contentType] = "multipart/form-data; boundary=----paragraf7MA4YWxk"
        let body = multipart(fields + [("csrf", session.csrf ?? "")], file: file)
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body)) { response in
            (response.status, String(buffer: response.body))
        }
    }

    @Test("a secretary registers cases in the committee's series; a refused form keeps what was typed and registers nothing")
    func register() async throws {
        try await withTemporaryStore { store, _ in
            let world = try await StaffWorld.make(store)
            let app = try await buildApplication(store: store, configuration: staffTestConfiguration, logger: quiet)
            try await app.test(.router) { client in
                let sara = try await TestSession.signIn(client, "sekr.aln")
                let diary = "/intern/namnder/\(world.aln.id!.rawValue)/diarium"
                let first = try await sara.postReading(client, diary, ["title": "Verksamhetsplan 2027", "klass": "1.2.4", "handler": "Hanna Handläggare"])
                #expect(first.status == .seeOther && first.location.hasPrefix("/intern/arenden/"))
                let second = try await sara.postReading(client, diary, ["title": "Yttrande över motion", "secret": "ja", "provision": "26 kap. 1 § OSL"])
                #expect(second.status == .seeOther)
                let year = LocalDate.today().year
                let cases = try await store.cases(in: world.aln.id!).sorted { $0.id! < $1.id! }
                #expect(cases.map(\.diaryNumber.withClassification) == ["ALN \(year)-00001 1.2.4", "ALN \(year)-00002"])
                #expect(cases[1].secrecy == .secret(provision: "26 kap. 1 § OSL"))
                let log = try await store.auditLog(subjectKind: "ärende", subjectID: cases[0].id!.rawValue, limit: 10)
                #expect(log.first?.action == "registrerade" && log.first?.actor == "sekr.aln (Sara Sekreterare)")

                for (fields, message) in [
                    (["title": "", "klass": ""] as KeyValuePairs<String, String>, "Skriv ärendemeningen"),
                    (["title": "Budget", "klass": "1.x"], "ingen KLASSA-kod"),
                    (["title": "Budget", "secret": "ja"], "offentlighets- och sekretesslagen"),
                ] {
                    let refused = try await sara.postReading(client, diary, fields)
                    #expect(refused.status == .unprocessableContent && refused.body.contains(message), "\(message)")
                    #expect(refused.body.contains("value=\"Budget\"") == fields.contains { $0.value == "Budget" }, "what was typed is kept")
                }
                #expect(try await store.cases(in: world.aln.id!).count == 2)

                // The list shows both, the secret one marked; the public page never shows the secret one.
                let listed = try await sara.get(client, diary) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("ALN \(year)-00001 1.2.4") && html.contains("Yttrande över motion") && html.contains("(Sekretess)"))
                }
                #expect(listed == .ok)
                let publicStatus = try await TestSession.anonymous.get(client, "/arenden/\(cases[1].id!.rawValue)")
                #expect(publicStatus == .notFound)
            }
        }
    }

    @Test("a PDF is attached with its SHA-256; a file that is not a PDF, or too large, is refused and nothing is stored")
    func attach() async throws {
        try await withTemporaryStore { store, _ in
            let world = try await StaffWorld.make(store)
            var configuration = staffTestConfiguration
            configuration.uploadLimit = 4000
            let matter = try await store.register(Case(committeeID: world.aln.id!, diaryNumber: DiaryNumber(series: nil, year: nil, serial: ""),
                                                       title: "Verksamhetsplan"), year: 2026, actor: "test")
            let app = try await buildApplication(store: store, configuration: configuration, logger: quiet)
            try await app.test(.router) { client in
                let sara = try await TestSession.signIn(client, "sekr.aln")
                let path = "/intern/arenden/\(matter.id!.rawValue)/handlingar"
                let pdf = Array("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)
                let (status, _) = try await Self.upload(client, sara, path, [("title", "Förslag till verksamhetsplan"), ("kind", "bilaga")],
                                                        file: ("C:\\Users\\sara\\plan.pdf", pdf))
                #expect(status == .seeOther)
                let documents = try await store.documents(for: matter.id!)
                #expect(documents.count == 1)
                let stored = try #require(documents.first?.file)
                #expect(stored.fileName == "plan.pdf" && stored.byteCount == pdf.count && stored.sha256.count == 64)
                #expect(try await store.sourceFile(sha256: stored.sha256) == Data(pdf))
                #expect(try await store.auditLog(subjectKind: "ärende", subjectID: matter.id!.rawValue, limit: 10).first?.action == "bifogade handling")

                let refusals: [((String, [UInt8]), HTTPResponse.Status, String)] = [
                    (("brev.docx", Array("PK\u{3}\u{4}word".utf8)), .unprocessableContent, "ingen PDF"),
                    (("stor.pdf", Array("%PDF-1.7\n".utf8) + Array(repeating: 65, count: 4200)), .unprocessableContent, "högst 4 kB"),
                    (("enorm.pdf", Array("%PDF-1.7\n".utf8) + Array(repeating: 65, count: 400_000)), .contentTooLarge, "Filen är för stor"),
                ]
                for (file, expected, message) in refusals {
                    let (status, body) = try await Self.upload(client, sara, path, [("title", "Fel"), ("kind", "bilaga")], file: file)
                    #expect(status == expected && body.contains(message), "\(file.0): \(status)")
                }
                #expect(try await store.documents(for: matter.id!).count == 1, "nothing more was stored")

                // Staff read the file back; the handläggare too, the member not.
                let fetched = try await sara.get(client, "/intern/handlingar/\(documents[0].id!.rawValue)") { response in
                    #expect(Array(buffer: response.body) == pdf)
                    #expect(response.headers[.cacheControl] == "private, no-store")
                }
                #expect(fetched == .ok)
                let member = try await TestSession.signIn(client, "ledamot.aln")
                #expect(try await member.get(client, "/intern/handlingar/\(documents[0].id!.rawValue)") == .forbidden)
            }
        }
    }

    @Test("the handläggare writes the tjänsteskrivelse; the secretary changes the case's facts; both are logged before and after")
    func memoAndFacts() async throws {
        try await withTemporaryStore { store, _ in
            let world = try await StaffWorld.make(store)
            let matter = try await store.register(Case(committeeID: world.aln.id!, diaryNumber: DiaryNumber(series: nil, year: nil, serial: ""),
                                                       title: "Verksamhetsplan"), year: 2026, actor: "test")
            let app = try await buildApplication(store: store, configuration: staffTestConfiguration, logger: quiet)
            try await app.test(.router) { client in
                let hanna = try await TestSession.signIn(client, "handl.aln")
                let path = "/intern/arenden/\(matter.id!.rawValue)"
                let empty = try await hanna.postReading(client, path + "/tjansteskrivelse", ["summary": "Planen för 2027.", "clauses": " \n "])
                #expect(empty.status == .unprocessableContent && empty.body.contains("en att-sats per rad"))
                #expect(try await store.memo(for: matter.id!) == nil)

                let saved = try await hanna.postReading(client, path + "/tjansteskrivelse", [
                    "summary": "Förvaltningen har tagit fram en verksamhetsplan för 2027.",
                    "clauses": "godkänna verksamhetsplanen\n\natt lägga rapporten till handlingarna",
                    "basis": "Tjänsteskrivelse\nVerksamhetsplan 2027", "recipients": "Kommunstyrelsen",
                ])
                #expect(saved.status == .seeOther)
                let memo = try #require(try await store.memo(for: matter.id!))
                #expect(memo.author == "Hanna Handläggare" && memo.proposedClauses.count == 2 && memo.recipients == ["Kommunstyrelsen"])
                #expect(memo.proposedDecision == "att godkänna verksamhetsplanen\natt lägga rapporten till handlingarna")
                #expect(try await store.matter(matter.id!)?.status == .inPreparation, "writing the memo begins the preparation")

                // The handläggare may not change the case's facts; the secretary may.
                #expect(try await hanna.post(client, path, ["title": "Annat", "status": "registrerat"]) == .forbidden)
                let sara = try await TestSession.signIn(client, "sekr.aln")
                let changed = try await sara.postReading(client, path, ["title": "Verksamhetsplan 2027", "klass": "1.2.4", "status": "klart för beslut"])
                #expect(changed.status == .seeOther)
                let stored = try await store.matter(matter.id!)
                #expect(stored?.title == "Verksamhetsplan 2027" && stored?.status == .ready && stored?.classification?.code == "1.2.4")
                #expect(stored?.diaryNumber.caseNumber == matter.diaryNumber.caseNumber, "the number never changes")
                let log = try await store.auditLog(subjectKind: "ärende", subjectID: matter.id!.rawValue, limit: 10)
                #expect(log.map(\.action) == ["ändrade", "ändrade", "skrev tjänsteskrivelse", "registrerade"])
                #expect(log[0].before?.contains("\"title\":\"Verksamhetsplan\"") == true && log[0].after?.contains("Verksamhetsplan 2027") == true)

                let page = try await hanna.get(client, path) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("godkänna verksamhetsplanen") && !html.contains("Spara uppgifterna"), "she reads the facts, not edits them")
                }
                #expect(page == .ok)
            }
        }
    }
}
