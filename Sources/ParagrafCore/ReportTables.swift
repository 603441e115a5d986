import Foundation

/// A table of a periodic report (budget follow-up, tertial or monthly report): columns such as
/// `Budget 2023` or `Utfall jan-aug 2023`, rows of amounts in tkr, optionally in groups (one per
/// activity, with its `Intäkt`, `Kostnad` and `Nettokostnad`).
public struct ReportTable: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var group: String?
        public var label: String
        public var values: [Decimal]
        /// The line of the file it came from, for messages.
        public var line: Int

        public init(group: String?, label: String, values: [Decimal], line: Int) {
            self.group = group
            self.label = label
            self.values = values
            self.line = line
        }
    }

    public var title: String
    public var columns: [String]
    public var rows: [Row]
    /// What the numbers count, when not tkr (`antal`).
    public var unit: String?

    public init(title: String, columns: [String], rows: [Row], unit: String? = nil) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.unit = unit
    }

    /// The value of a row (in a group, when given) in a column.
    public func value(_ label: String, group: String? = nil, column: String) -> Decimal? {
        guard let c = columns.firstIndex(where: { Self.columnKey($0) == Self.columnKey(column) }),
              let row = rows.first(where: { Self.same($0.label, label) && (group == nil || $0.group.map { Self.same($0, group!) } == true) }) else {
            return nil
        }
        return row.values[c]
    }

    public var groups: [String] {
        var seen = Set<String>()
        return rows.compactMap(\.group).filter { seen.insert($0).inserted }
    }

    static func same(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }

    /// Column names as tables spell them differently: `Utfall jan- aug 2023` is `Utfall jan-aug 2023`.
    public static func columnKey(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "- ", with: "-").replacingOccurrences(of: " -", with: "-")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Reads a report table from CSV as exported from a spreadsheet in Sweden: `;` (or tab) between
/// cells, the first line naming the columns, a line with a label and no amounts starting a group.
/// Every problem is reported with its line; a table with any problem is not returned.
public enum ReportTableCSV {
    public typealias Problem = SwedishCSV.Problem
    public typealias Problems = SwedishCSV.Problems

    public static func read(_ text: String, title: String) -> Result<ReportTable, Problems> {
        guard let (headerLine, lines) = SwedishCSV.lines(text) else {
            return .failure(Problems(list: [Problem(line: 1, message: "filen är tom")]))
        }
        let header = headerLine.cells
        let columns = Array(header.dropFirst())
        var problems: [Problem] = []
        if columns.isEmpty || columns.contains(where: \.isEmpty) {
            problems.append(Problem(line: headerLine.number, message: "första raden ska namnge varje kolumn (t.ex. Tkr;Budget 2023;Utfall jan-aug 2023)"))
        }
        var rows: [ReportTable.Row] = []
        var group: String?
        for line in lines {
            let number = line.number
            var fields = line.cells
            while fields.count > columns.count + 1, fields.last?.isEmpty == true { fields.removeLast() }
            let label = fields.first ?? ""
            let amounts = Array(fields.dropFirst())
            if amounts.allSatisfy(\.isEmpty) {
                group = label
                continue
            }
            guard amounts.count == columns.count else {
                problems.append(Problem(line: number, message: "\(amounts.count) värden, men rubriken har \(columns.count) kolumner"))
                continue
            }
            var values: [Decimal] = []
            for (column, text) in zip(columns, amounts) {
                do {
                    values.append(try SwedishNumber.parse(text))
                } catch {
                    problems.append(Problem(line: number, message: "kolumnen ”\(column)”: \(error.description)"))
                }
            }
            if values.count == columns.count { rows.append(.init(group: group, label: label, values: values, line: number)) }
        }
        guard problems.isEmpty else { return .failure(Problems(list: problems)) }
        // The corner cell names the unit: empty or `Tkr` for amounts, `Antal` or `%` for measures.
        let corner = header.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return .success(ReportTable(title: title, columns: columns, rows: rows, unit: ["", "tkr", "tkr."].contains(corner) ? nil : corner))
    }
}

/// Sums that a report's tables must agree on. A difference of 1 tkr is rounding and passes.
public enum ReportChecks {
    public static let rounding: Decimal = 1

    /// In each group with `Intäkt`, `Kostnad` and `Nettokostnad`: net = income + cost. And a group
    /// named `Totalt` (or `Summa`) must be the sum of the others, row by row.
    public static func problems(_ table: ReportTable) -> [String] {
        var out: [String] = []
        for group in table.groups {
            for column in table.columns {
                if let income = table.value("Intäkt", group: group, column: column), let cost = table.value("Kostnad", group: group, column: column),
                   let net = table.value("Nettokostnad", group: group, column: column), abs(income + cost - net) > rounding {
                    out.append("\(table.title), \(group), \(column): intäkt \(format(income)) och kostnad \(format(cost)) ger \(format(income + cost)), men nettokostnaden anges till \(format(net)) tkr.")
                }
            }
        }
        if let total = totalGroup(table) {
            let parts = table.groups.filter { $0 != total }
            for row in table.rows where row.group == total {
                for (c, column) in table.columns.enumerated() {
                    let sum = parts.compactMap { table.value(row.label, group: $0, column: column) }.reduce(0, +)
                    if abs(sum - row.values[c]) > rounding {
                        out.append("\(table.title), \(total), \(row.label), \(column): verksamheterna summerar till \(format(sum)), men totalen anges till \(format(row.values[c])) tkr.")
                    }
                }
            }
        }
        return out
    }

    /// One row of one table against one row of another, column by column where both have the column.
    public static func compare(_ a: ReportTable, row: String, group: String? = nil, against b: ReportTable, otherRow other: String,
                               otherGroup: String? = nil) -> [String] {
        a.columns.compactMap { column in
            guard let x = a.value(row, group: group, column: column), let y = b.value(other, group: otherGroup, column: column), abs(x - y) > rounding else {
                return nil
            }
            return "\(column): ”\(row)” i \(a.title) är \(format(x)) tkr, men ”\(other)” i \(b.title) är \(format(y)) tkr."
        }
    }

    /// The group that totals the others (`Totalt`, `Summa`), if the table has one.
    public static func totalGroup(_ table: ReportTable) -> String? {
        table.groups.first { ["totalt", "summa", "summa totalt"].contains($0.lowercased()) }
    }

    /// `Nettokostnad`, `Nettokostnader`, `Summa nettokostnad`.
    public static func isNetCost(_ label: String) -> Bool {
        let l = label.lowercased()
        return l == "nettokostnad" || l == "nettokostnader" || l == "summa nettokostnad" || l == "summa nettokostnader"
    }

    /// `-168 763`, as Swedish reports print it.
    public static func format(_ value: Decimal) -> String {
        let number = NSDecimalNumber(decimal: value).int64Value
        let digits = String(abs(number))
        var grouped = ""
        for (i, ch) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(" ") }
            grouped.append(ch)
        }
        return (number < 0 ? "-" : "") + String(grouped.reversed())
    }
}

/// A committee's budget follow-up or monthly/tertial report: its tables, and the paragraph that
/// approves it once there is one.
public struct PeriodicReport: Hashable, Sendable, Codable {
    public var id: PeriodicReportID?
    public var committeeID: CommitteeID
    /// `Budgetuppföljning efter augusti 2023, tertial 2`.
    public var title: String
    /// The period it covers, as the committee writes it (`tertial 2 2023`, `september 2024`).
    public var period: String
    public var tables: [ReportTable]
    /// The meeting and § that approve it (the report is its bilaga).
    public var meetingID: MeetingID?
    public var paragraphNumber: Int?

    public init(id: PeriodicReportID? = nil, committeeID: CommitteeID, title: String, period: String, tables: [ReportTable],
                meetingID: MeetingID? = nil, paragraphNumber: Int? = nil) {
        self.id = id
        self.committeeID = committeeID
        self.title = title
        self.period = period
        self.tables = tables
        self.meetingID = meetingID
        self.paragraphNumber = paragraphNumber
    }

    /// What a check of sums finds: within each table, and between a table's total net cost and
    /// another's (a summary's `Nettokostnader` against the activities' `Totalt`).
    public var sumProblems: [String] {
        var found = tables.flatMap(ReportChecks.problems)
        for x in tables {
            guard let xRow = x.rows.first(where: { $0.group == nil && ReportChecks.isNetCost($0.label) }) else { continue }
            for y in tables where y != x {
                guard let total = ReportChecks.totalGroup(y),
                      let yRow = y.rows.first(where: { $0.group == total && ReportChecks.isNetCost($0.label) }) else { continue }
                found += ReportChecks.compare(x, row: xRow.label, against: y, otherRow: yRow.label, otherGroup: total)
            }
        }
        return found
    }
}
