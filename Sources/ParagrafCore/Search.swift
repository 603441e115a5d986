/// What a search hit is: a decision, a proposal, a reservation or statement, or a listed document.
public enum SearchKind: String, CaseIterable, Hashable, Sendable, Comparable {
    case decision = "beslut"
    case proposal = "yrkande"
    case reservation = "reservation"
    case document = "handling"

    /// The name on the page, in the minutes' own words.
    public var label: String {
        switch self {
        case .decision: return "Beslut"
        case .proposal: return "Yrkande"
        case .reservation: return "Reservation eller yttrande"
        case .document: return "Handling"
        }
    }

    public static func < (a: SearchKind, b: SearchKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Narrowing a search: each filter that is set must hold.
public struct SearchFilters: Hashable, Sendable {
    public var municipality: String?
    public var committee: CommitteeID?
    /// Meeting dates, both ends included. An undated meeting falls outside any date range.
    public var from: LocalDate?
    public var through: LocalDate?
    /// Empty: every kind.
    public var kinds: Set<SearchKind>
    public var diaryNumber: DiaryNumber?
    /// A KLASSA code or its beginning (`1.2` takes in `1.2.4.1`).
    public var classification: String?

    public init(municipality: String? = nil, committee: CommitteeID? = nil, from: LocalDate? = nil, through: LocalDate? = nil,
                kinds: Set<SearchKind> = [], diaryNumber: DiaryNumber? = nil, classification: String? = nil) {
        self.municipality = municipality
        self.committee = committee
        self.from = from
        self.through = through
        self.kinds = kinds
        self.diaryNumber = diaryNumber
        self.classification = classification
    }

    public var isEmpty: Bool { self == SearchFilters() }
}

/// A search as the public asks it: the text typed (words, `"exact phrase"`, `-exclude`, `OR`),
/// filters, and which page of hits.
public struct SearchQuery: Hashable, Sendable {
    public var text: String
    public var filters: SearchFilters
    public var limit: Int
    public var offset: Int

    public init(text: String, filters: SearchFilters = SearchFilters(), limit: Int = 20, offset: Int = 0) {
        self.text = text
        self.filters = filters
        self.limit = limit
        self.offset = offset
    }
}

/// One public text that matched, with the paragraph it belongs to and where that was decided.
public struct SearchHit: Hashable, Sendable {
    public var paragraphID: ParagraphID
    public var meetingID: MeetingID
    public var number: Int
    public var kind: SearchKind
    public var title: String
    /// The matching text itself (the decision, the proposal, the reservation, the documents listed).
    public var body: String
    public var committee: String
    public var municipality: String
    public var meeting: MeetingDating

    public init(paragraphID: ParagraphID, meetingID: MeetingID, number: Int, kind: SearchKind = .decision, title: String,
                body: String, committee: String, municipality: String, meeting: MeetingDating) {
        self.paragraphID = paragraphID
        self.meetingID = meetingID
        self.number = number
        self.kind = kind
        self.title = title
        self.body = body
        self.committee = committee
        self.municipality = municipality
        self.meeting = meeting
    }
}

/// How the hits spread, counted over all of them: by kind, by committee, by year.
public struct SearchFacets: Hashable, Sendable {
    public struct Committee: Hashable, Sendable {
        public var id: CommitteeID
        public var name: String
        public var municipality: String
        public var count: Int
        public init(id: CommitteeID, name: String, municipality: String, count: Int) {
            self.id = id
            self.name = name
            self.municipality = municipality
            self.count = count
        }
    }

    public var kinds: [SearchKind: Int]
    /// Most hits first.
    public var committees: [Committee]
    /// Newest year first.
    public var years: [(year: Int, count: Int)]

    public init(kinds: [SearchKind: Int] = [:], committees: [Committee] = [], years: [(year: Int, count: Int)] = []) {
        self.kinds = kinds
        self.committees = committees
        self.years = years
    }

    public static func == (a: SearchFacets, b: SearchFacets) -> Bool {
        a.kinds == b.kinds && a.committees == b.committees && a.years.map(\.year) == b.years.map(\.year)
            && a.years.map(\.count) == b.years.map(\.count)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kinds)
        hasher.combine(committees)
        for year in years { hasher.combine(year.year); hasher.combine(year.count) }
    }
}

public struct SearchResults: Hashable, Sendable {
    public var hits: [SearchHit]
    /// All that matched, beyond this page too; when `moreThanTotal`, this many of the most
    /// recently indexed were weighed and counted, and more matched.
    public var total: Int
    public var facets: SearchFacets
    public var moreThanTotal: Bool

    public init(hits: [SearchHit], total: Int, facets: SearchFacets = SearchFacets(), moreThanTotal: Bool = false) {
        self.hits = hits
        self.total = total
        self.facets = facets
        self.moreThanTotal = moreThanTotal
    }
}
