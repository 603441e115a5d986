import ParagrafCore
import ParagrafText
import SQLKit

extension SQLStore {
    /// The analyzer the index and the queries use, and the pages that mark what a search
    /// found; its word list is read once.
    public static let searchAnalyzer = SwedishAnalyzer.standard()

    /// Indexes public paragraphs, inside the caller's transaction (their rows go with them).
    /// Closed paragraphs are never indexed, and text is masked before it is analysed or kept.
    static func index(_ paragraphs: [Paragraph], ids: [Int64], db: any SQLDatabase) async throws {
        var rows: [[Value]] = []
        for (paragraph, id) in zip(paragraphs, ids) where Publication.mayPublish(paragraph) {
            let searchable = [paragraph.title, paragraph.diaryNumber?.withClassification ?? ""] + paragraph.decision.map(\.text)
                + [paragraph.description ?? ""]
            let terms = searchAnalyzer.termTexts(Publication.redacted(searchable.joined(separator: " ")))
            rows.append([id, terms.joined(separator: " ")])
        }
        try await db.insertRows("search_documents", columns: ["paragraph_id", "terms"], rows: rows)
    }

    public func search(_ query: SearchQuery) async throws -> SearchResults {
        let terms = Self.searchAnalyzer.termTexts(query.text)
        guard !terms.isEmpty else { return SearchResults(hits: [], total: 0) }
        let limit = max(1, min(query.limit, 100)), offset = max(0, query.offset)
        let columns = """
            s.paragraph_id, p.meeting_id, p.title, p.decision_text, m.date, m.year, p.number, c.name AS committee, mu.name AS municipality
            """
        let joins = """
            JOIN paragraphs p ON p.id = s.paragraph_id JOIN meetings m ON m.id = p.meeting_id
            JOIN committees c ON c.id = p.committee_id JOIN municipalities mu ON mu.id = c.municipality_id
            """
        // Every term must match. Terms hold no quotes: the analyzer keeps letters, digits and § - / . only.
        let total: Int
        let rows: [any SQLRow]
        switch backend.kind {
        case .sqlite:
            let match = terms.map { "\"\($0)\"" }.joined(separator: " ")
            (total, rows) = try await read { db in
                let total = try await db.raw("SELECT count(*) AS n FROM search_terms WHERE search_terms MATCH \(bind: match)").first()?
                    .int("n") ?? 0
                let rows = try await db.raw("""
                    SELECT \(unsafeRaw: columns) FROM search_terms t JOIN search_documents s ON s.id = t.rowid \(unsafeRaw: joins)
                    WHERE search_terms MATCH \(bind: match) ORDER BY t.rank, m.date DESC, s.paragraph_id
                    LIMIT \(literal: limit) OFFSET \(literal: offset)
                    """).all()
                return (total, rows)
            }
        case .postgres:
            let match = terms.map { "'\($0)'" }.joined(separator: " & ")
            (total, rows) = try await read { db in
                let total = try await db.raw("""
                    SELECT count(*) AS n FROM search_documents WHERE terms_vector @@ CAST(\(bind: match) AS tsquery)
                    """).first()?.int("n") ?? 0
                let rows = try await db.raw("""
                    SELECT \(unsafeRaw: columns) FROM search_documents s \(unsafeRaw: joins), CAST(\(bind: match) AS tsquery) q
                    WHERE s.terms_vector @@ q ORDER BY ts_rank(s.terms_vector, q) DESC, m.date DESC, s.paragraph_id
                    LIMIT \(literal: limit) OFFSET \(literal: offset)
                    """).all()
                return (total, rows)
            }
        }
        let hits = try rows.map { row in
            SearchHit(paragraphID: ParagraphID(try row.id("paragraph_id")), meetingID: MeetingID(try row.id("meeting_id")),
                      number: try row.int("number"), title: Publication.redacted(try row.string("title")),
                      body: Publication.redacted(try row.string("decision_text")),
                      committee: try row.string("committee"), municipality: try row.string("municipality"),
                      meeting: try row.optionalDate("date").map(MeetingDating.on) ?? .undated(year: try row.int("year")))
        }
        return SearchResults(hits: hits, total: total)
    }
}
