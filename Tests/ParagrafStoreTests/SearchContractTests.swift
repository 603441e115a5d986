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

    /// Phrases, exclusions, OR, kinds, filters and facets: the same answers on both backends.
    @Test("the search syntax, the filters and the facet counts", arguments: TestBackend.all)
    func syntaxFiltersFacets(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            let m = f.meeting.id!
            var bistånd = Self.paragraph(m, 31, "Ekonomiskt bistånd", "Nämnden godkänner rapporten om ekonomiskt bistånd.")
            bistånd.diaryNumber = DiaryNumber("ALN 2024-00031 1.2.4.1")
            bistånd.proposals = [Proposal(by: [PersonRef(name: "Anna Berg", party: "S")], text: "Anna Berg yrkar avslag på rapporten.")]
            bistånd.reservations = [Reservation(by: [PersonRef(name: "Anna Berg", party: "S")], reasons: "Bistånd behöver mer resurser.")]
            bistånd.basis = ["Tjänsteskrivelse om bistånd till hushåll"]
            var budget = Self.paragraph(m, 32, "Budget 2025", "Nämnden fastställer budget och prognos för bistånd, ekonomiskt sett i balans.")
            budget.diaryNumber = DiaryNumber("ALN 2024-00032 2.1")
            let kultur = Self.paragraph(m, 33, "Kulturbudget", "Nämnden fastställer budgeten för kultur.")
            var closed = Self.paragraph(m, 34, "Bistånd i enskilt ärende", "Ekonomiskt bistånd beviljas.", isPublic: false)
            closed.proposals = [Proposal(by: [PersonRef(name: "Anna Berg", party: "S")], text: "Bifall till ekonomiskt bistånd.")]
            _ = try await store.save(Minutes(meetingID: m, paragraphs: [bistånd, budget, kultur, closed]))

            func hits(_ text: String, _ filters: SearchFilters = SearchFilters()) async throws -> [String] {
                try await store.search(SearchQuery(text: text, filters: filters)).hits.map { "\($0.number) \($0.kind.rawValue)" }.sorted()
            }
            // Every kind of text is found, each as its own hit; never the closed paragraph's.
            #expect(try await hits("bistånd") == ["31 beslut", "31 handling", "31 reservation", "32 beslut"])
            #expect(try await hits("avslag") == ["31 yrkande"])
            // An exact phrase must stand as written; its words apart are not enough.
            #expect(try await hits("\"ekonomiskt bistånd\"") == ["31 beslut"])
            #expect(try await hits("ekonomiskt bistånd") == ["31 beslut", "32 beslut"])
            #expect(try await hits("\"Ekonomiskt   BISTÅND\"") == ["31 beslut"], "phrases compare folded")
            // Exclusions, of a word and of a phrase.
            #expect(try await hits("budget -kultur") == ["32 beslut"])
            #expect(try await hits("bistånd -\"ekonomiskt bistånd\"") == ["31 handling", "31 reservation", "32 beslut"])
            // OR: either word.
            #expect(try await hits("avslag OR prognos") == ["31 yrkande", "32 beslut"])
            #expect(try await hits("-kultur").isEmpty, "only exclusions finds nothing")

            // Filters: kind, diary number, classification (by its beginning), dates, committee, municipality.
            #expect(try await hits("bistånd", SearchFilters(kinds: [.reservation, .document])) == ["31 handling", "31 reservation"])
            #expect(try await hits("nämnd", SearchFilters(diaryNumber: DiaryNumber("ALN 2024-00032"))) == ["32 beslut"])
            #expect(try await hits("nämnd", SearchFilters(classification: "1.2")) == ["31 beslut"])
            #expect(try await hits("nämnd", SearchFilters(classification: "1.2.4.1")) == ["31 beslut"])
            #expect(try await hits("nämnd", SearchFilters(classification: "1.2.4.11")).isEmpty)
            #expect(try await hits("nämnd", SearchFilters(from: day("2024-04-16"), through: day("2024-04-16"))).count == 3)
            #expect(try await hits("nämnd", SearchFilters(from: day("2024-04-17"))).isEmpty)
            #expect(try await hits("nämnd", SearchFilters(committee: f.committee.id!)).count == 3)
            #expect(try await hits("nämnd", SearchFilters(committee: CommitteeID(f.committee.id!.rawValue + 1000))).isEmpty)
            #expect(try await hits("nämnd", SearchFilters(municipality: "Borås")).count == 3)
            #expect(try await hits("nämnd", SearchFilters(municipality: "Västerås")).isEmpty)

            // Facets count all the hits, not only the page, and never the closed paragraph.
            let results = try await store.search(SearchQuery(text: "bistånd", limit: 1))
            #expect(results.total == 4 && results.hits.count == 1)
            #expect(results.facets.kinds == [.decision: 2, .reservation: 1, .document: 1])
            #expect(results.facets.committees.map(\.count) == [4])
            #expect(results.facets.committees.first?.name == f.committee.name)
            #expect(results.facets.years.map(\.year) == [2024] && results.facets.years.map(\.count) == [4])
            let narrowed = try await store.search(SearchQuery(text: "bistånd", filters: SearchFilters(kinds: [.decision])))
            #expect(narrowed.total == 2 && narrowed.facets.kinds == [.decision: 2])
        }
    }

    @Test("a common word: the most recent matches are weighed and counted, and the answer says there are more", arguments: TestBackend.all)
    func boundedCandidates(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            let m = f.meeting.id!
            let many = SQLStore.searchCandidates + 5
            _ = try await store.save(Minutes(meetingID: m, paragraphs: (1...many).map {
                Self.paragraph(m, $0, "Budget \($0)", $0 <= 3 ? "Budgeten för förskolan fastställs." : "Budgeten fastställs.")
            }))
            let common = try await store.search(SearchQuery(text: "budget", limit: 20))
            #expect(common.moreThanTotal && common.total == SQLStore.searchCandidates)
            #expect(common.facets.kinds[.decision] == SQLStore.searchCandidates, "the facets count what was weighed")
            #expect(common.hits.count == 20)
            // The oldest were not weighed; a narrower search reaches them, counted exactly.
            #expect(!common.hits.contains { $0.number <= 3 })
            let narrow = try await store.search(SearchQuery(text: "budget förskolan"))
            #expect(!narrow.moreThanTotal && narrow.total == 3 && narrow.hits.map(\.number).sorted() == [1, 2, 3])
        }
    }
}
