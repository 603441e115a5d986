import Foundation
import ParagrafCore
@testable import ParagrafStore
import SQLKit
import Testing

@Suite("Store contract: diary series")
struct DiarySeriesContractTests {
    static func draft(_ committee: CommitteeID, _ title: String, classification: String? = nil) -> Case {
        Case(committeeID: committee, diaryNumber: DiaryNumber(series: nil, year: nil, serial: "", classification: classification.flatMap(Classification.init)),
             title: title, registered: day("2025-01-07"))
    }

    @Test("numbers per committee and year, following on from the diary, never given twice, one each when many register at once",
          arguments: TestBackend.all)
    func series(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            let committee = f.committee.id!
            let first = try await store.register(Self.draft(committee, "Budget 2026", classification: "1.2.4"), year: 2025, actor: "test")
            let second = try await store.register(Self.draft(committee, "Internkontrollplan"), year: 2025, actor: "test")
            #expect(first.diaryNumber.withClassification == "ALN 2025-00001 1.2.4")
            #expect(second.diaryNumber.description == "ALN 2025-00002" && second.id != nil)
            #expect(try await store.matter(second.id!)?.title == "Internkontrollplan")

            // A series the diary already holds numbers in (an import) goes on from the highest.
            _ = try await store.save(Case(committeeID: committee, diaryNumber: DiaryNumber("ALN 2026-00029")!, title: "Importerat"))
            #expect(try await store.register(Self.draft(committee, "Nytt"), year: 2026, actor: "test").diaryNumber.description == "ALN 2026-00030")

            // A number whose case was removed is not given again.
            try await store.write { db in try await db.raw("DELETE FROM cases WHERE id = \(bind: second.id!.rawValue)").run() }
            #expect(try await store.register(Self.draft(committee, "Efter borttagning"), year: 2025, actor: "test").diaryNumber.serial == "00003")

            // Many at once: each gets its own number.
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<8 { group.addTask { try await store.register(Self.draft(committee, "Samtidigt \(i)"), year: 2027, actor: "test").diaryNumber.serial } }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(numbers.sorted() == (1...8).map { String(format: "%05d", $0) })

            // A committee without an abbreviation has no series to number from.
            let plain = try await store.save(Committee(municipalityID: f.municipality.id!, name: "Valnämnden", kind: .namnd))
            await #expect(throws: StoreError.self) { try await store.register(Self.draft(plain.id!, "Val"), year: 2025, actor: "test") }
        }
    }
}
