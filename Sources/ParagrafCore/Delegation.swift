/// One point of a delegationsordning: a kind of matter, who may decide it, whether they may pass
/// it on (vidaredelegation) and whether the decision must be reported to the committee.
public struct DelegationPoint: Hashable, Sendable, Codable {
    /// The point's number in the order (`3.2`).
    public var code: String
    public var matter: String
    public var delegate: String
    public var subDelegation: Bool
    public var reportingRequired: Bool

    public init(code: String, matter: String, delegate: String, subDelegation: Bool = false, reportingRequired: Bool = true) {
        self.code = code
        self.matter = matter
        self.delegate = delegate
        self.subDelegation = subDelegation
        self.reportingRequired = reportingRequired
    }
}

/// A version of a committee's delegationsordning, adopted by a paragraph. It is in force from
/// `validFrom` until the day before the next version starts, and never after `validTo`.
public struct DelegationOrder: Hashable, Sendable, Codable {
    public var id: DelegationOrderID?
    public var committeeID: CommitteeID
    /// 1, 2, … in the order the committee adopted them.
    public var version: Int
    /// The adopting decision as cited (`2024-04-16 § 41`).
    public var adoptedBy: String
    public var validFrom: LocalDate
    public var validTo: LocalDate?
    public var points: [DelegationPoint]

    public init(id: DelegationOrderID? = nil, committeeID: CommitteeID, version: Int, adoptedBy: String, validFrom: LocalDate,
                validTo: LocalDate? = nil, points: [DelegationPoint]) {
        self.id = id
        self.committeeID = committeeID
        self.version = version
        self.adoptedBy = adoptedBy
        self.validFrom = validFrom
        self.validTo = validTo
        self.points = points
    }

    /// Problems that keep a new version from being adopted, in Swedish.
    public func problems(after earlier: [DelegationOrder]) -> [String] {
        var found: [String] = []
        if points.isEmpty { found.append("Delegationsordningen har inga punkter.") }
        var seen = Set<String>()
        for p in points {
            if p.code.isEmpty || p.matter.isEmpty || p.delegate.isEmpty {
                found.append("Punkt \(p.code.isEmpty ? "utan nummer" : p.code) saknar nummer, ärendetyp eller delegat.")
            }
            if !seen.insert(p.code).inserted { found.append("Punkt \(p.code) förekommer två gånger.") }
        }
        if let validTo, validTo < validFrom {
            found.append("Delegationsordningen gäller till \(validTo.iso), före sin första dag \(validFrom.iso).")
        }
        if let latest = earlier.max(by: { $0.validFrom < $1.validFrom }), validFrom <= latest.validFrom {
            found.append("En ny version måste gälla från en senare dag än version \(latest.version) (från \(latest.validFrom.iso)).")
        }
        return found
    }
}

/// Which version of the delegation order a delegated decision rests on.
public enum DelegationCheck {
    /// The version in force on `day`, of those given.
    public static func order(on day: LocalDate, among orders: [DelegationOrder]) -> DelegationOrder? {
        let sorted = orders.sorted { $0.validFrom < $1.validFrom }
        guard let index = sorted.lastIndex(where: { $0.validFrom <= day }) else { return nil }
        let order = sorted[index]
        if let end = order.validTo, day > end { return nil }
        return order
    }

    /// The cited point as it stood on the decision's day, or why the decision cannot rest on it.
    public static func point(_ code: String, on day: LocalDate, among orders: [DelegationOrder]) -> Result<DelegationPoint, DelegationRefusal> {
        guard let order = order(on: day, among: orders) else {
            return .failure(DelegationRefusal(message: "Ingen delegationsordning gällde \(day.iso)."))
        }
        guard let point = order.points.first(where: { $0.code == code }) else {
            return .failure(DelegationRefusal(
                message: "Punkt \(code) finns inte i delegationsordningen som gällde \(day.iso) (version \(order.version), \(order.adoptedBy))."))
        }
        return .success(point)
    }
}

public struct DelegationRefusal: Error, Hashable, Sendable {
    public var message: String
}

/// Delegated decisions or anmälningsärenden exported from another system as CSV, one per line.
/// Columns are found by their Swedish names in any order; `Datum` and `Beslut`/`Rubrik` are
/// needed for both, `Delegationspunkt` and `Beslutsfattare` for delegated decisions.
public enum ReportedMatterCSV {
    public struct Entry: Hashable, Sendable {
        public var line: Int
        public var date: LocalDate
        public var title: String
        /// Delegated decisions: who decided; notifications: the sender.
        public var party: String?
        public var point: String?
        public var diaryNumber: DiaryNumber?
        /// What identifies the entry across imports: the source system's id, else its content.
        public var key: String
    }

    static let names: [String: [String]] = [
        "date": ["datum", "beslutsdatum", "inkom", "inkommen", "ankomstdatum"],
        "title": ["beslut", "rubrik", "ärende", "ärendemening", "beslutsmening"],
        "party": ["beslutsfattare", "delegat", "avsändare", "fattat av"],
        "point": ["delegationspunkt", "punkt", "lagrum i delegationsordningen"],
        "dnr": ["diarienummer", "dnr"],
        "id": ["id", "beslutsnummer", "löpnummer"],
    ]

    public static func read(_ text: String, kind: AgendaItemKind) -> Result<[Entry], SwedishCSV.Problems> {
        guard let (header, rows) = SwedishCSV.lines(text) else {
            return .failure(.init(list: [.init(line: 1, message: "filen är tom")]))
        }
        var column: [String: Int] = [:]
        for (i, cell) in header.cells.enumerated() {
            let name = cell.lowercased()
            if let key = names.first(where: { $0.value.contains(name) })?.key, column[key] == nil { column[key] = i }
        }
        var required = [("date", "Datum"), ("title", "Beslut")]
        if kind == .delegatedDecisions { required += [("point", "Delegationspunkt"), ("party", "Beslutsfattare")] }
        let missing = required.filter { column[$0.0] == nil }.map { "”\($0.1)”" }
        if !missing.isEmpty {
            return .failure(.init(list: [.init(line: header.number, message: "kolumn saknas: \(missing.joined(separator: ", ")); rubrikraden har \(header.cells.map { "”\($0)”" }.joined(separator: ", "))")]))
        }
        var entries: [Entry] = []
        var problems: [SwedishCSV.Problem] = []
        var seen: [String: Int] = [:]
        for row in rows {
            func cell(_ key: String) -> String? {
                guard let i = column[key], i < row.cells.count, !row.cells[i].isEmpty else { return nil }
                return row.cells[i]
            }
            var lineProblems: [String] = []
            let date = cell("date").flatMap(LocalDate.init(iso:))
            if date == nil { lineProblems.append("datumet ”\(cell("date") ?? "")” ska skrivas ÅÅÅÅ-MM-DD") }
            let title = cell("title")
            if title == nil { lineProblems.append("beslutet saknar rubrik") }
            if kind == .delegatedDecisions {
                if cell("point") == nil { lineProblems.append("delegationspunkt saknas") }
                if cell("party") == nil { lineProblems.append("beslutsfattare saknas") }
            }
            var dnr: DiaryNumber? = nil
            if let text = cell("dnr") {
                if case .success(let d) = DiaryNumber.parse(text) { dnr = d } else { lineProblems.append("diarienumret ”\(text)” går inte att läsa") }
            }
            guard lineProblems.isEmpty, let date, let title else {
                problems += lineProblems.map { .init(line: row.number, message: $0) }
                continue
            }
            let key = cell("id").map { "id:" + $0 }
                ?? [date.iso, cell("point") ?? "", title.lowercased(), dnr?.caseNumber.description ?? ""].joined(separator: "|")
            if let first = seen[key] {
                problems.append(.init(line: row.number, message: "samma beslut som rad \(first)"))
                continue
            }
            seen[key] = row.number
            entries.append(Entry(line: row.number, date: date, title: title, party: cell("party"), point: cell("point"),
                                 diaryNumber: dnr, key: key))
        }
        guard problems.isEmpty else { return .failure(.init(list: problems)) }
        return .success(entries)
    }
}
