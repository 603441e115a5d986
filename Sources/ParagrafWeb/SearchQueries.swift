import ParagrafCore
import ParagrafRender
import ParagrafStore
import ParagrafText

/// Runs a search for the search page and marks what it found in each hit.
struct SearchQueries {
    let store: any Store
    static let pageSize = 20

    /// The search's filters from the address's parameters; one that cannot be read is left out
    /// and named, so that the page says what was not understood rather than finding nothing.
    static func filters(_ parameter: (String) -> [String]) -> (SearchFilters, [String]) {
        var filters = SearchFilters()
        var problems: [String] = []
        func value(_ name: String) -> String? {
            parameter(name).lazy.map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
        }
        filters.municipality = value("kommun")
        if let text = value("namnd") {
            if let id = Int64(text) { filters.committee = CommitteeID(id) } else { problems.append("Nämnden ”\(text)” finns inte.") }
        }
        for (name, label) in [("fran", "Från-datumet"), ("till", "Till-datumet")] {
            guard let text = value(name) else { continue }
            guard let date = LocalDate(iso: text) else {
                problems.append("\(label) ”\(text)” kunde inte läsas. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2024-04-16.")
                continue
            }
            if name == "fran" { filters.from = date } else { filters.through = date }
        }
        for text in parameter("typ") where !text.isEmpty {
            if let kind = SearchKind(rawValue: text) { filters.kinds.insert(kind) } else {
                problems.append("Typen ”\(text)” finns inte; välj beslut, yrkande, reservation eller handling.")
            }
        }
        if let text = value("dnr") {
            if let dnr = DiaryNumber(text) { filters.diaryNumber = dnr } else {
                problems.append("Diarienumret ”\(text)” kunde inte läsas, till exempel ALN 2024-00029.")
            }
        }
        if let text = value("klass") {
            if text.allSatisfy({ $0.isNumber || $0 == "." }), text.first?.isNumber == true, text.last?.isNumber == true {
                filters.classification = text
            } else {
                problems.append("Klassificeringen ”\(text)” kunde inte läsas; den skrivs med siffror och punkter, till exempel 1.2.4.")
            }
        }
        return (filters, problems)
    }

    func searchPage(query: String, filters: SearchFilters = SearchFilters(), problems: [String] = [], page: Int) async throws -> SearchPage {
        let page = max(1, page)
        let expression = SearchExpression.parse(query, analyzer: SQLStore.searchAnalyzer)
        var problems = problems
        if !query.trimmingCharacters(in: .whitespaces).isEmpty, !expression.hasRequiredTerms {
            problems.append("Skriv minst ett ord som ska finnas med; en sökning med bara uteslutna ord hittar ingenting.")
        }
        let results = try await store.search(SearchQuery(text: query, filters: filters, limit: Self.pageSize,
                                                         offset: (page - 1) * Self.pageSize))
        let analyzer = SQLStore.searchAnalyzer
        let wanted = expression.wantedTerms
        let snippets = results.hits.map { hit in
            analyzer.highlight(Self.excerpt(hit.body, near: wanted, analyzer: analyzer), terms: wanted)
                .map { SearchPage.Segment(text: $0.text, hit: $0.hit) }
        }
        var committeeName: String? = nil
        if let committee = filters.committee { committeeName = try await store.committee(committee)?.name }
        return SearchPage(query: query, filters: filters, results: results, snippets: snippets, page: page, pageSize: Self.pageSize,
                          committeeName: committeeName, problems: problems)
    }

    /// About 300 characters of a text around the first word the search asked for, cut at words.
    static func excerpt(_ text: String, near terms: Set<String>, analyzer: SwedishAnalyzer) -> String {
        guard text.count > 300 else { return text }
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        let first = words.firstIndex { word in !Set(analyzer.termTexts(String(word))).isDisjoint(with: terms) } ?? 0
        var start = max(0, first - 8)
        var length = 0
        var picked: [Substring] = []
        while start < words.count, length < 300 {
            picked.append(words[start])
            length += words[start].count + 1
            start += 1
        }
        let lead = first > 8 ? "… " : ""
        let tail = start < words.count ? " …" : ""
        return lead + picked.joined(separator: " ") + tail
    }
}
