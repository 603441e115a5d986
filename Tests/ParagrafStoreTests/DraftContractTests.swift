import Foundation
import ParagrafCore
@testable import ParagrafStore
import Testing

@Suite("Store contract: minutes drafts")
struct DraftContractTests {
    @Test("opening makes the meeting held; a save at a stale version is a conflict and changes nothing", arguments: TestBackend.all)
    func drafts(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            let meeting = try await store.plan(Meeting(committeeID: f.committee.id!, date: day("2026-12-15")), actor: "sara")
            let agenda = AgendaPlan.standard(meeting: meeting.id!, cases: [])
            let draft = MeetingSteps.open(meeting: meeting.id!, agenda: agenda, cases: [:], expected: [.init(person: f.ref(0), role: .ordforande)],
                                          seats: 1, firstNumber: 7, secretary: "Sara")
            await #expect(throws: StoreError.self) { try await store.open(draft, actor: "sara") }
            try await store.issue(Notice(meetingID: meeting.id!, issued: day("2026-12-01")), actor: "sara")
            // The year's first paragraph is § 1: a draft starting at § 7 is out of sequence, and nothing changes.
            do {
                try await store.open(draft, actor: "sara")
                Issue.record("a draft beginning at § 7 was opened")
            } catch let error as StoreError {
                #expect(error.description.contains("Väntade § 1 men fann § 7"))
            }
            #expect(try await store.meeting(meeting.id!)?.state == .notified)
            var numbered = draft
            for i in numbered.minutes.paragraphs.indices { numbered.minutes.paragraphs[i].number -= 6 }
            try await store.open(numbered, actor: "sara")
            #expect(try await store.meeting(meeting.id!)?.state == .held)
            await #expect(throws: (any Error).self) { try await store.open(draft, actor: "sara") }

            let decided = try MeetingSteps.decideParagraph(numbered, number: 1, clauses: ["Mattias Danielsson utses att justera"], recipients: [],
                                                           immediate: false)
            #expect(try await store.save(decided, version: 1, actor: "sara", action: "antecknade beslut i § 1", paragraph: 1) == 2)
            let other = try MeetingSteps.decideParagraph(numbered, number: 2, clauses: ["Godkänns"], recipients: [], immediate: false)
            await #expect(throws: StoreError.self) { try await store.save(other, version: 1, actor: "anna", action: "x", paragraph: 2) }
            let stored = try #require(try await store.minutesDraft(for: meeting.id!))
            #expect(stored.version == 2 && stored.draft == decided)
            let entry = try #require(try await store.auditLog(subjectKind: "protokoll", subjectID: meeting.id!.rawValue, limit: 1).first)
            #expect(entry.action == "antecknade beslut i § 1" && entry.after?.contains("utses att justera") == true && entry.before?.contains("utses") == false)
        }
    }
}
