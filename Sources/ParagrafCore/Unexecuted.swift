import Foundation

/// The quarterly report of favourable decisions not carried out within three months of the
/// decision (SoL 16 kap. 6 f §, LSS 28 f §): read from the case system's list of decisions, and
/// kept as counts only, since the names and dates of single decisions are not for the record.
public enum UnexecutedDecisions {
    public struct Entry: Hashable, Sendable {
        public var line: Int
        public var decided: LocalDate
        public var service: String
        public var gender: String?
        /// When it was carried out, if it has been.
        public var executed: LocalDate?
        /// When a decision being carried out was interrupted, if it is.
        public var interrupted: LocalDate?
    }

    static let names: [String: [String]] = [
        "decided": ["beslutsdatum", "datum för beslut", "beslut"],
        "service": ["insats", "bistånd", "typ av insats"],
        "gender": ["kön"],
        "executed": ["verkställt", "verkställd", "verkställighetsdatum"],
        "interrupted": ["avbrott", "avbrott från", "avbrutet"],
    ]

    public static func read(_ text: String) -> Result<[Entry], SwedishCSV.Problems> {
        guard let (header, rows) = SwedishCSV.lines(text) else { return .failure(.init(list: [.init(line: 1, message: "filen är tom")])) }
        var column: [String: Int] = [:]
        for (i, cell) in header.cells.enumerated() {
            if let key = names.first(where: { $0.value.contains(cell.lowercased()) })?.key, column[key] == nil { column[key] = i }
        }
        let missing = [("decided", "Beslutsdatum"), ("service", "Insats")].filter { column[$0.0] == nil }.map { "”\($0.1)”" }
        guard missing.isEmpty else {
            return .failure(.init(list: [.init(line: header.number, message: "kolumn saknas: \(missing.joined(separator: ", "))")]))
        }
        var problems: [SwedishCSV.Problem] = []
        var entries: [Entry] = []
        for row in rows {
            func cell(_ key: String) -> String? {
                guard let i = column[key], i < row.cells.count, !row.cells[i].isEmpty else { return nil }
                return row.cells[i]
            }
            func date(_ key: String, _ label: String) -> LocalDate?? {
                guard let text = cell(key) else { return .some(nil) }
                guard let day = LocalDate(iso: text) else {
                    problems.append(.init(line: row.number, message: "\(label) ”\(text)” ska skrivas ÅÅÅÅ-MM-DD"))
                    return nil
                }
                return .some(day)
            }
            guard let decided = date("decided", "beslutsdatumet"), let decided else {
                if cell("decided") == nil { problems.append(.init(line: row.number, message: "beslutsdatum saknas")) }
                continue
            }
            guard let service = cell("service") else {
                problems.append(.init(line: row.number, message: "insats saknas"))
                continue
            }
            guard let executed = date("executed", "verkställighetsdatumet"), let interrupted = date("interrupted", "avbrottsdatumet") else { continue }
            entries.append(Entry(line: row.number, decided: decided, service: service, gender: cell("gender"), executed: executed,
                                 interrupted: interrupted))
        }
        guard problems.isEmpty else { return .failure(.init(list: problems)) }
        return .success(entries)
    }

    /// The day three months after `day` (the same day of the month, or the month's last).
    static func threeMonths(after day: LocalDate) -> LocalDate {
        let month = day.month + 3
        let (year, m) = month > 12 ? (day.year + 1, month - 12) : (day.year, month)
        return LocalDate(year: year, month: m, day: min(day.day, LocalDate.daysInMonth(year: year, month: m)))!
    }

    /// Whether a decision belongs in the report per `reportDate`: not carried out (or interrupted
    /// and not resumed) for more than three months on that day.
    public static func isReportable(_ e: Entry, on reportDate: LocalDate) -> Bool {
        if let interrupted = e.interrupted { return threeMonths(after: interrupted) < reportDate }
        if let executed = e.executed, !(reportDate < executed) { return false }
        return threeMonths(after: e.decided) < reportDate
    }

    /// The report's table: per service, how many, by gender, and how long the longest has waited.
    public static func table(_ entries: [Entry], reportDate: LocalDate) -> ReportTable {
        let reportable = entries.filter { isReportable($0, on: reportDate) }
        var services: [String] = []
        for e in reportable where !services.contains(e.service) { services.append(e.service) }
        func row(_ label: String, _ list: [Entry], line: Int) -> ReportTable.Row {
            let women = list.filter { ($0.gender ?? "").lowercased().hasPrefix("k") }.count
            let men = list.filter { ($0.gender ?? "").lowercased().hasPrefix("m") }.count
            let longest = list.map { ($0.interrupted ?? $0.decided).days(until: reportDate) }.max() ?? 0
            return ReportTable.Row(group: nil, label: label, values: [list.count, women, men, longest].map { Decimal($0) }, line: line)
        }
        var rows = services.enumerated().map { i, s in row(s, reportable.filter { $0.service == s }, line: i + 2) }
        rows.append(row("Summa", reportable, line: services.count + 2))
        return ReportTable(title: "Ej verkställda beslut per \(reportDate.iso)", columns: ["Antal", "Kvinnor", "Män", "Längsta väntan (dagar)"],
                           rows: rows, unit: "antal")
    }
}
