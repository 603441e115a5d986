import ParagrafCore
import ParagrafRender
import ParagrafStore
import ParagrafText

/// Runs a search for the search page and marks what it found in each hit.
struct SearchQueries {
    let store: any Store
    static let pageSize = 20

    func searchPage(query: String, page: Int) async throws -> SearchPage {
        let page = max(1, page)
        let results = try await store.search(SearchQuery(text: query, limit: Self.pageSize, offset: (page - 1) * Self.pageSize))
        let analyzer = SQLStore.searchAnalyzer
        let wanted = Set(analyzer.termTexts(query))
        let snippets = results.hits.map { hit in
            analyzer.highlight(Self.excerpt(hit.body), terms: wanted).map { SearchPage.Segment(text: $0.text, hit: $0.hit) }
        }
        return SearchPage(query: query, results: results, snippets: snippets, page: page, pageSize: Self.pageSize)
    }

    /// The first 300 characters of a decision, cut at a word.
    static func excerpt(_ text: String) -> String {
        guard text.count > 300 else { return text }
        let cut = text.prefix(300)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + " …"
    }
}
