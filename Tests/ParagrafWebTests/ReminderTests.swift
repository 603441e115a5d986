import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafMail
import ParagrafStore
import ParagrafTestSupport
@testable import ParagrafWeb
import Testing

/// What is due in the staff's committees: the overview page, and e-mail reminders through a real
/// SMTP server (aiosmtpd, started by the test).
@Suite("Follow-up: the 30-day overview and e-mail reminders", .serialized)
struct ReminderTests {
    let today = LocalDate.today()

    /// In Arbetslivsnämnden: an overdue assignment, one due in 20 days, one in 45 (outside), and a
    /// remiss due in 5 days whose case Hanna handles; in Kommunstyrelsen one due in 3 days.
    func world(_ store: SQLStore, emails: [String: String]) async throws -> StaffWorld {
        let world = try await StaffWorld.make(store)
        for (username, email) in emails {
            var account = try #require(world.accounts[username])
            account.email = email
            _ = try await store.save(account, passwordHash: nil, actor: "test")
        }
        let aln = world.aln.id!
        _ = try await store.save(Assignment(committeeID: aln, receiver: "Förvaltningen", text: "Återrapportera kartläggningen",
                                            reportBackBy: today.adding(days: -10)))
        _ = try await store.save(Assignment(committeeID: aln, text: "Utred sommarjobben", reportBackBy: today.adding(days: 20)))
        _ = try await store.save(Assignment(committeeID: aln, text: "Följ upp avtalet", reportBackBy: today.adding(days: 45)))
        _ = try await store.save(Assignment(committeeID: aln, text: "Redan klart", reportBackBy: today.adding(days: 2), status: .done))
        let matter = try await store.save(Case(committeeID: aln, diaryNumber: DiaryNumber("ALN 2026-00040")!, title: "Remiss om avfallsplan",
                                               handler: "Hanna Handläggare"))
        _ = try await store.save(Referral(committeeID: aln, direction: .incoming, counterparts: ["Kommunstyrelsen"],
                                          title: "Remiss om avfallsplan", deadline: today.adding(days: 5), caseID: matter.id))
        _ = try await store.save(Assignment(committeeID: world.ks.id!, text: "Kommunstyrelsens eget", reportBackBy: today.adding(days: 3)))
        return world
    }

    @Test("the overview shows what the account follows: the secretary all of the committee, the handläggare their cases")
    func overview() async throws {
        try await withTemporaryStore { store, _ in
            _ = try await world(store, emails: [:])
            let app = try await buildApplication(store: store, configuration: staffTestConfiguration, logger: quiet)
            try await app.test(.router) { client in
                let secretary = try await TestSession.signIn(client, "sekr.aln")
                try await client.execute(uri: "/intern/bevakning", method: .get, headers: secretary.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok)
                    let overdue = try #require(html.range(of: "<h2>Försenat</h2>"))
                    let upcoming = try #require(html.range(of: "<h2>Inom 30 dagar</h2>"))
                    let late = try #require(html.range(of: "Återrapportera kartläggningen"))
                    #expect(overdue.upperBound < late.lowerBound && late.upperBound < upcoming.lowerBound)
                    #expect(html.contains("10 dagar sent"))
                    #expect(html.contains("Utred sommarjobben") && html.contains("Remiss: Remiss om avfallsplan") && html.contains("om 5 dagar"))
                    #expect(!html.contains("Följ upp avtalet"), "45 days away")
                    #expect(!html.contains("Redan klart") && !html.contains("Kommunstyrelsens eget"))
                    #expect(html.contains("inte påslagna"), "no SMTP server configured")
                }
                let handler = try await TestSession.signIn(client, "handl.aln")
                try await client.execute(uri: "/intern/bevakning", method: .get, headers: handler.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("Remiss om avfallsplan") && !html.contains("Utred sommarjobben"))
                }
            }
        }
    }

    @Test("reminders go through the SMTP server once per stage; none without a server; a refused address is not noted as sent")
    func reminders() async throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        try await withTemporaryStore { store, _ in
            _ = try await world(store, emails: ["sekr.aln": "sara@kommun.test", "handl.aln": "hanna@kommun.test",
                                                "ledamot.aln": "mattias@kommun.test", "sekr.ks": "karl@refuse.invalid"])
            // Without a server nothing is sent or noted.
            let none = try await ReminderRun(store: store, smtp: nil, publicURL: nil).run(today: today)
            #expect(none.notice?.contains("smtp.host") == true && none.sent.isEmpty)
            #expect(try sink.messages().isEmpty)

            let smtp = SMTPSettings(host: "127.0.0.1", port: sink.port, security: .none, from: "paragraf@kommun.test")
            let run = ReminderRun(store: store, smtp: smtp, publicURL: "https://paragraf.kommun.test/")
            let first = try await run.run(today: today)
            #expect(first.sent.sorted() == ["hanna@kommun.test", "sara@kommun.test"])
            #expect(first.failed.count == 1 && first.failed[0].hasPrefix("karl@refuse.invalid"))
            let mails = try sink.messages()
            #expect(mails.count == 2)
            let sara = try #require(mails.first { $0.envelopeTo == "sara@kommun.test" })
            #expect(sara.subject == "Paragraf: uppdrag och remisser att bevaka (1 försenade, 2 inom 30 dagar)")
            #expect(sara.body.hasPrefix("Hej Sara Sekreterare,"))
            #expect(sara.body.contains("Försenat:\n- Uppdrag: Återrapportera kartläggningen (till Förvaltningen) – skulle ha återrapporterats"))
            #expect(sara.body.contains("Remiss från Kommunstyrelsen: Remiss om avfallsplan – svar senast"))
            #expect(sara.body.contains("https://paragraf.kommun.test/intern/bevakning") && !sara.body.contains("Följ upp avtalet"))
            let hanna = try #require(mails.first { $0.envelopeTo == "hanna@kommun.test" })
            #expect(hanna.body.contains("Remiss om avfallsplan") && !hanna.body.contains("Utred sommarjobben"))

            // The same day again: nothing new, but the refused address is tried again.
            let again = try await run.run(today: today)
            #expect(again.sent.isEmpty && again.failed.count == 1)
            #expect(try sink.messages().count == 2)

            // Six days on the remiss is overdue: a second reminder, of that alone.
            let later = try await run.run(today: today.adding(days: 6))
            #expect(later.sent.sorted() == ["hanna@kommun.test", "sara@kommun.test"])
            let second = try sink.messages().dropFirst(2)
            #expect(second.count == 2 && second.allSatisfy { $0.body.contains("Försenat:\n- Remiss från Kommunstyrelsen") })
            #expect(second.allSatisfy { !$0.body.contains("Utred sommarjobben") && !$0.body.contains("kartläggningen") })
        }
    }

    @Test("over implicit TLS with a login, the server's certificate checked against the configured CA; a certificate from another CA is refused")
    func tls() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-smtp-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func certificate(_ name: String) throws -> (certificate: String, key: String) {
            let (cert, key) = (dir.appendingPathComponent("\(name).pem").path, dir.appendingPathComponent("\(name).key").path)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
                                 "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return (cert, key)
        }
        let server = try certificate("server")
        let other = try certificate("other")
        let sink = try SMTPSink(tls: server)
        defer { sink.stop() }
        let message = MailMessage(to: "sara@kommun.test", toName: "Sara Sekreterare", subject: "Påminnelse", body: "Hej Sara,\n.en rad med punkt\n")
        let trusted = SMTPSettings(host: "127.0.0.1", port: sink.port, security: .tls, username: "paragraf", password: "hemligt",
                                   from: "paragraf@kommun.test", caPEM: try String(contentsOfFile: server.certificate, encoding: .utf8))
        let results = try await SMTPClient(settings: trusted).send([message])
        #expect(results.count == 1 && (try? results[0].get()) != nil)
        let received = try #require(try sink.messages().first)
        #expect(received.headers["x-auth-login"] == "paragraf" && received.subject == "Påminnelse")
        #expect(received.body == "Hej Sara,\n.en rad med punkt\n", "the body arrives as written")
        var untrusted = trusted
        untrusted.caPEM = try String(contentsOfFile: other.certificate, encoding: .utf8)
        await #expect(throws: (any Error).self, "a server whose certificate the CA did not issue") {
            _ = try await SMTPClient(settings: untrusted).send([message])
        }
        #expect(try sink.messages().count == 1)
        var plain = trusted
        plain.security = .none
        await #expect(throws: SMTPError.insecure, "a password never goes out without TLS") {
            _ = try await SMTPClient(settings: plain).send([message])
        }
    }
}
