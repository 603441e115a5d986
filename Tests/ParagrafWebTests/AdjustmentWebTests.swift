import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafRender
import ParagrafSign
import ParagrafTestSupport
@testable import ParagrafStore
@testable import ParagrafWeb
import SQLKit
import Testing

@Suite("Staff: adjustment, signatures, the lock and paragraf verify")
struct AdjustmentWebTests {
    /// The staff world with Sven (S) as an ersättare with an account, and a CA that has issued
    /// signing certificates to the chair, Sven and the secretary.
    static func signers(_ store: SQLStore, _ dir: URL) async throws -> (StaffWorld, Person, URL) {
        let world = try await StaffWorld.make(store)
        let (sven, _) = try await PlanningWebTests.seats(store, world)
        let caDir = dir.appendingPathComponent("ca")
        let ca = try LocalCA.create(in: caDir, name: "Borås Stad")
        try ca.issue(account: "ledamot.aln", name: "Mattias Danielsson")
        try ca.issue(account: "sven", name: "Sven Svensson")
        try ca.issue(account: "sekr.aln", name: "Sara Sekreterare")
        _ = try await store.save(Account(username: "sven", name: "Sven Svensson", person: sven.id, grants: [Grant(.member, committee: world.aln.id)]),
                                 passwordHash: try await Passwords(cost: 4).hash(testPassword), actor: "test")
        return (world, sven, caDir)
    }

    /// A meeting on 15 December opened with the chair and Sven serving, Sven chosen to adjust.
    static func opened(_ store: SQLStore, _ world: StaffWorld, sven: Person, titles: [String]) async throws -> (Meeting, MinutesDraft) {
        let meeting = try await store.plan(Meeting(committeeID: world.aln.id!, date: day("2026-12-15")), actor: "test")
        _ = try await store.setAgenda(titles.enumerated().map { AgendaItem(meetingID: meeting.id!, position: $0.offset + 1, title: $0.element) },
                                      for: meeting.id!, actor: "test")
        try await store.issue(Notice(meetingID: meeting.id!, issued: day("2026-12-01")), actor: "test")
        let mattias = PersonRef(personID: world.members[0].id, name: "Mattias Danielsson", party: "C")
        let svenRef = PersonRef(personID: sven.id, name: "Sven Svensson", party: "S")
        let draft = MeetingSteps.open(meeting: meeting.id!, agenda: try await store.agenda(for: meeting.id!), cases: [:],
                                      expected: [.init(person: mattias, role: .ordforande), .init(person: svenRef, role: .tjanstgorandeErsattare)],
                                      seats: 2, firstNumber: 1, secretary: "Sara Sekreterare")
        try await store.open(draft, actor: "test")
        return (meeting, try MeetingSteps.chooseAdjusters(draft, [svenRef], place: nil, date: nil))
    }

    @Test("the chair and the adjuster sign the PDF/A; then the minutes are locked, public and posted; verify accepts them and rejects one byte changed")
    func adjust() async throws {
        try await withTemporaryStore { store, dir in
            let (world, sven, caDir) = try await Self.signers(store, dir)
            let aln = world.aln.id!
            let meeting = try await store.plan(Meeting(committeeID: aln, date: day("2026-12-15"), startTime: LocalTime("17:00"), place: "Stadshuset"),
                                               actor: "test")
            _ = try await store.setAgenda([AgendaItem(meetingID: meeting.id!, position: 1, title: "Budget 2027"),
                                           AgendaItem(meetingID: meeting.id!, position: 2, title: "Ärende om enskild", isPublic: false)],
                                          for: meeting.id!, actor: "test")
            try await store.issue(Notice(meetingID: meeting.id!, issued: day("2026-12-01")), actor: "test")
            let mattias = PersonRef(personID: world.members[0].id, name: "Mattias Danielsson", party: "C")
            let marie = PersonRef(personID: world.members[1].id, name: "Marie Samuelsson", party: "S")
            let svenRef = PersonRef(personID: sven.id, name: "Sven Svensson", party: "S")
            var draft = MeetingSteps.open(meeting: meeting.id!, agenda: try await store.agenda(for: meeting.id!), cases: [:],
                                          expected: [.init(person: mattias, role: .ordforande), .init(person: marie, role: .ledamot)], seats: 2,
                                          firstNumber: 1, secretary: "Sara Sekreterare")
            try await store.open(draft, actor: "test")
            draft = try MeetingSteps.setAttendance(draft, draft.minutes.attendance + [Attendance(person: svenRef, role: .ersattare)])
            draft = try MeetingSteps.decideParagraph(draft, number: 1, clauses: ["Budgeten godkänns."], recipients: ["Kommunstyrelsen"], immediate: false)
            draft = try MeetingSteps.decideParagraph(draft, number: 2, clauses: ["Bistånd beviljas."], recipients: [], immediate: false)
            draft = try MeetingSteps.chooseAdjusters(draft, [svenRef], place: "Stadshuset", date: day("2026-12-18"))
            draft = try MeetingSteps.close(draft)
            draft.endTime = "18:05"
            _ = try await store.save(draft, version: 1, actor: "test", action: "test", paragraph: nil)
            let closed = draft

            var configuration = staffTestConfiguration
            configuration.signingDirectory = caDir.path
            let app = try await buildApplication(store: store, configuration: configuration, logger: quiet)
            try await app.test(.router) { client in
                let sara = try await TestSession.signIn(client, "sekr.aln")
                let base = "/intern/sammantraden/\(meeting.id!.rawValue)"
                #expect(try await sara.post(client, base + "/protokoll/justering") == .seeOther)
                let signed = try #require(try await store.signedMinutes(for: meeting.id!))
                // Frozen: the draft no longer changes.
                await #expect(throws: StoreError.self) { try await store.save(closed, version: 2, actor: "x", action: "x", paragraph: nil) }
                // The secretary is not chosen to adjust.
                #expect(try await sara.post(client, base + "/justering/signera") == .forbidden)

                let chair = try await TestSession.signIn(client, "ledamot.aln")
                #expect(try await chair.post(client, base + "/justering/signera") == .seeOther)
                #expect(try await chair.post(client, base + "/justering/signera") == .conflict, "signing twice")
                #expect(try await store.meeting(meeting.id!)?.state == .held, "one signature missing: not yet adjusted")

                let adjuster = try await TestSession.signIn(client, "sven")
                let page = try await adjuster.get(client, base + "/justering") { response in
                    #expect(String(buffer: response.body).contains("Signera protokollet"))
                }
                #expect(page == .ok)
                #expect(try await adjuster.post(client, base + "/justering/signera") == .seeOther)

                #expect(try await store.meeting(meeting.id!)?.state == .announced)
                let filed = try #require(try await store.minutes(for: meeting.id!))
                #expect(filed.adjustment?.signatures.map(\.role) == [.ordforande, .justerare])
                #expect(filed.announcement?.posted == LocalDate.today())
                await #expect(throws: StoreError.self) { try await store.save(filed) }
                // Public now: the open paragraph, not the closed one; and on the notice board.
                #expect(try await TestSession.anonymous.get(client, "/sammantraden/\(meeting.id!.rawValue)/paragrafer/1") == .ok)
                #expect(try await TestSession.anonymous.get(client, "/sammantraden/\(meeting.id!.rawValue)/paragrafer/2") == .notFound)
                let board = try await TestSession.anonymous.get(client, "/anslagstavla") { response in
                    #expect(String(buffer: response.body).contains("Arbetslivsnämnden"))
                }
                #expect(board == .ok)
                let meetingPage = try await TestSession.anonymous.get(client, "/sammantraden/\(meeting.id!.rawValue)") { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("Ordförande: Mattias Danielsson") && html.contains("(X.509)") && html.contains("Anslagsbevis"))
                    #expect(html.contains("Sista dag att överklaga"))
                }
                #expect(meetingPage == .ok)
                let api = try await TestSession.anonymous.get(client, "/oparl/v1/meetings/\(meeting.id!.rawValue)") { response in
                    let json = String(buffer: response.body)
                    #expect(json.contains("\"paragraf:noticeOfAdjustment\":{") && json.contains("\"posted\":\"\(LocalDate.today().iso)\""))
                    #expect(json.contains("\"lastAppealDay\":\"\(Deadlines.lastAppealDay(posted: .today()).iso)\""))
                    #expect(json.contains("\"method\":\"X.509\"") && json.contains("\"role\":\"justerare\""))
                }
                #expect(api == .ok)

                // Expediering: a signed extract of § 1 for its recipient; § 2 has none.
                #expect(try await sara.post(client, base + "/expediering") == .seeOther)
                let dispatched = try await store.dispatches(for: meeting.id!)
                #expect(dispatched.map { "\($0.paragraph) \($0.recipient)" } == ["1 Kommunstyrelsen"])
                let extract = try await client.execute(uri: base + "/expediering/1.pdf", method: .get, headers: sara.headers) { Array(buffer: $0.body) }
                let extractText = try TestPDF.text(extract)
                #expect(extractText.contains("PROTOKOLLSUTDRAG") && extractText.contains("Budgeten godkänns.") && !extractText.contains("Bistånd beviljas."))
                #expect(extractText.contains("Rätt utdraget intygar Sara Sekreterare") && extractText.contains("Expedierat till Kommunstyrelsen."))
                let extractSignature = try await client.execute(uri: base + "/expediering/1.p7s", method: .get, headers: sara.headers) { Array(buffer: $0.body) }
                let extractDir = dir.appendingPathComponent("utdrag")
                try FileManager.default.createDirectory(at: extractDir, withIntermediateDirectories: true)
                try Data(extract).write(to: extractDir.appendingPathComponent("utdrag.pdf"))
                try Data(extractSignature).write(to: extractDir.appendingPathComponent("utdrag.p7s"))
                #expect(try CLI.run(["verify", "--ca", caDir.path, extractDir.appendingPathComponent("utdrag.pdf").path,
                                     extractDir.appendingPathComponent("utdrag.p7s").path]).status == 0)
                #expect(try await sara.post(client, base + "/expediering") == .seeOther)
                #expect(try await store.dispatches(for: meeting.id!).count == 1, "sent once")
                let list = try await sara.get(client, base + "/expediering") { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("Kommunstyrelsen") && html.contains("Allt är expedierat."))
                }
                #expect(list == .ok)

                // paragraf verify, on the store and on the exported files.
                let exported = dir.appendingPathComponent("export")
                let fromStore = try CLI.run(["verify", "--ca", caDir.path, "--store", dir.appendingPathComponent("p.sqlite").path,
                                             "--meeting", String(meeting.id!.rawValue), "--export", exported.path])
                #expect(fromStore.status == 0 && fromStore.stdout.contains("Protokollet är giltigt."), "\(fromStore.stdout)\(fromStore.stderr)")
                let files = try FileManager.default.contentsOfDirectory(atPath: exported.path).sorted()
                #expect(files == ["protokoll.pdf", "underskrift-1-ordförande.p7s", "underskrift-2-justerare.p7s"])
                let paths = files.map { exported.appendingPathComponent($0).path }
                #expect(try CLI.run(["verify", "--ca", caDir.path] + paths).status == 0)
                var pdf = try Data(contentsOf: URL(fileURLWithPath: paths[0]))
                #expect(try await store.sourceFile(sha256: signed.pdfSHA256) == pdf, "the exported file is the one signed")
                pdf[pdf.count / 2] ^= 0x01
                let copy = exported.appendingPathComponent("kopia.pdf")
                try pdf.write(to: copy)
                let tampered = try CLI.run(["verify", "--ca", caDir.path, copy.path] + paths.dropFirst())
                #expect(tampered.status == 1 && tampered.stdout.contains("Protokollet är INTE giltigt."))

                // A row changed behind Paragraf's back is found too.
                try await store.write { db in
                    try await db.raw("UPDATE decision_clauses SET text = 'Budgeten avslås.' WHERE paragraph_id IN (SELECT id FROM paragraphs WHERE meeting_id = \(bind: meeting.id!.rawValue) AND number = 1)").run()
                }
                let rows = try CLI.run(["verify", "--ca", caDir.path, "--store", dir.appendingPathComponent("p.sqlite").path, "--meeting", String(meeting.id!.rawValue)])
                #expect(rows.status == 1 && rows.stdout.contains("§ 1: beslutet har ändrats i databasen."), "\(rows.stdout)")
            }
        }
    }

    @Test("a paragraph adjusted immediately gets its own extract, signed at once by the chair and the adjuster, and is frozen")
    func immediate() async throws {
        try await withTemporaryStore { store, dir in
            let (world, sven, caDir) = try await Self.signers(store, dir)
            let (meeting, opened) = try await Self.opened(store, world, sven: sven, titles: ["Yttrande med kort svarstid", "Budget"])
            var draft = opened
            draft = try MeetingSteps.decideParagraph(draft, number: 1, clauses: ["Yttrandet antas."], recipients: ["Regeringskansliet"], immediate: true)
            _ = try await store.save(draft, version: 1, actor: "test", action: "test", paragraph: nil)
            let decided = draft
            var configuration = staffTestConfiguration
            configuration.signingDirectory = caDir.path
            let app = try await buildApplication(store: store, configuration: configuration, logger: quiet)
            try await app.test(.router) { client in
                let sara = try await TestSession.signIn(client, "sekr.aln")
                let base = "/intern/sammantraden/\(meeting.id!.rawValue)"
                #expect(try await sara.post(client, base + "/protokoll/2/omedelbar") == .badRequest, "§ 2 is not marked for it")
                #expect(try await sara.post(client, base + "/protokoll/1/omedelbar") == .seeOther)
                for username in ["ledamot.aln", "sven"] {
                    let signer = try await TestSession.signIn(client, username)
                    #expect(try await signer.post(client, base + "/omedelbar/1/signera") == .seeOther, "\(username)")
                }
                let signed = try #require(try await store.signedMinutes(for: meeting.id!, part: 1))
                #expect(signed.lockedAt != nil && signed.signatures.count == 2)
                #expect(try await store.signedMinutes(for: meeting.id!) == nil, "the minutes as a whole are not adjusted yet")
                let extract = try await client.execute(uri: base + "/omedelbar/1/utdrag.pdf", method: .get, headers: sara.headers) { Array(buffer: $0.body) }
                let text = try TestPDF.text(extract)
                #expect(text.contains("Yttrandet antas.") && text.contains("PROTOKOLLSUTDRAG") && !text.contains("Budget"))
                let verifier = MinutesVerifier(caDirectory: caDir.path)
                #expect(try await verifier.verify(file: extract, signatures: signed.signatures.map(\.data)).ok)
                // § 1 is frozen now; § 2 is not.
                var changed = decided
                changed = try MeetingSteps.decideParagraph(changed, number: 1, clauses: ["Yttrandet avslås."], recipients: [], immediate: true)
                let frozen = changed
                await #expect(throws: StoreError.self) { try await store.save(frozen, version: 2, actor: "x", action: "x", paragraph: 1) }
                let other = try MeetingSteps.decideParagraph(decided, number: 2, clauses: ["Budgeten godkänns."], recipients: [], immediate: false)
                #expect(try await store.save(other, version: 2, actor: "x", action: "x", paragraph: 2) == 3)
            }
        }
    }

    @Test("the chair signs with BankID (the page collects on each reload), the adjuster with X.509; verify accepts both; a cancelled order signs nothing")
    func bankID() async throws {
        try await withTemporaryStore { store, dir in
            let (world, sven, caDir) = try await Self.signers(store, dir)
            let (meeting, opened) = try await Self.opened(store, world, sven: sven, titles: ["Budget"])
            var draft = opened
            draft = try MeetingSteps.decideParagraph(draft, number: 1, clauses: ["Budgeten godkänns."], recipients: [], immediate: false)
            draft = try MeetingSteps.close(draft)
            _ = try await store.save(draft, version: 1, actor: "test", action: "test", paragraph: nil)
            let standIn = BankIDStandIn()
            standIn.script([.userCancel, .complete])
            try await standIn.run { url in
                var configuration = staffTestConfiguration
                configuration.signingDirectory = caDir.path
                configuration.bankID = .init(url: url)
                let app = try await buildApplication(store: store, configuration: configuration, logger: quiet)
                try await app.test(.router) { client in
                    let sara = try await TestSession.signIn(client, "sekr.aln")
                    let base = "/intern/sammantraden/\(meeting.id!.rawValue)"
                    #expect(try await sara.post(client, base + "/protokoll/justering") == .seeOther)
                    let chair = try await TestSession.signIn(client, "ledamot.aln")
                    let offered = try await chair.get(client, base + "/justering") { response in
                        #expect(String(buffer: response.body).contains("Signera med BankID"))
                    }
                    #expect(offered == .ok)

                    // The first order is cancelled in the app: nothing is signed.
                    #expect(try await chair.post(client, base + "/justering/signera-bankid") == .seeOther)
                    var statuses: [HTTPResponse.Status] = []
                    for _ in 0..<3 { statuses.append(try await chair.get(client, base + "/justering/bankid")) }
                    #expect(statuses == [.ok, .ok, .badRequest])
                    #expect(try await store.signedMinutes(for: meeting.id!)?.signatures.isEmpty == true)

                    // The second completes.
                    #expect(try await chair.post(client, base + "/justering/signera-bankid") == .seeOther)
                    let waiting = try await chair.get(client, base + "/justering/bankid") { response in
                        let html = String(buffer: response.body)
                        #expect(html.contains("http-equiv=\"refresh\"") && html.contains("Starta BankID-appen") && html.contains("bankid:///?autostarttoken="))
                    }
                    #expect(waiting == .ok)
                    #expect(try await chair.get(client, base + "/justering/bankid") == .ok)
                    let done = try await client.execute(uri: base + "/justering/bankid", method: .get, headers: chair.headers) { response in
                        (response.status, response.headers[.location] ?? "")
                    }
                    #expect(done.0 == .seeOther && done.1.hasSuffix("?klart=signerat"))
                    let signed = try #require(try await store.signedMinutes(for: meeting.id!))
                    #expect(signed.signatures.map(\.method) == ["BankID"])

                    let adjuster = try await TestSession.signIn(client, "sven")
                    #expect(try await adjuster.post(client, base + "/justering/signera") == .seeOther)
                    #expect(try await store.meeting(meeting.id!)?.state == .announced)
                    let verified = try CLI.run(["verify", "--ca", caDir.path, "--store", dir.appendingPathComponent("p.sqlite").path,
                                                "--meeting", String(meeting.id!.rawValue)])
                    #expect(verified.status == 0 && verified.stdout.contains("BankID har signerat filens kontrollsumma"), "\(verified.stdout)")
                }
            }
            #expect(standIn.requests.filter { $0 == "sign" }.count == 2)
        }
    }
}
