import Foundation
import ParagrafText

/// One line of a document after normalisation, with its line number in the source.
public struct Line: Sendable, Equatable {
    public var number: Int
    public var text: String
    /// Markdown heading level (`## x` is 2), 0 for ordinary text.
    public var heading: Int

    public init(number: Int, text: String, heading: Int = 0) {
        self.number = number
        self.text = text
        self.heading = heading
    }
}

/// Normalisation rules, each small and named; applied in order by `normalise`.
extension Array where Element == UInt8 {
    /// Whether the bytes hold `needle` anywhere: a plain search, fast for short lines.
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        let first = needle[0]
        var i = 0
        let last = count - needle.count
        while i <= last {
            if self[i] == first {
                var j = 1
                while j < needle.count, self[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}

enum LineRules {
    /// Markdown: `## **§ 8**` is a heading of level 2 whose text is `§ 8`; emphasis marks go.
    static func markdown(_ line: Line) -> Line {
        var text = Substring(line.text)
        var level = 0
        while text.first == "#" { level += 1; text = text.dropFirst() }
        if level > 0, text.first != " " { level = 0; text = Substring(line.text) }
        var plain = String(text)
        if plain.utf8.contains(UInt8(ascii: "*")) { plain = plain.replacingOccurrences(of: "**", with: "") }
        // List markers "- * item" (nested bullets flattened by extraction) become "- item".
        if plain.hasPrefix("- * ") { plain = "- " + plain.dropFirst(4) }
        return Line(number: line.number, text: TextNormalizer.line(plain), heading: level)
    }

    /// Labels that extraction glued to the text before them (`2023-09-08Instans`,
    /// `Arbetslivsnämnden**Plats och tid:** …`) go onto lines of their own.
    static let gluedLabels = ["Plats och tid", "Instans", "Ledamöter", "Underskrifter", "Ordförande (", "Justerare (",
                              "Sekreterare (", "Beslutande", "Övriga deltagare", "Tjänstepersoner", "Paragrafer"]

    static let gluedLabelBytes = gluedLabels.map { Array($0.utf8) }

    static func unglue(_ raw: String) -> [String] {
        // Byte search first: almost no line holds a label, and those that do are split below.
        let bytes = Array(raw.utf8)
        guard gluedLabelBytes.contains(where: { bytes.contains(subsequence: $0) }) else { return [raw] }
        var pieces = [raw]
        for label in gluedLabels {
            pieces = pieces.flatMap { splitBefore(label, in: $0) }
        }
        return pieces
    }

    static func splitBefore(_ label: String, in text: String) -> [String] {
        var out: [String] = []
        var start = text.startIndex
        var search = text.startIndex
        while let r = text[search...].firstRange(of: label) {
            if r.lowerBound > start {
                let before = text[text.index(before: r.lowerBound)]
                // Glued only when a letter, digit or emphasis mark runs straight into the label.
                if before.isLetter || before.isNumber || before == "*" || before == ")" || before == "." {
                    var cut = r.lowerBound
                    while cut > start, text[text.index(before: cut)] == "*" { cut = text.index(before: cut) }
                    if cut > start {
                        out.append(String(text[start..<cut]))
                        start = cut
                    }
                }
            }
            search = r.upperBound
        }
        out.append(String(text[start...]))
        return out
    }

    /// Page furniture that is no part of the text: page numbers, signature boxes, classification marks.
    static let furniture: Set<String> = ["justerandes sign", "justerandes signatur", "justerare sign", "utdragsbestyrkande",
                                         "ordförandes sign", "sekreterarens sign", "signatur"]
    static let pageNumber = try! NSRegularExpression(pattern: #"^(sida\s+)?\d{1,3}\s*(\(\d{1,3}\)|av\s+\d{1,3})$"#)

    static func isFurniture(_ text: String) -> Bool {
        // Furniture is short; long lines are text and skip the checks below.
        guard !text.isEmpty, text.utf8.count <= 24 else { return false }
        let lower = text.lowercased()
        if furniture.contains(lower) { return true }
        // "Sida 3 (18)", "Sida 3 av 18", "3 (18)", "3(18)"
        guard lower.first == "s" || lower.first?.isNumber == true else { return false }
        return pageNumber.firstMatch(in: lower, range: NSRange(lower.startIndex..., in: lower)) != nil
    }

    /// The repeated page header of many protocol layouts: `Sammanträdesdatum` with the date
    /// on the next line, then the committee's name. Removed wherever it recurs after the
    /// document has begun, since it interrupts paragraphs mid-sentence.
    static func dropRunningHeaders(_ lines: [Line], body: String?) -> [Line] {
        var out: [Line] = []
        var i = 0
        var seenFirst = false
        while i < lines.count {
            let t = lines[i].text
            if t == "Sammanträdesdatum", i + 1 < lines.count, DateRules.date(in: lines[i + 1].text, whole: true) != nil {
                if seenFirst {
                    var j = i + 2
                    while j < lines.count, lines[j].text.isEmpty { j += 1 }
                    if let body, j < lines.count, lines[j].text == body { j += 1 }
                    i = j
                    continue
                }
                seenFirst = true
            }
            out.append(lines[i])
            i += 1
        }
        return out
    }

    /// The text's lines, ended by LF, CRLF or a lone CR as old Mac files have them.
    static func rawLines(_ text: String) -> [String] {
        var lines: [String] = []
        let bytes = Array(text.utf8)
        var start = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A || byte == 0x0D {
                lines.append(String(decoding: bytes[start..<i], as: UTF8.self))
                if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count { lines.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return lines
    }

    static func normalise(_ text: String) -> [Line] {
        // Composed once for the whole text, so that the byte searches below see one form.
        let text = text.utf8.contains(where: { $0 == 0xCC || $0 == 0xCD }) ? text.precomposedStringWithCanonicalMapping : text
        var lines: [Line] = []
        for (index, raw) in rawLines(text).enumerated() {
            for piece in unglue(raw) {
                let line = markdown(Line(number: index + 1, text: piece))
                if isFurniture(line.text) { continue }
                lines.append(line)
            }
        }
        return lines
    }
}
