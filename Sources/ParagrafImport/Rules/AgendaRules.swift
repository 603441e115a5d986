import Foundation
import ParagrafText
import ParagrafCore

/// A notice's agenda: numbered items under `Ärende`, `Föredragningslista` or `Dagordning`,
/// each with its diary number on the next line when it has one.
enum AgendaRules {
    static let headings: Set<String> = ["ärende", "ärenden", "föredragningslista", "dagordning", "ärendelista", "förslag till dagordning"]
    static func isHeading(_ line: Line) -> Bool {
        guard line.lower.utf8.count <= 32 else { return false }
        var t = Substring(line.lower)
        while let c = t.utf8.first, c == UInt8(ascii: ":") || c == 0x20 { t = t.dropFirst() }
        while let c = t.utf8.last, c == UInt8(ascii: ":") || c == 0x20 { t = t.dropLast() }
        return headings.contains(String(t))
    }

    static let numbered = try! NSRegularExpression(pattern: #"^(\d{1,3})[.)]?\s+(.+)$"#)

    static func items(_ lines: [Line]) -> [ImportedDocument.Item] { read(lines).items }

    /// The agenda's items, and the index of the first line after the agenda.
    static func read(_ lines: [Line]) -> (items: [ImportedDocument.Item], end: Int) {
        guard let start = lines.firstIndex(where: isHeading) else { return ([], lines.count) }
        var items: [ImportedDocument.Item] = []
        var end = lines.count
        for (offset, line) in lines[(start + 1)...].enumerated() {
            let text = line.text
            if text.isEmpty { if items.isEmpty { continue } else { end = start + 1 + offset; break } }
            let ns = text as NSString
            if let m = numbered.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
               let n = Int(ns.substring(with: m.range(at: 1))), n == (items.last?.number ?? 0) + 1 {
                var title = ns.substring(with: m.range(at: 2))
                var dnr: DiaryNumber? = nil
                // "5. Budgetuppföljning … Dnr 2023-00085 1.2.4.1" on one line.
                if let r = title.range(of: " Dnr ") {
                    dnr = ItemRules.diaryNumber(String(title[r.lowerBound...]).trimmingCharacters(in: .whitespaces), requireLabel: true)
                    title = String(title[..<r.lowerBound])
                }
                var item = ImportedDocument.Item(number: n, title: title.replacingOccurrences(of: #"\.{3,}\s*\d*$"#, with: "", options: .regularExpression))
                item.dnr = dnr?.description
                item.classification = dnr?.classification?.code
                items.append(item)
            } else if let dnr = ItemRules.diaryNumber(line, requireLabel: true), !items.isEmpty, items[items.count - 1].dnr == nil {
                items[items.count - 1].dnr = dnr.description
                items[items.count - 1].classification = dnr.classification?.code
            } else {
                end = start + 1 + offset
                break
            }
        }
        return (items, end)
    }
}
