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
enum LineRules {
    /// Markdown: `## **§ 8**` is a heading of level 2 whose text is `§ 8`; emphasis marks go.
    static func markdown(_ line: Line) -> Line {
        var text = Substring(line.text)
        var level = 0
        while text.first == "#" { level += 1; text = text.dropFirst() }
        if level > 0, text.first != " " { level = 0; text = Substring(line.text) }
        var plain = String(text).replacingOccurrences(of: "**", with: "")
        // List markers "- * item" (nested bullets flattened by extraction) become "- item".
        if plain.hasPrefix("- * ") { plain = "- " + plain.dropFirst(4) }
        return Line(number: line.number, text: TextNormalizer.line(plain), heading: level)
    }

    /// Labels that extraction glued to the text before them (`2023-09-08Instans`,
    /// `Arbetslivsnämnden**Plats och tid:** …`) go onto lines of their own.
    static let gluedLabels = ["Plats och tid", "Instans", "Ledamöter", "Underskrifter", "Ordförande (", "Justerare (",
                              "Sekreterare (", "Beslutande", "Övriga deltagare", "Tjänstepersoner", "Paragrafer"]

    static func unglue(_ raw: String) -> [String] {
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
        while let r = text.range(of: label, range: search..<text.endIndex) {
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
    static func isFurniture(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.isEmpty { return false }
        let exact: Set<String> = ["justerandes sign", "justerandes signatur", "justerare sign", "utdragsbestyrkande",
                                  "ordförandes sign", "sekreterarens sign", "signatur"]
        if exact.contains(lower) { return true }
        // "Sida 3 (18)", "Sida 3 av 18", "3 (18)", "3(18)"
        if lower.range(of: #"^(sida\s+)?\d{1,3}\s*(\(\d{1,3}\)|av\s+\d{1,3})$"#, options: .regularExpression) != nil { return true }
        return false
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

    static func normalise(_ text: String) -> [Line] {
        var lines: [Line] = []
        var number = 0
        text.enumerateLines { raw, _ in
            number += 1
            for piece in unglue(raw) {
                let line = markdown(Line(number: number, text: piece))
                if isFurniture(line.text) { continue }
                lines.append(line)
            }
        }
        return lines
    }
}
