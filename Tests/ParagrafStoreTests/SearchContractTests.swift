import Foundation
import ParagrafCore
@testable import ParagrafStore
import Testing

@Suite("Store contract: search")
struct SearchContractTests {
    static func paragraph(_ meeting: MeetingID, _ number: Int, _ title: String, _ decision: String, isPublic: Bool = true) -> Paragraph {
        Paragraph(meetingID: meeting, number: number, title: title, isPublic: isPublic, decision: [DecisionClause(text: decision)])
    }

    /// The same corpus on each backend; the test asserts the same hits on both.
    @Test("both backends find the same public decisions for the same queries", arguments: TestBackend.all)
    func sameHitsOnBothBackends(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            let m = f.meeting.id!
            _ = try await store.save(Minutes(meetingID: m, paragraphs: [
                Self.paragraph(m, 30, "Arbetsmarknadsnämndens verksamhetsplan", "Arbetsmarknadsnämnden godkänner verksamhetsplanen."),
                Self.paragraph(m, 31, "Ekonomiskt bistånd", "Antalet biståndshushåll har minskat under året."),
                Self.paragraph(m, 32, "Remiss från Socialnämnden", "Nämnden tillstyrker remissen, Dnr ALN 2024-00029."),
                Self.paragraph(m, 33, "Ansökan om bistånd", "Bistånd beviljas nämndens sökande 19800101-1234.", isPublic: false),
                Self.paragraph(m, 34, "Färdtjänst", "Sökanden 800101-1234 beviljas färdtjänst."),
            ]))
            func numbers(_ text: String) async throws -> [Int] {
                try await store.search(SearchQuery(text: text)).hits.map(\.number).sorted()
            }
            #expect(try await numbers("nämnd") == [30, 32], "compounds by their parts, inflections by their stem; closed ones never")
            #expect(try await numbers("arbetsmarknad") == [30])
            #expect(try await numbers("Bistånd") == [31])
            #expect(try await numbers("ekonomiskt bistånd") == [31])
            #expect(try await numbers("ALN 2024-00029") == [32])
            #expect(try await numbers("remiss nämnd") == [32], "every word must match")
            #expect(try await numbers("19800101-1234").isEmpty, "personal identity numbers are never indexed")
            #expect(try await numbers("800101-1234").isEmpty)
            #expect(try await numbers("").isEmpty)
            #expect(try await numbers("finnsinte").isEmpty)
            let results = try await store.search(SearchQuery(text: "nämnd", limit: 1))
            #expect(results.total == 2 && results.hits.count == 1, "a page of hits and the count of all")
            let hit = try #require(results.hits.first)
            #expect(hit.committee == "Arbetslivsnämnden" && hit.municipality == "Borås" && hit.meeting == .on(day("2024-04-16")))
            #expect(!(try await store.search(SearchQuery(text: "färdtjänst"))).hits.contains { $0.body.contains("1234") })

            // Minutes replaced whole take their index rows with them.
            _ = try await store.save(Minutes(meetingID: m, paragraphs: [Self.paragraph(m, 30, "Ny rubrik", "Inget om den saken.")]))
            #expect(try await numbers("nämnd").isEmpty)
            #expect(try await numbers("saken") == [30])
        }
    }
}
