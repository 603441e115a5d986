import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafStore
@testable import ParagrafWeb
import Testing

@Suite("The public register of assignments")
struct FollowUpWebTests {
    @Test("after import, the seeds' assignments are listed with their report-back dates, overdue first, per committee")
    func register() async throws {
        try await withTemporaryStore { store, _ in
            let summary = await ImportRun(store: store).run(try seedFiles())
            #expect(summary.failures == 0)
            let all = try await store.assignmentRegister(committee: nil)
            let q2 = try #require(all.first { $0.paragraphNumber == 122 })
            #expect(q2.assignment.reportBackBy == LocalDate(iso: "2025-06-30") && q2.committee == "Arbetsmarknadsnämnden")
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            try await app.test(.router) { client in
                try await client.execute(uri: "/uppdrag", method: .get) { response in
                    #expect(response.status == .ok)
                    let html = String(buffer: response.body)
                    #expect(html.contains("30 juni 2025") && html.contains("Försenat") && html.contains("§ 122"))
                    #expect(html.contains("href=\"/sammantraden/\(q2.meetingID!.rawValue)/paragrafer/122\""))
                }
                let other = try #require(try await store.committees(in: nil).first { $0.name != "Arbetsmarknadsnämnden" })
                try await client.execute(uri: "/uppdrag?namnd=\(other.id!.rawValue)", method: .get) { response in
                    #expect(!String(buffer: response.body).contains("§ 122"), "another committee's list")
                }
            }
        }
    }

    @Test("overdue first, then by day; an assignment from a closed paragraph is never listed")
    func orderAndPublication() {
        let day = LocalDate(iso: "2026-12-01")!
        func entry(_ id: Int64, _ due: String?, status: AssignmentStatus = .ongoing, isPublic: Bool = true) -> RegisteredAssignment {
            RegisteredAssignment(assignment: Assignment(id: AssignmentID(id), committeeID: CommitteeID(1), text: "Uppdrag \(id)",
                                                        reportBackBy: due.flatMap { LocalDate(iso: $0) }, status: status),
                                 committee: "Nämnden", meetingID: MeetingID(1), paragraphNumber: Int(id), paragraphTitle: nil, isPublic: isPublic)
        }
        let list = [entry(1, "2027-03-31"), entry(2, nil), entry(3, "2026-06-30"), entry(4, "2025-06-30"), entry(5, "2026-01-31", status: .done),
                    entry(6, "2024-01-31", isPublic: false)]
        #expect(RegisteredAssignment.registerOrder(list, on: day).map { $0.assignment.id!.rawValue } == [6, 4, 3, 5, 1, 2])
        let page = AssignmentRegisterPageFixture.rows(list, day)
        #expect(page == ["Uppdrag 4", "Uppdrag 3", "Uppdrag 5", "Uppdrag 1", "Uppdrag 2"], "the closed paragraph's assignment is left out")
    }
}

import ParagrafRender

enum AssignmentRegisterPageFixture {
    static func rows(_ list: [RegisteredAssignment], _ day: LocalDate) -> [String] {
        AssignmentRegisterPage(assignments: list, committees: [], selected: nil, today: day).rows.map(\.text)
    }
}
