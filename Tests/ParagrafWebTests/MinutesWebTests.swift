import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafRender
import ParagrafStore
@testable import ParagrafWeb
import Testing

@Suite("Staff: writing the minutes at the meeting")
struct MinutesWebTests {
    @Test("opening, three proposals with a kontrapropositionsvotering and a roll-call vote, a reservation, a stale form refused, closing")
    func meeting() async throws {
        try await withTemporaryStore { store, _ in
            let world = try await StaffWorld.make(store)
            let (sven, _) = try await PlanningWebTests.seats(store, world)
            let aln = world.aln.id!
            var matter = try await store.register(Case(committeeID: aln, diaryNumber: DiaryNumber(series: nil, year: nil, serial: ""), title: "Budget 2027"),
                                                  year: 2026, actor: "test")
            _ = try await store.save(Memo(caseID: matter.id!, author: "Hanna", date: day("2026-11-20"), summary: "Budgeten.",
                                          proposedClauses: ["godkänna budgeten"], recipients: ["Kommunstyrelsen"]), actor: "test")
            matter.status = .ready
            _ = try await store.update(matter, actor: "test")
            let meeting = try await store.plan(Meeting(committeeID: aln, date: day("2026-12-15")), actor: "test")
            _ = try await store.setAgenda(AgendaPlan.standard(meeting: meeting.id!, cases: [.init(matter: matter, proposedDecision: nil)]),
                                          for: meeting.id!, actor: "test")
            try await store.issue(Notice(meetingID: meeting.id!, issued: day("2026-12-01")), actor: "test")
            // Marie (S) is absent: Sven (S) is called and serves in her place.
            try await store.reportAbsence(Absence(meetingID: meeting.id!, personID: world.members[1].id!, reportedAt: "2026-12-02T10:00:00.000Z",
                                                  reportedBy: "test"), actor: "test")
            let app = try await buildApplication(store: store, configuration: staffTestConfiguration, logger: quiet)
            try await app.test(.router) { client in
                let sara = try await TestSession.signIn(client, "sekr.aln")
                let base = "/intern/sammantraden/\(meeting.id!.rawValue)"
                #expect(try await sara.post(client, base + "/oppna") == .seeOther)
                #expect(try await store.meeting(meeting.id!)?.state == .held)
                var (draft, version) = try #require(try await store.minutesDraft(for: meeting.id!))
                #expect(draft.minutes.paragraphs.map(\.number) == Array(1...6))
                #expect(draft.minutes.attendance.map(\.person.name) == ["Mattias Danielsson", "Sven Svensson"])
                #expect(draft.minutes.attendance[1].role == .tjanstgorandeErsattare && draft.minutes.attendance[1].replacing?.name == "Marie Samuelsson")
                #expect(draft.seats == 2)

                let p = base + "/protokoll/3"
                let mattias = String(world.members[0].id!.rawValue), svenID = String(sven.id!.rawValue)
                for (by, text) in [(mattias, "bifall till förvaltningens förslag"), (svenID, "avslag"), (mattias, "återremiss till förvaltningen som huvudyrkande")] {
                    version += 1
                    let status = try await sara.post(client, p + "/yrkande", ["version": String(version - 1), "person": by, "slag": "huvudyrkande", "text": text])
                    #expect(status == .seeOther, "\(text)")
                }
                // A form from before the last change is refused, and says so.
                let stale = try await sara.postReading(client, p + "/yrkande", ["version": "1", "person": mattias, "slag": "huvudyrkande", "text": "sent"])
                #expect(stale.status == .conflict && stale.body.contains("ändrats av någon annan"))

                #expect(try await sara.post(client, p + "/huvudforslag", ["version": String(version), "text": "bifall till förvaltningens förslag"]) == .seeOther)
                version += 1
                // The counter-proposal by roll call: 1–1, the chair (Mattias) decides.
                #expect(try await sara.post(client, p + "/votering", ["version": String(version), "fraga": "0",
                                                                      "rost-\(mattias)": "ja", "rost-\(svenID)": "nej"]) == .seeOther)
                version += 1
                (draft, _) = try #require(try await store.minutesDraft(for: meeting.id!))
                #expect(draft.paragraph(3)?.procedure?.questions[1].alternatives == ["bifall till förvaltningens förslag", "avslag"])
                // More ballots than members taking part: refused, nothing saved.
                let third = String(world.members[1].id!.rawValue)
                let tooMany = try await sara.postReading(client, p + "/votering", ["version": String(version), "fraga": "1",
                                                                                  "rost-\(mattias)": "ja", "rost-\(svenID)": "nej", "rost-\(third)": "ja"])
                #expect(tooMany.status == .unprocessableContent && tooMany.body.contains("röster men bara 2"))
                #expect(try await sara.post(client, p + "/votering", ["version": String(version), "fraga": "1",
                                                                      "rost-\(mattias)": "nej", "rost-\(svenID)": "nej"]) == .seeOther)
                version += 1
                #expect(try await sara.post(client, p + "/beslut", ["version": String(version), "beslut": "avslå förslaget",
                                                                    "mottagare": "Kommunstyrelsen"]) == .seeOther)
                version += 1
                // Marie did not take part: her reservation is refused; Mattias's is taken.
                let notTaking = try await sara.postReading(client, p + "/reservation", ["version": String(version), "person": third])
                #expect(notTaking.status == .unprocessableContent)
                #expect(try await sara.post(client, p + "/reservation", ["version": String(version), "person": mattias]) == .seeOther)
                version += 1

                let page = try await sara.get(client, p) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("Kontrapropositionsvotering begärs och verkställs") && html.contains("Omröstningsresultat: 0 ja, 2 nej."))
                }
                #expect(page == .ok)
                // Closing needs every paragraph decided.
                let early = try await sara.postReading(client, base + "/protokoll/avsluta", ["version": String(version)])
                #expect(early.status == .unprocessableContent && early.body.contains("saknar beslut"))
                for number in [1, 2, 4, 5, 6] {
                    #expect(try await sara.post(client, base + "/protokoll/\(number)/beslut", ["version": String(version), "beslut": "Noteras."]) == .seeOther)
                    version += 1
                }
                #expect(try await sara.post(client, base + "/protokoll/justerare", ["version": String(version), "justerare": svenID, "plats": "Stadshuset",
                                                                                   "datum": "2026-12-18"]) == .seeOther)
                version += 1
                #expect(try await sara.post(client, base + "/protokoll/avsluta", ["version": String(version), "sluttid": "18.05"]) == .seeOther)
                (draft, _) = try #require(try await store.minutesDraft(for: meeting.id!))
                #expect(draft.closed && draft.endTime == "18:05" && draft.minutes.adjustment?.adjusters.map(\.name) == ["Sven Svensson"])
                #expect(draft.paragraph(3)?.reservations.first?.by.map(\.name) == ["Mattias Danielsson"])
                let log = try await store.auditLog(subjectKind: "protokoll", subjectID: meeting.id!.rawValue, limit: 50).map(\.action)
                #expect(log.first == "avslutade sammanträdet" && log.contains("antecknade omröstning i § 3") && log.last == "öppnade sammanträdet")
                // The draft is nowhere public.
                #expect(try await TestSession.anonymous.get(client, "/sammantraden/\(meeting.id!.rawValue)/paragrafer/3") == .notFound)
            }
        }
    }
}
