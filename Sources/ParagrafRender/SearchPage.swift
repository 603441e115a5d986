import Foundation
import ParagrafCore

/// Search over every public decision: the query, a page of hits with their words marked, and
/// the way to the next page.
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
        public var committee: String
        public var municipality: String
        public var date: String
        public var isoDate: String?
        public var snippet: [Segment]
    }

    public var title: String
    public var query: String
    public var hasQuery: Bool
    public var results: [Result]
    public var hasResults: Bool
    public var summary: String
    public var previousURL: String?
    public var nextURL: String?

    /// `snippets` holds each hit's body cut into marked and unmarked pieces.
    public init(query: String, results: SearchResults, snippets: [[Segment]], page: Int, pageSize: Int) {
        self.query = query
        hasQuery = !query.trimmingCharacters(in: .whitespaces).isEmpty
        title = hasQuery ? "Sökresultat för ”\(query)”" : "Sök bland besluten"
        self.results = zip(results.hits, snippets).map { hit, snippet in
            Result(title: "§ \(hit.number) \(hit.title)", url: Links.paragraph(meeting: hit.meetingID, number: hit.number),
                   committee: hit.committee, municipality: hit.municipality,
                   date: SwedishFormat.meetingDate(hit.meeting, long: false), isoDate: hit.meeting.date?.iso,
                   snippet: snippet)
        }
        hasResults = !self.results.isEmpty
        let first = (page - 1) * pageSize + 1
        summary = results.total == 0 ? "Inga beslut hittades."
            : results.total == 1 ? "1 beslut hittades."
            : "\(results.total) beslut hittades. Visar \(first)–\(first + self.results.count - 1)."
        func url(_ page: Int) -> String { Links.search(query, page: page) }
        previousURL = page > 1 ? url(page - 1) : nil
        nextURL = first - 1 + self.results.count < results.total ? url(page + 1) : nil
    }
}
