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
                let terms = searchAnalyzer.termTexts(body)
                rows.append([id, kind.rawValue, terms.joined(separator: " "), terms.count, body])
            }
        }
        try await db.insertRows("search_documents", columns: ["paragraph_id", "kind", "terms", "length", "body"], rows: rows)
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
        // Committees and municipalities are joined for the candidates only when a filter needs them.
        let byMunicipality = query.filters.municipality != nil
        let places: SQLQueryString = byMunicipality
            ? " JOIN committees c ON c.id = p.committee_id JOIN municipalities mu ON mu.id = c.municipality_id" : ""
        // One statement: the candidates (matching rows that pass every filter, newest first,
        // bounded), then a page of them in order and their counts by kind, committee and year.
        let statement: SQLQueryString = """
            WITH hits AS (SELECT s.id, s.paragraph_id, s.kind, \(unsafeRaw: score) AS score, p.committee_id, p.meeting_id,
                p.title, p.number, m.year, m.date
            """ + from + " JOIN paragraphs p ON p.id = s.paragraph_id JOIN meetings m ON m.id = p.meeting_id" + places
            + " WHERE " + conditions.joined(separator: " AND ") + """
             ORDER BY \(unsafeRaw: newest) LIMIT \(literal: Self.searchCandidates + 1)),
            weighed AS (SELECT * FROM hits ORDER BY id DESC LIMIT \(literal: Self.searchCandidates)),
            shown AS (SELECT *, row_number() OVER (ORDER BY score, date DESC, paragraph_id, kind) AS place FROM weighed
                ORDER BY place LIMIT \(literal: limit) OFFSET \(literal: offset)),
            counted AS (SELECT kind, committee_id, year, count(*) AS n FROM weighed GROUP BY kind, committee_id, year)
            SELECT h.place, h.paragraph_id, h.kind, sd.body, h.meeting_id, h.title, h.date, h.year, h.number, c.name AS committee,
                mu.name AS municipality, h.committee_id, NULL AS n, NULL AS available
            FROM shown h JOIN search_documents sd ON sd.id = h.id JOIN committees c ON c.id = h.committee_id
                JOIN municipalities mu ON mu.id = c.municipality_id
            UNION ALL
            SELECT NULL, NULL, g.kind, NULL, NULL, NULL, NULL, g.year, NULL, c.name, mu.name, g.committee_id, g.n,
                (SELECT count(*) FROM hits)
            FROM counted g JOIN committees c ON c.id = g.committee_id JOIN municipalities mu ON mu.id = c.municipality_id
            """
        let rows = try await read { db in try await db.raw(statement).all() }
        var pageRows: [(Int, any SQLRow)] = []
        var facets = SearchFacets()
        var committees: [CommitteeID: SearchFacets.Committee] = [:]
        var years: [Int: Int] = [:]
        var total = 0, available = 0
        for row in rows {
            if let place = try row.optionalInt("place") {
                pageRows.append((place, row))
                continue
            }
            available = try row.int("available")
            let n = try row.int("n")
            total += n
            if let kind = SearchKind(rawValue: try row.string("kind")) { facets.kinds[kind, default: 0] += n }
            let id = CommitteeID(try row.id("committee_id"))
            let name = try row.string("committee"), municipality = try row.string("municipality")
            committees[id, default: .init(id: id, name: name, municipality: municipality, count: 0)].count += n
            years[try row.int("year"), default: 0] += n
        }
        facets.committees = committees.values.sorted { ($0.count, $1.name) > ($1.count, $0.name) }
        facets.years = years.sorted { $0.key > $1.key }.map { (year: $0.key, count: $0.value) }
        let hits = try pageRows.sorted { $0.0 < $1.0 }.map(\.1).map { row in
            SearchHit(paragraphID: ParagraphID(try row.id("paragraph_id")), meetingID: MeetingID(try row.id("meeting_id")),
                      number: try row.int("number"), kind: SearchKind(rawValue: try row.string("kind")) ?? .decision,
                      title: Publication.redacted(try row.string("title")), body: Publication.redacted(try row.string("body")),
                      committee: try row.string("committee"), municipality: try row.string("municipality"),
                      meeting: try row.optionalDate("date").map(MeetingDating.on) ?? .undated(year: try row.int("year")))
        }
        // One more than the bound was read: its presence says there are more.
        return SearchResults(hits: hits, total: total, facets: facets, moreThanTotal: available > total)
    }

    /// For benchmarks, SQLite only: the bare FTS5 query for the same expression. `bounded`: the
    /// candidates `search` weighs, read from FTS5 alone (the floor under `search`, which also
    /// joins, filters, orders, reads a page and counts facets); otherwise FTS5's own ranking of
    /// every match, its 20 best (what a plain FTS5 search does).
    public func referenceSearch(_ text: String, bounded: Bool) async throws -> Int {
        let expression = SearchExpression.parse(text, analyzer: Self.searchAnalyzer)
        guard expression.hasRequiredTerms, backend.kind == .sqlite else { return 0 }
        let match = Self.match(expression, .sqlite)
        let order: SQLQueryString = bounded ? " ORDER BY rowid DESC LIMIT \(literal: Self.searchCandidates + 1)" : " ORDER BY rank LIMIT 20"
        return try await read { db in
            try await db.raw("SELECT rowid FROM search_terms WHERE " + match + order).all().count
        }
    }

    /// Relevance, the same on both backends (lower first): a decision before a proposal, a
    /// reservation or a listed document, then the shorter text, where the words asked for weigh
    /// more. A row's terms are distinct, so every candidate holds each asked-for term once and
    /// BM25 would order by length alone, at some 9 µs a row (it reads each row's size).
    static let relevance = """
        CASE s.kind WHEN 'beslut' THEN 0 WHEN 'yrkande' THEN 1 WHEN 'reservation' THEN 2 ELSE 3 END * 1000000 + s.length
        """

    /// The index rows that match, and the score that orders them.
    private static func searchSource(_ expression: SearchExpression, _ kind: BackendKind) -> (SQLQueryString, String) {
        switch kind {
        case .sqlite:
            return (" FROM search_terms t JOIN search_documents s ON s.id = t.rowid", relevance)
        case .postgres:
            let query = tsquery(expression)
            return (" FROM search_documents s CROSS JOIN CAST(\(bind: query) AS tsquery) q", relevance)
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
