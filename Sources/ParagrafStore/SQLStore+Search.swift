import ParagrafCore
import ParagrafText
import SQLKit

extension SQLStore {
    /// The analyzer the index and the queries use, and the pages that mark what a search
    /// found; its word list is read once.
    public static let searchAnalyzer = SwedishAnalyzer.standard()

    /// The texts of a public paragraph that search finds, by kind; a kind the paragraph lacks is left out.
    static func searchTexts(_ paragraph: Paragraph) -> [(SearchKind, String)] {
        func names(_ refs: [PersonRef]) -> String { refs.map(\.description).joined(separator: ", ") }
        let decision = [paragraph.title, paragraph.diaryNumber?.withClassification ?? ""] + paragraph.decision.map(\.text)
            + [paragraph.description ?? ""]
        let proposals = paragraph.proposals.map { "\(names($0.by)): \($0.text)" }
        let reservations = paragraph.reservations.map { "Reservation av \(names($0.by)): \($0.reasons ?? "")" }
            + paragraph.statements.map { "\($0.kind.rawValue.capitalized) av \(names($0.by)): \($0.text)" }
        return [(.decision, decision), (.proposal, proposals), (.reservation, reservations), (.document, paragraph.basis)]
            .compactMap { kind, texts in
                let text = texts.filter { !$0.isEmpty }.joined(separator: " · ")
                return text.isEmpty ? nil : (kind, text)
            }
    }

    /// Indexes public paragraphs, inside the caller's transaction (their rows go with them).
    /// Closed paragraphs are never indexed, and text is masked before it is analysed or kept.
    static func index(_ paragraphs: [Paragraph], ids: [Int64], db: any SQLDatabase) async throws {
        var rows: [[Value]] = []
        for (paragraph, id) in zip(paragraphs, ids) where Publication.mayPublish(paragraph) {
            for (kind, text) in searchTexts(paragraph) {
                let body = TextNormalizer.line(Publication.redacted(text))
                rows.append([id, kind.rawValue, searchAnalyzer.termTexts(body).joined(separator: " "), body])
            }
        }
        try await db.insertRows("search_documents", columns: ["paragraph_id", "kind", "terms", "body"], rows: rows)
    }

    /// SQLite: hands the transaction's new index rows to FTS5 in one statement, before commit.
    static func catchUpSearchIndex(_ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO search_terms (rowid, terms) SELECT id, terms FROM search_documents
            WHERE id > (SELECT indexed_up_to FROM search_index_state)
            """).run()
        try await db.raw("""
            UPDATE search_index_state SET indexed_up_to = max(indexed_up_to, (SELECT coalesce(max(id), 0) FROM search_documents))
            """).run()
    }

    /// At most this many matches are weighed, counted and faceted, the most recently indexed first:
    /// ranking and counting every match of a common word in a million paragraphs takes far too
    /// long, and nobody reads past the first pages. Beyond it the page says "more than".
    public static let searchCandidates = 1000

    public func search(_ query: SearchQuery) async throws -> SearchResults {
        let expression = SearchExpression.parse(query.text, analyzer: Self.searchAnalyzer)
        guard expression.hasRequiredTerms else { return SearchResults(hits: [], total: 0) }
        let limit = max(1, min(query.limit, 100)), offset = max(0, query.offset)
        let kind = backend.kind
        let (from, score) = Self.searchSource(expression, kind)
        // SQLite reads FTS5's matches in rowid order and stops at the bound; PostgreSQL sorts the ids.
        let newest = kind == .sqlite ? "t.rowid DESC" : "s.id DESC"
        let conditions = [Self.match(expression, kind)] + Self.phraseConditions(expression, kind) + Self.conditions(query.filters)
        // The candidates: matching rows that pass every filter, newest first, bounded.
        let candidates: SQLQueryString = """
            WITH hits AS (SELECT s.id, s.paragraph_id, s.kind, s.body, \(unsafeRaw: score) AS score, p.committee_id, m.year, m.date,
                c.name AS committee, mu.name AS municipality
            """ + from + """
             JOIN paragraphs p ON p.id = s.paragraph_id JOIN meetings m ON m.id = p.meeting_id
             JOIN committees c ON c.id = p.committee_id JOIN municipalities mu ON mu.id = c.municipality_id
            """ + " WHERE " + conditions.joined(separator: " AND ") + """
             ORDER BY \(unsafeRaw: newest) LIMIT \(literal: Self.searchCandidates + 1)),
            weighed AS (SELECT * FROM hits ORDER BY id DESC LIMIT \(literal: Self.searchCandidates))
            """
        let page: SQLQueryString = candidates + """
            SELECT h.paragraph_id, h.kind, h.body, p.meeting_id, p.title, h.date, h.year, p.number, h.committee, h.municipality
            FROM weighed h JOIN paragraphs p ON p.id = h.paragraph_id
            ORDER BY h.score, h.date DESC, h.paragraph_id, h.kind LIMIT \(literal: limit) OFFSET \(literal: offset)
            """
        // One grouped count gives the total and every facet.
        let counts: SQLQueryString = candidates + """
            SELECT kind, committee_id, committee, municipality, year, count(*) AS n, (SELECT count(*) FROM hits) AS available
            FROM weighed GROUP BY kind, committee_id, committee, municipality, year
            """
        let (rows, groups) = try await read { db in (try await db.raw(page).all(), try await db.raw(counts).all()) }

        var facets = SearchFacets()
        var committees: [CommitteeID: SearchFacets.Committee] = [:]
        var years: [Int: Int] = [:]
        var total = 0, available = 0
        for group in groups {
            available = try group.int("available")
            let n = try group.int("n")
            total += n
            if let kind = SearchKind(rawValue: try group.string("kind")) { facets.kinds[kind, default: 0] += n }
            let id = CommitteeID(try group.id("committee_id"))
            let name = try group.string("committee"), municipality = try group.string("municipality")
            committees[id, default: .init(id: id, name: name, municipality: municipality, count: 0)].count += n
            years[try group.int("year"), default: 0] += n
        }
        facets.committees = committees.values.sorted { ($0.count, $1.name) > ($1.count, $0.name) }
        facets.years = years.sorted { $0.key > $1.key }.map { (year: $0.key, count: $0.value) }
        let hits = try rows.map { row in
            SearchHit(paragraphID: ParagraphID(try row.id("paragraph_id")), meetingID: MeetingID(try row.id("meeting_id")),
                      number: try row.int("number"), kind: SearchKind(rawValue: try row.string("kind")) ?? .decision,
                      title: Publication.redacted(try row.string("title")), body: Publication.redacted(try row.string("body")),
                      committee: try row.string("committee"), municipality: try row.string("municipality"),
                      meeting: try row.optionalDate("date").map(MeetingDating.on) ?? .undated(year: try row.int("year")))
        }
        // One more than the bound was read: its presence says there are more.
        return SearchResults(hits: hits, total: total, facets: facets, moreThanTotal: available > total)
    }

    /// For benchmarks, SQLite only: the bare FTS5 query for the same expression (its 20 best
    /// rowids), the floor under `search`, which also joins, filters, reads and counts facets.
    public func referenceSearch(_ text: String) async throws -> Int {
        let expression = SearchExpression.parse(text, analyzer: Self.searchAnalyzer)
        guard expression.hasRequiredTerms, backend.kind == .sqlite else { return 0 }
        let match = Self.match(expression, .sqlite)
        return try await read { db in
            try await db.raw("SELECT rowid FROM search_terms WHERE " + match + " ORDER BY rank LIMIT 20").all().count
        }
    }

    /// The index rows that match, and the score that orders them (lower first).
    private static func searchSource(_ expression: SearchExpression, _ kind: BackendKind) -> (SQLQueryString, String) {
        switch kind {
        case .sqlite:
            return (" FROM search_terms t JOIN search_documents s ON s.id = t.rowid", "bm25(search_terms)")
        case .postgres:
            let query = tsquery(expression)
            return (" FROM search_documents s CROSS JOIN CAST(\(bind: query) AS tsquery) q", "-ts_rank(s.terms_vector, q)")
        }
    }

    /// The full-text condition. Terms hold no quotes: the analyzer keeps letters, digits and § - / . only.
    private static func match(_ expression: SearchExpression, _ kind: BackendKind) -> SQLQueryString {
        switch kind {
        case .sqlite:
            // FTS5: AND binds tighter than OR; NOT takes what is left of it.
            func atom(_ a: SearchExpression.Atom) -> String { "(" + a.terms.map { "\"\($0)\"" }.joined(separator: " AND ") + ")" }
            func clause(_ c: SearchExpression.Clause) -> String { "(" + c.alternatives.map(atom).joined(separator: " OR ") + ")" }
            var text = expression.clauses.filter { !$0.negated }.map(clause).joined(separator: " AND ")
            // An excluded phrase is checked against the text, not its terms: its words alone may well be there.
            for c in expression.clauses where c.negated && c.alternatives.allSatisfy({ $0.phrase == nil }) {
                text += " NOT " + clause(c)
            }
            return "search_terms MATCH \(bind: text)"
        case .postgres:
            return "s.terms_vector @@ q"
        }
    }

    private static func tsquery(_ expression: SearchExpression) -> String {
        func atom(_ a: SearchExpression.Atom) -> String { "(" + a.terms.map { "'\($0)'" }.joined(separator: " & ") + ")" }
        func clause(_ c: SearchExpression.Clause) -> String { "(" + c.alternatives.map(atom).joined(separator: " | ") + ")" }
        var parts = expression.clauses.filter { !$0.negated }.map(clause)
        for c in expression.clauses where c.negated && c.alternatives.allSatisfy({ $0.phrase == nil }) {
            parts.append("!" + clause(c))
        }
        return parts.joined(separator: " & ")
    }

    /// Exact phrases, found in the kept text folded as the query's phrase is.
    private static func phraseConditions(_ expression: SearchExpression, _ kind: BackendKind) -> [SQLQueryString] {
        let folded: SQLQueryString = kind == .sqlite ? "paragraf_lower(s.body)" : "lower(s.body)"
        return expression.clauses.flatMap { clause in
            clause.alternatives.compactMap(\.phrase).map { phrase -> SQLQueryString in
                let position: SQLQueryString = kind == .sqlite ? "instr(\(folded), \(bind: phrase))" : "strpos(\(folded), \(bind: phrase))"
                return clause.negated ? position + " = 0" : position + " > 0"
            }
        }
    }

    private static func conditions(_ filters: SearchFilters) -> [SQLQueryString] {
        var out: [SQLQueryString] = []
        if let municipality = filters.municipality { out.append("mu.name = \(bind: municipality)") }
        if let committee = filters.committee { out.append("p.committee_id = \(bind: committee.rawValue)") }
        if let from = filters.from { out.append("m.date >= \(bind: from.iso)") }
        if let through = filters.through { out.append("m.date <= \(bind: through.iso)") }
        if !filters.kinds.isEmpty { out.append("s.kind IN (\(binds: filters.kinds.sorted().map(\.rawValue)))") }
        if let dnr = filters.diaryNumber { out.append("p.diary_number = \(bind: dnr.description)") }
        if let code = filters.classification {
            out.append("(p.classification = \(bind: code) OR p.classification LIKE \(bind: code + ".%"))")
        }
        return out
    }
}
