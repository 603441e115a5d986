import Foundation
import ParagrafCore
@testable import ParagrafStore
import Testing

@Suite("Store contract: planning")
struct PlanningContractTests {
    @Test("planning, the agenda, the notice and absences are logged, and refused once the meeting is held", arguments: TestBackend.all)
    func planning(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            let meeting = try await store.plan(Meeting(committeeID: f.committee.id!, date: day("2026-12-15"), place: "Stadshuset"), actor: "sara")
            var moved = meeting
            moved.place = "Rådhuset"
            _ = try await store.plan(moved, actor: "sara")
            var jumped = moved
            jumped.state = .held
            await #expect(throws: StoreError.self) { try await store.plan(jumped, actor: "sara") }

            let items = AgendaPlan.standard(meeting: meeting.id!, cases: [])
            _ = try await store.setAgenda(items, for: meeting.id!, actor: "sara")
            var twice = items
            twice[1].position = 1
            await #expect(throws: StoreError.self) { try await store.setAgenda(twice, for: meeting.id!, actor: "sara") }
            #expect(try await store.agenda(for: meeting.id!).count == 5, "a refused agenda changes nothing")

            try await store.issue(Notice(meetingID: meeting.id!, issued: day("2026-12-01"), signedBy: ["Ordförande"]), actor: "sara")
            #expect(try await store.meeting(meeting.id!)?.state == .notified)
            try await store.issue(Notice(meetingID: meeting.id!, issued: day("2026-12-02"), signedBy: ["Ordförande"]), actor: "sara")
            #expect(try await store.notice(for: meeting.id!)?.issued == day("2026-12-02"))

            let absence = Absence(meetingID: meeting.id!, personID: f.persons[0].id!, reportedAt: Timestamp.now(), reportedBy: "mattias")
            try await store.reportAbsence(absence, actor: "mattias")
            try await store.reportAbsence(absence, actor: "mattias")
            #expect(try await store.absences(for: meeting.id!).count == 1)

            let actions = try await store.auditLog(subjectKind: "sammanträde", subjectID: meeting.id!.rawValue, limit: 20).map(\.action)
            #expect(actions == ["anmälde förhinder", "kallade på nytt", "kallade", "ändrade föredragningslistan", "ändrade", "planerade"])

            // Once held, nothing of the plan changes here.
            try await store.write { db in try await db.update("meetings").set("state", to: "genomfört").where("id", .equal, meeting.id!.rawValue).run() }
            await #expect(throws: StoreError.self) { try await store.plan(moved, actor: "sara") }
            await #expect(throws: StoreError.self) { try await store.setAgenda(items, for: meeting.id!, actor: "sara") }
            await #expect(throws: StoreError.self) {
                try await store.reportAbsence(Absence(meetingID: meeting.id!, personID: f.persons[1].id!, reportedAt: "x", reportedBy: "y"), actor: "y")
            }
            await #expect(throws: (any Error).self) { try await store.issue(Notice(meetingID: meeting.id!, issued: day("2026-12-03")), actor: "sara") }
        }
    }
}
