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

    @Test("after import, the seeds' remisser, delegated decisions and anmälningsärenden are listed with their dates")
    func importedLists() async throws {
        try await withTemporaryStore { store, _ in
            let summary = await ImportRun(store: store).run(try seedFiles())
            #expect(summary.failures == 0)
            let referrals = try await store.referralList(committee: nil)
            // seed-001: the notice's remiss letter gives the deadline and the sender's diary number.
            let code = try #require(referrals.first { $0.referral.title == "Yttrande över Remiss: Borås Stads Uppförandekod" })
            #expect(code.referral.deadline == LocalDate(iso: "2023-09-30") && code.referral.theirReference == "KS 2023-00440")
            #expect(code.referral.counterparts == ["Kommunstyrelsen"] && code.meetingDate == LocalDate(iso: "2023-09-19") && code.isPublic)
            // seed-002 § 117: the deadline moved from 1 to 31 October, answered in the paragraph.
            let sfi = try #require(referrals.first { $0.paragraphNumber == 117 })
            #expect(sfi.referral.deadline == LocalDate(iso: "2024-10-01") && sfi.referral.extensions == [LocalDate(iso: "2024-10-31")!])
            #expect(sfi.referral.deadlineInForce == LocalDate(iso: "2024-10-31") && !sfi.referral.isOpen)

            let boras = try #require(try await store.committees(in: nil).first { $0.name == "Arbetslivsnämnden" })
            let decisions = try await store.delegatedDecisions(of: boras.id!)
            #expect(decisions.count == 7)
            #expect(decisions.contains { $0.title == "Socialutskott Försörjningsenheten Protokoll 2024-02-19 § 6-10" && $0.decided == LocalDate(iso: "2024-02-19") })
            #expect(decisions.contains { $0.title == "Utredning Lex Sarah" && $0.diaryNumber?.description == "2024-00011" })
            let notifications = try await store.notifications(of: boras.id!)
            let kf = try #require(notifications.first { $0.title.hasSuffix("Borås Stads riktlinjer för säkerhetsskydd") })
            #expect(kf.received == LocalDate(iso: "2024-02-22") && kf.sender == "Kommunfullmäktige" && kf.reportedAt != nil)

            // seed-002 § 115 closes an assignment given before the records begin; the register shows it closed by § 115.
            let closed = try #require(try await store.assignmentRegister(committee: nil).first { $0.assignment.closedByParagraph == 115 })
            #expect(closed.assignment.status == .closed && closed.assignment.text.contains("kartläggning av utbildningsbakgrund"))

            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            try await app.test(.router) { client in
                try await client.execute(uri: "/remisser", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok)
                    #expect(html.contains("31 oktober 2024") && html.contains("förlängd från 1 oktober 2024") && html.contains("Besvarad § 117"))
                    #expect(html.contains("30 september 2023") && html.contains("dnr KS 2023-00440"))
                }
                // The same lists in the API, as Paragraf's OParl extensions.
                let body = try #require(try await store.committees(in: nil).first { $0.name == "Arbetsmarknadsnämnden" }?.municipalityID)
                try await client.execute(uri: "/oparl/v1/bodies/\(body.rawValue)/referrals", method: .get) { response in
                    let json = String(buffer: response.body)
                    #expect(response.status == .ok)
                    #expect(json.contains("\"deadlineInForce\":\"2024-10-31\"") && json.contains("\"extendedTo\":[\"2024-10-01\"]") == false)
                    #expect(json.contains("\"extendedTo\":[\"2024-10-31\"]") && json.contains("https://paragraf.se/oparl/1.0/Referral"))
                }
                try await client.execute(uri: "/oparl/v1/bodies/\(body.rawValue)/assignments", method: .get) { response in
                    let json = String(buffer: response.body)
                    #expect(json.contains("\"reportBackBy\":\"2025-06-30\"") && json.contains("\"closedByParagraph\":115"))
                }
                try await client.execute(uri: "/oparl/v1/bodies/\(body.rawValue)", method: .get) { response in
                    #expect(String(buffer: response.body).contains("\"paragraf:assignmentList\""))
                }
                let meeting = try #require(kf.reportedAt)
                try await client.execute(uri: "/sammantraden/\(meeting.rawValue)/paragrafer/43", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("Anmälda delegationsbeslut") && html.contains("<time datetime=\"2024-02-19\">19 februari 2024</time>"))
                }
                try await client.execute(uri: "/sammantraden/\(meeting.rawValue)/paragrafer/42", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("Anmälningsärenden") && html.contains("<td>Kommunfullmäktige</td>") && html.contains("2023-00087"))
                }
                try await client.execute(uri: "/sammantraden/\(sfi.referral.meetingID!.rawValue)/paragrafer/117", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("Svarstiden förlängd till") && html.contains("31 oktober 2024"))
                }
            }
            // Filing the same documents again leaves one of each.
            _ = await ImportRun(store: store).run(try seedFiles())
            #expect(try await store.delegatedDecisions(of: boras.id!).count == 7)
            #expect(try await store.referralList(committee: nil).count == referrals.count)
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
