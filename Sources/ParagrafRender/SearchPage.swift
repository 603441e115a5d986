import Foundation
import ParagrafCore

/// Search over every public decision, proposal, reservation and listed document: the query and
/// its filters, a page of hits with their words marked, how all hits spread (facets), and the
/// way to the next page.
public struct SearchPage: Page {
    public static let template = "search"

    public struct Segment: Sendable, Equatable {
        public var text: String
        public var hit: Bool
        public init(text: String, hit: Bool) {
            self.text = text
            self.hit = hit
        }
    }

    public struct Result: Sendable, Equatable {
        public var title: String
        public var url: String
        public var kind: String
        public var committee: String
        public var municipality: String
        public var date: String
        public var isoDate: String?
        public var snippet: [Segment]
    }

    /// A link that narrows or widens the search, with how many hits it leads to.
    public struct Choice: Sendable, Equatable {
        public var label: String
        public var count: Int?
        public var url: String
        public var selected: Bool
    }

    public struct KindBox: Sendable, Equatable {
        public var value: String
        public var label: String
        public var checked: Bool
    }

    public var title: String
    public var query: String
    public var hasQuery: Bool
    public var problems: [String]
    public var results: [Result]
    public var hasResults: Bool
    public var summary: String
    public var previousURL: String?
    public var nextURL: String?
    // The filter form and the facets.
    public var kindBoxes: [KindBox]
    public var from: String
    public var through: String
    public var diaryNumber: String
    public var classification: String
    public var municipality: String?
    public var committee: String?
    public var activeFilters: [Choice]
    public var hasActiveFilters: Bool
    public var kindFacets: [Choice]
    public var committeeFacets: [Choice]
    public var yearFacets: [Choice]
    public var hasFacets: Bool

    /// `snippets` holds each hit's text cut into marked and unmarked pieces; `committeeName`
    /// names the committee a filter chose; `problems` are filters that could not be read.
    public init(query: String, filters: SearchFilters = SearchFilters(), results: SearchResults, snippets: [[Segment]],
                page: Int, pageSize: Int, committeeName: String? = nil, problems: [String] = []) {
        self.query = query
        self.problems = problems
        hasQuery = !query.trimmingCharacters(in: .whitespaces).isEmpty
        title = hasQuery ? "Sökresultat för ”\(query)”" : "Sök bland besluten"
        self.results = zip(results.hits, snippets).map { hit, snippet in
            Result(title: "§ \(hit.number) \(hit.title)", url: Links.paragraph(meeting: hit.meetingID, number: hit.number),
                   kind: hit.kind.label, committee: hit.committee, municipality: hit.municipality,
                   date: SwedishFormat.meetingDate(hit.meeting, long: false), isoDate: hit.meeting.date?.iso,
                   snippet: snippet)
        }
        hasResults = !self.results.isEmpty
        let first = (page - 1) * pageSize + 1
        let shown = "Visar \(first)–\(first + self.results.count - 1)."
        summary = results.moreThanTotal
            ? "Fler än \(results.total) träffar. De \(results.total) senast registrerade ordnas efter relevans och räknas nedan; avgränsa sökningen för att nå äldre. \(shown)"
            : results.total == 0 ? "Inga träffar."
            : results.total == 1 ? "1 träff."
            : "\(results.total) träffar. \(shown)"
        func url(_ filters: SearchFilters, page: Int = 1) -> String { Links.search(query, filters: filters, page: page) }
        previousURL = page > 1 ? url(filters, page: page - 1) : nil
        nextURL = first - 1 + self.results.count < results.total ? url(filters, page: page + 1) : nil

        kindBoxes = SearchKind.allCases.map { KindBox(value: $0.rawValue, label: $0.label, checked: filters.kinds.contains($0)) }
        from = filters.from?.iso ?? ""
        through = filters.through?.iso ?? ""
        diaryNumber = filters.diaryNumber?.description ?? ""
        classification = filters.classification ?? ""
        municipality = filters.municipality
        committee = filters.committee.map { String($0.rawValue) }

        // Each active filter, with the search without it.
        var active: [Choice] = []
        func without(_ label: String, _ change: (inout SearchFilters) -> Void) {
            var wider = filters
            change(&wider)
            active.append(Choice(label: label, count: nil, url: url(wider), selected: true))
        }
        if let m = filters.municipality { without("Kommun: \(m)") { $0.municipality = nil } }
        if filters.committee != nil { without("Nämnd: \(committeeName ?? "vald nämnd")") { $0.committee = nil } }
        if let d = filters.from { without("Från \(d.iso)") { $0.from = nil } }
        if let d = filters.through { without("Till \(d.iso)") { $0.through = nil } }
        for kind in filters.kinds.sorted() { without(kind.label) { $0.kinds.remove(kind) } }
        if let dnr = filters.diaryNumber { without("Dnr \(dnr.description)") { $0.diaryNumber = nil } }
        if let code = filters.classification { without("Klassificering \(code)") { $0.classification = nil } }
        activeFilters = active
        hasActiveFilters = !active.isEmpty

        let facets = results.facets
        kindFacets = SearchKind.allCases.compactMap { kind in
            guard let count = facets.kinds[kind] else { return nil }
            var narrower = filters
            narrower.kinds = [kind]
            return Choice(label: kind.label, count: count, url: url(narrower), selected: filters.kinds == [kind])
        }
        committeeFacets = facets.committees.map { c in
            var narrower = filters
            narrower.committee = c.id
            return Choice(label: "\(c.name), \(c.municipality)", count: c.count, url: url(narrower), selected: filters.committee == c.id)
        }
        yearFacets = facets.years.map { year, count in
            var narrower = filters
            narrower.from = LocalDate(year: year, month: 1, day: 1)
            narrower.through = LocalDate(year: year, month: 12, day: 31)
            return Choice(label: String(year), count: count, url: url(narrower),
                          selected: filters.from == narrower.from && filters.through == narrower.through)
        }
        hasFacets = results.total > 0
    }
}
