import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafStore
@testable import ParagrafWeb
import Testing

@Suite("Staff: follow-up of assignments, remisser, the delegation order and delegated decisions")
struct FollowUpStaffTests {
    @Test("the delegation order refuses decisions outside it; a CSV with a bad line imports nothing; what is pending reaches the next meeting's notice and minutes")
    func delegation() async throws {
        try await withTemporaryStore { store, _ in
            let world = try await StaffWorld.make(store)
            let aln = world.aln.id!
            let base = "/intern/namnder/\(aln.rawValue)/uppfoljning"
            let app = try await buildApplication(store: store, configuration: staffTestConfiguration, logger: quiet)
            try await app.test(.router) { client in
                let sara = try await TestSession.signIn(client, "sekr.aln")
                // No order yet: a delegated decision is refused.
                var refused = try await sara.postReading(client, base + "/delegationsbeslut",
                                                         ["date": "2026-03-12", "point": "3.2", "decidedBy": "Förvaltningschef", "title": "Anställning"])
                #expect(refused.status == .unprocessableContent && refused.body.contains("Ingen delegationsordning gällde 2026-03-12."))
                let adopted = try await sara.postReading(client, base + "/delegationsordning", [
                    "adoptedBy": "2026-02-17 § 12", "validFrom": "2026-02-18", "validTo": "2026-12-31",
                    "points": "3.2;Tillsvidareanställning;Förvaltningschef;nej;ja\n4.1;Yttrande till domstol;Ordförande;ja;ja",
                ])
                #expect(adopted.status == .seeOther)
                refused = try await sara.postReading(client, base + "/delegationsbeslut",
                                                     ["date": "2026-03-12", "point": "9.9", "decidedBy": "Enhetschef", "title": "Något"])
                #expect(refused.body.contains("Punkt 9.9 finns inte i delegationsordningen som gällde 2026-03-12 (version 1, 2026-02-17 § 12)."))
                #expect(try await sara.postReading(client, base + "/delegationsbeslut", [
                    "date": "2026-03-12", "point": "3.2", "decidedBy": "Förvaltningschef", "title": "Tillsvidareanställning av socialsekreterare",
                    "dnr": "ALN 2026-00032",
                ]).status == .seeOther)
                #expect(try await sara.postReading(client, base + "/anmalningsarenden", [
                    "date": "2026-03-20", "sender": "Förvaltningsrätten", "title": "Dom i mål om ekonomiskt bistånd",
                ]).status == .seeOther)

                // A CSV export with a bad date and a repeated line: every problem with its line, nothing imported.
                let csv = "Datum;Delegationspunkt;Beslutsfattare;Beslut\n2026-03-14;4.1;Ordförande;Yttrande till förvaltningsrätten\n14/3;4.1;Ordförande;Yttrande\n2026-03-14;4.1;Ordförande;Yttrande till förvaltningsrätten\n"
                let before = try await store.delegatedDecisions(of: aln).count
                let (badStatus, badBody) = try await DiaryWebTests.upload(client, sara, base + "/import", [("kind", "delegationsbeslut")],
                                                                          file: (name: "export.csv", bytes: Array(csv.utf8)))
                #expect(badStatus == .unprocessableContent)
                #expect(badBody.contains("export.csv, rad 3: datumet ”14/3” ska skrivas ÅÅÅÅ-MM-DD") && badBody.contains("export.csv, rad 4: samma beslut som rad 2"))
                #expect(try await store.delegatedDecisions(of: aln).count == before)
                let good = "Datum;Delegationspunkt;Beslutsfattare;Beslut\n2026-03-14;4.1;Ordförande;Yttrande till förvaltningsrätten\n"
                #expect(try await DiaryWebTests.upload(client, sara, base + "/import", [("kind", "delegationsbeslut")],
                                                       file: (name: "export.csv", bytes: Array(good.utf8))).0 == .seeOther)
                let again = try await DiaryWebTests.upload(client, sara, base + "/import", [("kind", "delegationsbeslut")],
                                                           file: (name: "export.csv", bytes: Array(good.utf8)))
                #expect(again.0 == .unprocessableContent && again.1.contains("export.csv, rad 2: beslutet är redan importerat"))

                // The next meeting: its notice lists what is pending under the standard items, and so does the minutes' draft.
                let meeting = try await store.plan(Meeting(committeeID: aln, date: day("2026-04-21")), actor: "test")
                _ = try await store.setAgenda(AgendaPlan.standard(meeting: meeting.id!, cases: []), for: meeting.id!, actor: "test")
                try await store.issue(Notice(meetingID: meeting.id!, issued: day("2026-04-10")), actor: "test")
                try await client.execute(uri: "/intern/sammantraden/\(meeting.id!.rawValue)/kallelse", method: .get, headers: sara.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("2026-03-12 Förvaltningschef: Tillsvidareanställning av socialsekreterare (punkt 3.2)"))
                    #expect(html.contains("Förvaltningsrätten, 2026-03-20 Dom i mål om ekonomiskt bistånd"))
                }
                let opened = MeetingSteps.open(meeting: meeting.id!, agenda: try await store.agenda(for: meeting.id!), cases: [:], expected: [],
                                               seats: 0, firstNumber: 1, secretary: "Sara", matters: try await store.mattersFor(meeting: meeting.id!),
                                               committee: "Arbetslivsnämnden")
                let listing = try #require(opened.minutes.paragraphs.first { AgendaItemKind.listing(titled: $0.title) == .delegatedDecisions })
                #expect(listing.description?.hasPrefix("1. 2026-03-12 Förvaltningschef: Tillsvidareanställning av socialsekreterare (punkt 3.2)\nDnr ALN 2026-00032\n2. 2026-03-14 Ordförande: Yttrande till förvaltningsrätten (punkt 4.1)") == true)
                #expect(listing.decision.first?.text == "Arbetslivsnämnden lägger redovisade delegationsbeslut till handlingarna.")
            }
        }
    }

    @Test("assignments from another body, reported on by period and closed by a paragraph; the report of those outside the budget; remisser and their extensions")
    func assignmentsAndReferrals() async throws {
        try await withTemporaryStore { store, _ in
            let world = try await StaffWorld.make(store)
            let aln = world.aln.id!
            let base = "/intern/namnder/\(aln.rawValue)/uppfoljning"
            let app = try await buildApplication(store: store, configuration: staffTestConfiguration, logger: quiet)
            try await app.test(.router) { client in
                let sara = try await TestSession.signIn(client, "sekr.aln")
                var answer = try await sara.postReading(client, base + "/uppdrag", [
                    "giver": "Kommunfullmäktige", "givenBy": "KF 2026-02-20 § 12", "text": "Kartlägg behovet av sommarjobb",
                    "receiver": "Arbetslivsförvaltningen", "due": "kvartalet 5 2027", "outsideBudget": "ja",
                ])
                #expect(answer.status == .unprocessableContent && answer.body.contains("kvartalet 5 2027"), "an unreadable period is refused")
                #expect(try await store.assignments(of: aln).isEmpty)
                answer = try await sara.postReading(client, base + "/uppdrag", [
                    "giver": "Kommunfullmäktige", "givenBy": "KF 2026-02-20 § 12", "text": "Kartlägg behovet av sommarjobb",
                    "receiver": "Arbetslivsförvaltningen", "due": "kvartal 2 2027", "outsideBudget": "ja",
                ])
                #expect(answer.status == .seeOther)
                let assignment = try #require(try await store.assignments(of: aln).first)
                #expect(assignment.reportBackBy == day("2027-06-30") && assignment.outsideBudget)

                let hanna = try await TestSession.signIn(client, "handl.aln")
                answer = try await hanna.postReading(client, base + "/uppdrag/\(assignment.id!.rawValue)",
                                                     ["status": "avslutat", "period": "", "comment": "", "closedBy": ""])
                #expect(answer.status == .unprocessableContent && answer.body.contains("ange paragrafen"))
                #expect(try await hanna.postReading(client, base + "/uppdrag/\(assignment.id!.rawValue)",
                                                    ["status": "pågående", "period": "tertial 1 2026", "comment": "Enkäten är skickad."]).status == .seeOther)
                try await client.execute(uri: base + "/uppdrag-utanfor-budget?period=tertial%201%202026", method: .get, headers: hanna.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("Uppdrag som inte ingår i budget, tertial 1 2026"))
                    #expect(html.contains("<td>Kommunfullmäktige KF 2026-02-20 § 12</td><td>Kartlägg behovet av sommarjobb</td><td>pågående</td><td>tertial 1 2026: Enkäten är skickad.</td>"))
                }
                let pdf = try await client.execute(uri: base + "/uppdrag-utanfor-budget/pdf?period=tertial%201%202026", method: .get,
                                                   headers: hanna.headers) { Array(buffer: $0.body) }
                let text = try TestPDF.text(pdf).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                // Table cells wrap, and pdftotext interleaves their lines.
                #expect(text.contains("Kartlägg behovet av") && text.contains("sommarjobb") && text.contains("tertial 1 2026: Enkäten är skickad."))
                #expect(try await hanna.postReading(client, base + "/uppdrag/\(assignment.id!.rawValue)",
                                                    ["status": "avslutat", "closedBy": "§ 44"]).status == .seeOther)
                #expect(try await store.assignment(assignment.id!)?.closedByParagraph == 44)

                // A remiss: registered, an earlier "extension" refused, a later one kept.
                #expect(try await sara.postReading(client, base + "/remisser", [
                    "direction": "inkommande", "title": "Remiss om avfallsplan", "counterparts": "Kommunstyrelsen", "reference": "KS 2026-00410",
                    "deadline": "2026-05-31",
                ]).status == .seeOther)
                let referral = try #require(try await store.referrals(of: aln).first)
                answer = try await sara.postReading(client, base + "/remisser/\(referral.id!.rawValue)", ["extension": "2026-05-01"])
                #expect(answer.status == .unprocessableContent && answer.body.contains("ska vara senare än den som gäller, 2026-05-31"))
                #expect(try await sara.postReading(client, base + "/remisser/\(referral.id!.rawValue)", ["extension": "2026-06-30"]).status == .seeOther)
                #expect(try await store.referrals(of: aln).first?.deadlineInForce == day("2026-06-30"))

                // The agenda of a meeting before the deadline warns when the next meeting comes after it.
                let may = try await store.plan(Meeting(committeeID: aln, date: day("2026-05-19")), actor: "test")
                _ = try await store.plan(Meeting(committeeID: aln, date: day("2026-08-25")), actor: "test")
                try await client.execute(uri: "/intern/sammantraden/\(may.id!.rawValue)", method: .get, headers: sara.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("Remissen ”Remiss om avfallsplan” från Kommunstyrelsen ska besvaras senast 2026-06-30, före nästa sammanträde 2026-08-25"))
                }
            }
        }
    }
}
