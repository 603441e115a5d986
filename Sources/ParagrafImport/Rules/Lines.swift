import Foundation
import ParagrafText

/// One line of a document after normalisation, with its line number in the source.
public struct Line: Sendable, Equatable {
    public var number: Int
    public let text: String
    /// The text in lower case, folded once here since almost every rule compares without case.
    public let lower: String
    /// Markdown heading level (`## x` is 2), 0 for ordinary text.
    public var heading: Int

    public init(number: Int, text: String, heading: Int = 0) {
        self.number = number
        self.text = text
        self.lower = text.lowerSv
        self.heading = heading
    }
}

extension Line {
    /// The text after a prefix given in lower case, when the line starts with it in any case.
    func rest(afterLower prefix: String) -> Substring? {
        guard lower.hasBytePrefix(prefix) else { return nil }
        // Folding kept the byte length (Swedish letters), so the prefix's bytes cut the text too.
        if lower.utf8.count == text.utf8.count { return text.droppingBytes(prefix.utf8.count) }
        let count = prefix.count
        return text.count >= count && text.prefix(count).lowercased() == prefix ? text.dropFirst(count) : nil
    }
}

/// Normalisation rules, each small and named; applied in order by `normalise`.
enum LineRules {
    /// Markdown: `## **§ 8**` is a heading of level 2 whose text is `§ 8`; emphasis marks go.
    static func markdown(_ line: Line) -> Line {
        var text = Substring(line.text)
        var level = 0
        while text.utf8.first == UInt8(ascii: "#") { level += 1; text = text.dropFirst() }
        if level > 0, text.utf8.first != UInt8(ascii: " ") { level = 0; text = Substring(line.text) }
        var plain = String(text)
        if plain.utf8.contains(UInt8(ascii: "*")) { plain = removingDoubleAsterisks(plain) }
        // List markers "- * item" (nested bullets flattened by extraction) become "- item".
        if plain.hasBytePrefix("- * ") { plain = "- " + plain.droppingBytes(4) }
        return Line(number: line.number, text: TextNormalizer.line(plain), heading: level)
    }

    /// The text without `**` emphasis marks; a lone `*` stays.
    static func removingDoubleAsterisks(_ text: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "*"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "*") {
                i += 2
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Labels that extraction glued to the text before them (`2023-09-08Instans`,
    /// `Arbetslivsnämnden**Plats och tid:** …`) go onto lines of their own.
    static let gluedLabels = ["Plats och tid", "Instans", "Ledamöter", "Underskrifter", "Ordförande (", "Justerare (",
                              "Sekreterare (", "Beslutande", "Övriga deltagare", "Tjänstepersoner", "Paragrafer"]

    /// Bytes that begin a label: P I L U O J S B T, and Ö's lead byte.
    static let gluedLabelBytes = gluedLabels.map { Array($0.utf8) }
    static let labelInitials: [Bool] = (0..<256).map { byte in gluedLabels.contains { $0.utf8.first! == UInt8(byte) } }

    static func unglue(_ raw: String) -> [String] {
        // One pass first: a label is glued only where a label's initial follows something other
        // than a space inside the line; almost no line has one, and those that do are split below.
        guard mayHoldGluedLabel(raw) else { return [raw] }
        var pieces = [raw]
        for label in gluedLabels {
            pieces = pieces.flatMap { splitBefore(label, in: $0) }
        }
        return pieces
    }

    static func mayHoldGluedLabel(_ raw: String) -> Bool {
        var raw = raw
        // Read once: a static's every access goes through its lazy initialiser's check.
        let initials = labelInitials
        let labels = gluedLabelBytes
        return raw.withUTF8 { b in
            guard b.count > 1 else { return false }
            for i in 1..<b.count where b[i - 1] != 0x20 && initials[Int(b[i])] {
                if labels.contains(where: { label in
                    label.count <= b.count - i && label.elementsEqual(b[i..<(i + label.count)])
                }) { return true }
            }
            return false
        }
    }

    static func splitBefore(_ label: String, in text: String) -> [String] {
        var out: [String] = []
        var start = text.startIndex
        var from = 0
        while let r = text.byteRange(of: label, from: from) {
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
            from = text.utf8.distance(from: text.startIndex, to: r.upperBound)
        }
        out.append(String(text[start...]))
        return out
    }

    /// Labels of a header or signature table that extraction may print side by side, two
    /// columns flattened into one line: `Sammanträdesdatum 2021-05-12 Paragrafer §§ 45-48`.
    static let columnLabels = ["Sammanträdesdatum", "Plats och tid", "Beslutande", "Ledamöter", "Närvarande", "Övriga deltagare",
                               "Övriga närvarande", "Tjänstepersoner", "Ersättare", "Utses att justera", "Justeringens plats och tid",
                               "Paragrafer", "Underskrifter", "Sekreterare", "Ordförande", "Justerande", "Justerare"]

    /// A line that starts with a column label and holds another further on becomes one line per
    /// label. The later label must stand as a word of its own, not after a comma, where it
    /// would be a person's role (`Anna Berg (S), Ordförande`).
    static func splitColumns(_ line: Line) -> [Line] {
        // Read once: a static's every access goes through its lazy initialiser's check.
        let labels = columnLabelsByInitial
        guard let first = line.text.utf8.first, !labels[Int(first)].isEmpty,
              labels[Int(first)].contains(where: { startsWithLabel(line.text, $0, at: 0) }) else { return [line] }
        var cuts: [Int] = []
        let bytes = Array(line.text.utf8)
        for i in 2..<max(2, bytes.count) where bytes[i - 1] == 0x20 && bytes[i - 2] != UInt8(ascii: ",") && !labels[Int(bytes[i])].isEmpty {
            if labels[Int(bytes[i])].contains(where: { startsWithLabel(line.text, $0, at: i) }) { cuts.append(i) }
        }
        guard !cuts.isEmpty else { return [line] }
        var pieces: [Line] = []
        var start = 0
        for cut in cuts + [bytes.count] {
            let text = String(decoding: bytes[start..<cut], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { pieces.append(Line(number: line.number, text: text, heading: line.heading)) }
            start = cut
        }
        return pieces
    }

    /// The labels by their first byte, so that a line is compared only with those it could start.
    static let columnLabelsByInitial: [[String]] = (0..<256).map { byte in columnLabels.filter { $0.utf8.first! == UInt8(byte) } }

    /// Whether `label` begins at byte `offset` of `text` as a label: ending the line, or followed
    /// by a colon or by a value that does not start in lower case (a name, a date, `§§`, dots).
    /// `Ordförande ställer proposition …` is a sentence, not a label.
    static func startsWithLabel(_ text: String, _ label: String, at offset: Int) -> Bool {
        let bytes = text.utf8
        guard bytes.count - offset >= label.utf8.count else { return false }
        let start = bytes.index(bytes.startIndex, offsetBy: offset)
        let end = bytes.index(start, offsetBy: label.utf8.count)
        guard bytes[start..<end].elementsEqual(label.utf8) else { return false }
        if end == bytes.endIndex || bytes[end] == UInt8(ascii: ":") { return true }
        guard bytes[end] == 0x20 else { return false }
        let value = bytes.index(after: end)
        guard value != bytes.endIndex else { return true }
        let byte = bytes[value]
        // a–z, and å ä ö é (C3 A0–BF) start a word in lower case.
        if (0x61...0x7A).contains(byte) { return false }
        if byte == 0xC3, bytes.index(after: value) != bytes.endIndex, bytes[bytes.index(after: value)] >= 0xA0 { return false }
        return true
    }

    /// Page furniture that is no part of the text: page numbers, signature boxes, classification marks.
    static let furniture: Set<String> = ["justerandes sign", "justerandes signatur", "justerare sign", "utdragsbestyrkande",
                                         "ordförandes sign", "sekreterarens sign", "signatur"]
    static func isFurniture(_ text: String) -> Bool { isFurniture(Line(number: 0, text: text)) }

    static func isFurniture(_ line: Line) -> Bool {
        // Furniture is short; long lines are text and skip the checks below.
        let lower = line.lower
        guard !lower.isEmpty, lower.utf8.count <= 64 else { return false }
        // Furniture starts with a phrase's first letter; page numbers with s or a digit.
        guard let first = lower.utf8.first, furnitureInitials.contains(first) || (0x30...0x39).contains(first) else { return false }
        if lower.utf8.count <= 24, furniture.contains(lower) || isPageNumber(Array(lower.utf8)) { return true }
        return isFurnitureRow(lower)
    }

    /// Furniture of two columns flattened into one line: `Justerandes sign Utdragsbestyrkande`.
    static func isFurnitureRow(_ lower: String) -> Bool {
        // A row starts with a phrase and has a space.
        guard let first = lower.utf8.first, furnitureInitials.contains(first), lower.utf8.contains(0x20) else { return false }
        var rest = Substring(lower)
        while !rest.isEmpty {
            // The longest phrase that starts the rest as whole words.
            guard let phrase = furnitureByLength.first(where: { rest.hasBytePrefix($0) && (rest.utf8.count == $0.utf8.count
                || rest.utf8[rest.utf8.index(rest.startIndex, offsetBy: $0.utf8.count)] == 0x20) }) else { return false }
            rest = rest.dropFirst(phrase.count).trimmingSpaces
        }
        return true
    }

    static let furnitureByLength = furniture.sorted { $0.utf8.count > $1.utf8.count }
    static let furnitureInitials = Set(furniture.map { $0.utf8.first! })

    /// `sida 3 (18)`, `sida 3 av 18`, `3 (18)`, `3(18)`: a page number with its count, in lower case.
    static func isPageNumber(_ b: [UInt8]) -> Bool {
        var i = 0
        func spaces() -> Int { let start = i; while i < b.count, b[i] == 0x20 { i += 1 }; return i - start }
        func digits() -> Int { let start = i; while i < b.count, b[i] >= 0x30, b[i] <= 0x39, i - start < 4 { i += 1 }; return i - start }
        if b.starts(with: Array("sida".utf8)) {
            i = 4
            guard spaces() > 0 else { return false }
        }
        guard (1...3).contains(digits()) else { return false }
        _ = spaces()
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: "(") {
            i += 1
            guard (1...3).contains(digits()), i < b.count, b[i] == UInt8(ascii: ")") else { return false }
            i += 1
        } else if b[i...].starts(with: Array("av".utf8)) {
            i += 2
            guard spaces() > 0, (1...3).contains(digits()) else { return false }
        } else {
            return false
        }
        return i == b.count
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
        let text = text.containsByte(0xCC) || text.containsByte(0xCD) ? text.precomposedStringWithCanonicalMapping : text
        var lines: [Line] = []
        for (index, raw) in rawLines(text).enumerated() {
            for piece in unglue(raw) {
                for line in splitColumns(markdown(Line(number: index + 1, text: piece))) where !isFurniture(line) {
                    lines.append(line)
                }
            }
        }
        return lines
    }
}
