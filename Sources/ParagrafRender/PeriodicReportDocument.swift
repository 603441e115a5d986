import Foundation
import ParagrafCore

/// A periodic report (budget follow-up, monthly or tertial report) as the committee reads it: each
/// table with a chart, and what the check of sums found. One model for the HTML page and the PDF/A.
public struct PeriodicReportDocument: Page {
    public static let template = "rapport"
    public var title: String
    public var committee: String
    public var period: String
    public var paragraph: String?
    public var paragraphURL: String?
    public var pdfURL: String?
    public var tables: [Table]
    public var problems: [String]
    public var hasProblems: Bool
    /// Whether every table is in tkr (a report of counts says so in its tables instead).
    public var inTkr = true

    public struct Table: Sendable {
        public var title: String
        public var unit: String
        /// The corner cell: `Tkr`, `Antal`.
        public var unitHeading: String
        public var columns: [String]
        public var groups: [Group]
        public var chart: String?
        public var chartTitle: String
    }

    public struct Group: Sendable {
        public var name: String?
        public var rows: [Row]
    }

    public struct Row: Sendable {
        public var label: String
        public var cells: [String]
        /// Sums (`Summa …`, `Nettokostnad`, `Resultat …`) in bold.
        public var strong: Bool
    }

    public init(report: PeriodicReport, committee: String, paragraphURL: String? = nil, pdfURL: String? = nil) {
        title = report.title
        self.committee = committee
        period = report.period
        paragraph = report.paragraphNumber.map { "§ \($0)" }
        self.paragraphURL = paragraphURL
        self.pdfURL = pdfURL
        tables = report.tables.enumerated().map { index, table in
            var groups: [Group] = []
            for row in table.rows {
                let cells = row.values.map(ReportChecks.format)
                let label = row.label.lowercased()
                let shown = Row(label: row.label, cells: cells,
                                strong: label.hasPrefix("summa") || ReportChecks.isNetCost(row.label) || label.hasPrefix("resultat"))
                if groups.last.map({ $0.name == row.group }) == true {
                    groups[groups.count - 1].rows.append(shown)
                } else {
                    groups.append(Group(name: row.group, rows: [shown]))
                }
            }
            let chart = ReportChart(table: table)
            let unit = table.unit ?? "tkr"
            return Table(title: table.title, unit: unit, unitHeading: unit.prefix(1).uppercased() + unit.dropFirst(), columns: table.columns, groups: groups,
                         chart: chart.map { $0.svg(id: "diagram-\(index + 1)") }, chartTitle: chart?.title ?? "")
        }
        problems = report.sumProblems
        hasProblems = !problems.isEmpty
        inTkr = report.tables.allSatisfy { $0.unit == nil }
    }

    /// The PDF/A source, with the charts as files beside it (`diagram-N.svg`).
    public var typst: (source: String, files: [String: [UInt8]]) {
        // Landscape: a report's tables run to seven columns of amounts.
        var out = Typst.preamble(title: title, author: committee) + "#set page(flipped: true)\n#show table: set text(size: 9pt)\n\n"
        var files: [String: [UInt8]] = [:]
        out += "#text(size: 9pt)[\(Typst.text(committee))\(paragraph.map { " · bilaga till \(Typst.text($0))" } ?? "")]\n\n"
        out += "= \(Typst.text(title))\n\n\(Typst.text("Period: \(period).\(inTkr ? " Belopp i tkr." : "")"))\n\n"
        for (index, table) in tables.enumerated() {
            out += "== \(Typst.text(table.title))\n\n"
            let count = table.columns.count + 1
            out += "#table(columns: (3fr,\(String(repeating: " 1fr,", count: count - 1))), align: (left,\(String(repeating: " right,", count: count - 1))), stroke: 0.4pt,\n"
            out += "  table.header([*\(Typst.text(table.unitHeading))*], " + table.columns.map { "[*\(Typst.text($0))*]" }.joined(separator: ", ") + "),\n"
            for group in table.groups {
                if let name = group.name { out += "  table.cell(colspan: \(count))[_\(Typst.text(name))_],\n" }
                for row in group.rows {
                    let cells = ([row.label] + row.cells).map { row.strong ? "[*\(Typst.text($0))*]" : "[\(Typst.text($0))]" }
                    out += "  " + cells.joined(separator: ", ") + ",\n"
                }
            }
            out += ")\n\n"
            if let svg = table.chart {
                let file = "diagram-\(index + 1).svg"
                files[file] = Array(svg.utf8)
                out += "#figure(image(\(Typst.literal(file)), width: 100%, alt: \(Typst.literal(table.chartTitle))), caption: \(Typst.text(table.chartTitle).dropFirst()))\n\n"
            }
        }
        if hasProblems {
            out += "== \(Typst.text("Kontroll av summor"))\n\n" + problems.map { "- \(Typst.text($0))\n" }.joined() + "\n"
        }
        return (out, files)
    }
}

/// A grouped bar chart of a report table in SVG that reads without colour: each series has its own
/// fill (solid, hatched, outlined), every bar carries its value, and the SVG has a title and a
/// description for screen readers.
public struct ReportChart: Sendable {
    public var title: String
    var categories: [(label: String, values: [Decimal])]
    var series: [String]

    /// Nil when the table has nothing to chart. Columns: up to three budget, outcome or forecast
    /// columns (the latest); categories: each activity's net cost, or a table's sums.
    public init?(table: ReportTable) {
        let wanted = table.columns.enumerated().filter { _, name in
            let n = name.lowercased()
            return (n.hasPrefix("budget") || n.hasPrefix("utfall") || n.hasPrefix("prognos")) && !n.contains("avvikelse")
        }.suffix(3)
        guard !wanted.isEmpty else { return nil }
        let total = ReportChecks.totalGroup(table)
        var chosen: [ReportTable.Row]
        if !table.groups.isEmpty {
            chosen = table.groups.filter { $0 != total }.compactMap { group in
                table.rows.first { $0.group == group && ReportChecks.isNetCost($0.label) } ?? table.rows.last { $0.group == group }
            }
        } else {
            chosen = table.rows.filter { $0.label.lowercased().hasPrefix("summa") || ReportChecks.isNetCost($0.label) }
            if chosen.isEmpty { chosen = Array(table.rows.prefix(12)) }
        }
        guard !chosen.isEmpty else { return nil }
        categories = chosen.map { row in (table.groups.isEmpty ? row.label : row.group ?? row.label, wanted.map { row.values[$0.offset] }) }
        series = wanted.map(\.element)
        title = "\(table.title): " + series.joined(separator: ", ") + (table.groups.isEmpty ? "" : " (nettokostnad per verksamhet)")
    }

    public func svg(id: String) -> String {
        let width = 680.0, labelWidth = 210.0, barHeight = 13.0, gap = 12.0, top = 34.0, valueRoom = 62.0
        let values = categories.flatMap(\.values).map { NSDecimalNumber(decimal: $0).doubleValue }
        let low = min(0, values.min() ?? 0), high = max(0, values.max() ?? 0)
        let span = max(high - low, 1)
        let plot = width - labelWidth - 2 * valueRoom
        func x(_ v: Double) -> Double { labelWidth + valueRoom + (v - low) / span * plot }
        let groupHeight = Double(series.count) * barHeight + gap
        let height = top + Double(categories.count) * groupHeight + 10
        let fills = ["#222", "url(#\(id)-hatch)", "#fff"]
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" width="\(Int(width))" height="\(Int(height))" role="img" aria-labelledby="\(id)-t \(id)-d" font-family="DejaVu Sans, sans-serif" font-size="11">
            <title id="\(id)-t">\(Self.escape(title))</title>
            <desc id="\(id)-d">\(Self.escape(description))</desc>
            <defs><pattern id="\(id)-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#222" stroke-width="2"/></pattern></defs>

            """
        var legendX = labelWidth
        for (i, name) in series.enumerated() {
            out += "<rect x=\"\(legendX)\" y=\"8\" width=\"14\" height=\"12\" fill=\"\(fills[i])\" stroke=\"#222\"/>"
            out += "<text x=\"\(legendX + 19)\" y=\"18\">\(Self.escape(name))</text>\n"
            legendX += 26 + Double(name.count) * 6.2
        }
        out += "<line x1=\"\(x(0))\" y1=\"\(top - 4)\" x2=\"\(x(0))\" y2=\"\(height - 6)\" stroke=\"#222\"/>\n"
        for (c, category) in categories.enumerated() {
            let y0 = top + Double(c) * groupHeight
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(y0 + Double(series.count) * barHeight / 2 + 4)\" text-anchor=\"end\">\(Self.escape(Self.short(category.label)))</text>\n"
            for (s, value) in category.values.enumerated() {
                let v = NSDecimalNumber(decimal: value).doubleValue
                let (a, b) = (min(x(0), x(v)), max(x(0), x(v)))
                let y = y0 + Double(s) * barHeight
                out += "<rect x=\"\(a)\" y=\"\(y)\" width=\"\(max(b - a, 0.5))\" height=\"\(barHeight - 2)\" fill=\"\(fills[s])\" stroke=\"#222\" stroke-width=\"0.8\"/>"
                let labelX = v < 0 ? a - 3 : b + 3
                out += "<text x=\"\(labelX)\" y=\"\(y + barHeight - 4)\" text-anchor=\"\(v < 0 ? "end" : "start")\" font-size=\"9.5\">\(ReportChecks.format(value))</text>\n"
            }
        }
        return out + "</svg>"
    }

    var description: String {
        categories.map { category in
            category.label + ": " + zip(series, category.values).map { "\($0) \(ReportChecks.format($1)) tkr" }.joined(separator: ", ")
        }.joined(separator: "; ") + "."
    }

    static func short(_ label: String) -> String { label.count > 32 ? String(label.prefix(31)) + "…" : label }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// A committee's periodic reports, and the form that takes a new one's tables as CSV.
public struct ReportListPage: Page {
    public static let template = "rapporter"
    public var title: String
    public var bar: StaffBar
    public var formURL: String
    public var reports: [Link]
    public var hasReports: Bool
    public var meetings: [Choice]
    public var form: [String: String]
    public var problems: [String]
    public var hasProblems: Bool

    public struct Link: Sendable {
        public var title: String
        public var url: String
        public var attached: String?
    }

    public init(bar: StaffBar, committee: Committee, reports: [PeriodicReport], meetings: [Meeting], form: [String: String], problems: [String]) {
        title = "Rapporter – \(committee.name)"
        self.bar = bar
        formURL = StaffLinks.reports(committee.id!)
        self.reports = reports.reversed().map { r in
            Link(title: "\(r.title) (\(r.period))", url: StaffLinks.report(r.id!),
                 attached: r.paragraphNumber.map { "§ \($0)" })
        }
        hasReports = !self.reports.isEmpty
        self.meetings = [Choice(value: "", label: "Inget ännu", selected: (form["meeting"] ?? "").isEmpty)]
            + meetings.sorted { ($0.date ?? .init(year: 1, month: 1, day: 1)!) > ($1.date ?? .init(year: 1, month: 1, day: 1)!) }.map { m in
                Choice(value: String(m.id!.rawValue), label: SwedishFormat.meetingDate(m), selected: form["meeting"] == String(m.id!.rawValue))
            }
        self.form = form
        self.problems = problems
        hasProblems = !problems.isEmpty
    }
}
