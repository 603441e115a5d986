import Foundation
import ParagrafCore
@testable import ParagrafStore
import Testing

@Suite("Demo municipality")
struct DemoTests {
    let today = LocalDate(iso: "2024-09-20")!

    @Test("the same seed gives the same data; paragraphs number on through the year", arguments: TestBackend.all)
    func deterministic(_ backend: TestBackend) async throws {
        let generator = DemoGenerator(seed: 7, scale: 1, year: 2024, today: today)
        let (first, firstMinutes) = try await withStore(backend) { store in
            let summary = try await generator.run(into: store)
            let committees = try await store.committees(in: nil)
            let social = committees.first { $0.name == "Socialnämnden" }!
            let meetings = try await store.meetings(of: social.id!, year: 2024)
            var numbers: [Int] = []
            var minutes: [Minutes] = []
            for meeting in meetings {
                guard let m = try await store.minutes(for: meeting.id!) else {
                    #expect(meeting.date! >= today, "meetings before today have minutes")
                    continue
                }
                numbers += m.paragraphs.map(\.number)
                minutes.append(m)
                #expect(m.attendance.filter { $0.role.votes }.count == 9, "every seat is filled")
                #expect(Quorum.isQuorate(serving: m.attendance.filter { $0.role.votes }.count, seats: 9))
            }
            #expect(ParagraphNumbering.problems(numbers: numbers, highestBefore: nil).isEmpty)
            #expect(committees.count == 7)
            #expect(committees.contains { $0.kind == .utskott && $0.parentID != nil })
            return (summary, minutes)
        }
        #expect(first.paragraphs > 300)
        #expect(first.votes > 0 && first.reservations > 0 && first.assignments > 0)
        let (second, secondMinutes) = try await withStore(backend) { store in
            let summary = try await generator.run(into: store)
            let social = try await store.committees(in: nil).first { $0.name == "Socialnämnden" }!
            var minutes: [Minutes] = []
            for meeting in try await store.meetings(of: social.id!, year: 2024) {
                if let m = try await store.minutes(for: meeting.id!) { minutes.append(m) }
            }
            return (summary, minutes)
        }
        #expect(first == second)
        #expect(firstMinutes == secondMinutes)
        let other = try await withStore(backend) { store in
            try await DemoGenerator(seed: 8, scale: 1, year: 2024, today: today).run(into: store)
        }
        #expect(other != first, "another seed gives another municipality")
    }

    @Test func votesAreConsistentWithAttendance() async throws {
        try await withStore(.sqlite) { store in
            _ = try await DemoGenerator(seed: 3, scale: 1, year: 2024, today: today).run(into: store)
            var checked = 0
            for committee in try await store.committees(in: nil) {
                for meeting in try await store.meetings(of: committee.id!, year: 2024) {
                    guard let minutes = try await store.minutes(for: meeting.id!) else { continue }
                    for paragraph in minutes.paragraphs {
                        for vote in paragraph.votes {
                            _ = try vote.outcome(voters: minutes.voters(at: paragraph.number), chair: minutes.chair)
                            checked += 1
                        }
                    }
                }
            }
            #expect(checked > 0)
        }
    }
}
