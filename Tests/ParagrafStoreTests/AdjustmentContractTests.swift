import Foundation
import ParagrafCore
@testable import ParagrafStore
import SQLKit
import Testing

@Suite("Store contract: adjustment and the lock")
struct AdjustmentContractTests {
    @Test("signatures are kept once each and never changed; the lock files the minutes and posts them in one go", arguments: TestBackend.all)
    func adjustment(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            let meeting = try await store.plan(Meeting(committeeID: f.committee.id!, date: day("2026-12-15")), actor: "sara")
            // A remiss whose case is on the agenda, and a delegated decision waiting to be reported.
            let matter = try await store.register(Case(committeeID: f.committee.id!, diaryNumber: DiaryNumber(series: nil, year: nil, serial: ""),
                                                       title: "Remiss om avfallsplan"), year: 2026, actor: "sara")
            let referral = try await store.save(Referral(committeeID: f.committee.id!, direction: .incoming, counterparts: ["Kommunstyrelsen"],
                                                         title: "Remiss om avfallsplan", deadline: day("2026-12-31"), caseID: matter.id))
            _ = try await store.adopt(DelegationOrder(committeeID: f.committee.id!, version: 0, adoptedBy: "2026-01-20 § 3", validFrom: day("2026-01-21"),
                                                      points: [DelegationPoint(code: "3.2", matter: "Anställning", delegate: "Förvaltningschef")]),
                                      actor: "sara")
            let decision = try await store.register(DelegatedDecision(committeeID: f.committee.id!, decidedBy: "Förvaltningschef", delegationPoint: "3.2",
                                                                      decided: day("2026-11-20"), title: "Anställning"), actor: "sara")
            _ = try await store.setAgenda(AgendaPlan.standard(meeting: meeting.id!, cases: [.init(matter: matter, proposedDecision: nil)]),
                                          for: meeting.id!, actor: "sara")
            try await store.issue(Notice(meetingID: meeting.id!, issued: day("2026-12-01")), actor: "sara")
            var draft = MeetingSteps.open(meeting: meeting.id!, agenda: try await store.agenda(for: meeting.id!), cases: [:],
                                          expected: [.init(person: f.ref(0), role: .ordforande), .init(person: f.ref(1), role: .ledamot)],
                                          seats: 2, firstNumber: 1, secretary: "Sara")
            try await store.open(draft, actor: "sara")
            for n in 1...6 { draft = try MeetingSteps.decideParagraph(draft, number: n, clauses: ["Noteras."], recipients: [], immediate: false) }
            draft = try MeetingSteps.chooseAdjusters(draft, [f.ref(1)], place: nil, date: nil)
            draft = try MeetingSteps.addAssignment(draft, number: 3, DraftAssignment(receiver: "förvaltningen", text: "Utred", reportBackBy: day("2027-03-01")))
            draft = try MeetingSteps.close(draft)
            _ = try await store.save(draft, version: 1, actor: "sara", action: "x", paragraph: nil)

            try await store.prepareSigning(meeting: meeting.id!, pdf: [1, 2, 3], pdfSHA256: "aa", content: "{}", contentSHA256: "bb", actor: "sara")
            let chair = SignedMinutes.Signed(role: .ordforande, person: f.ref(0), account: "m", method: "X.509", signedAt: "2026-12-16T10:00:00.000Z",
                                             documentSHA256: "aa", data: [9])
            try await store.addSignature(chair, meeting: meeting.id!, actor: "m")
            await #expect(throws: StoreError.self) { try await store.addSignature(chair, meeting: meeting.id!, actor: "m") }
            var wrongFile = chair
            wrongFile.role = .justerare
            wrongFile.documentSHA256 = "cc"
            await #expect(throws: StoreError.self) { try await store.addSignature(wrongFile, meeting: meeting.id!, actor: "m") }
            await #expect(throws: StoreError.self) {
                try await store.prepareSigning(meeting: meeting.id!, pdf: [4], pdfSHA256: "dd", content: "{}", contentSHA256: "ee", actor: "sara")
            }
            await #expect(throws: (any Error).self) {
                try await store.write { db in try await db.raw("DELETE FROM minutes_signatures").run() }
            }
            #expect(try await store.signedMinutes(for: meeting.id!)?.signatures.count == 1, "a signature is never removed")

            try await store.lock(draft.minutes, assignments: draft.assignments, endTime: LocalTime("18:00"), posted: day("2026-12-18"), actor: "marie")
            let locked = try await store.meeting(meeting.id!)
            #expect(locked?.state == .announced && locked?.endTime == LocalTime("18:00"))
            let paragraphs = try #require(try await store.minutes(for: meeting.id!)?.paragraphs)
            #expect(paragraphs.count == 6)
            // The remiss is answered by its case's paragraph; the decision reported under Delegationsbeslut.
            let answered = try await store.referrals(of: f.committee.id!).first { $0.id == referral.id }
            #expect(answered?.answeredByParagraph == paragraphs.first { $0.caseID == matter.id }?.id && answered?.isOpen == false)
            let reported = try await store.delegatedDecisions(of: f.committee.id!).first { $0.id == decision.id }
            #expect(reported?.reportedAt == meeting.id)
            #expect(reported?.paragraphID == paragraphs.first { AgendaItemKind.listing(titled: $0.title) == .delegatedDecisions }?.id)
            #expect(try await store.assignments(of: f.committee.id!).map(\.text) == ["Utred"])
            let register = try await store.assignmentRegister(committee: f.committee.id!)
            #expect(register.map(\.paragraphNumber) == [3] && register.first?.isPublic == true && register.first?.meetingID == meeting.id)
            #expect(register.first?.assignment.reportBackBy == day("2027-03-01") && register.first?.committee == "Arbetslivsnämnden")
            #expect(try await store.assignmentRegister(committee: nil).count == 1)
            #expect(try await store.signedMinutes(for: meeting.id!)?.lockedAt != nil)
            await #expect(throws: StoreError.self) {
                try await store.lock(draft.minutes, assignments: [:], endTime: nil, posted: day("2026-12-18"), actor: "marie")
            }
        }
    }
}
