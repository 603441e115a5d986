import Foundation
import ParagrafText
import ParagrafCore

/// Fields of the document's header and signature page, read from labelled lines.
enum HeaderRules {
    /// The value of a label: the rest of its line, or the next non-empty line when the label stands alone.
    static func value(after label: String, in lines: [Line]) -> (text: String, line: Int)? {
        let wanted = label.lowerSv
        for (i, line) in lines.enumerated() {
            guard let rest = line.rest(afterLower: wanted) else { continue }
            let value = rest.trimmingCharacters(in: CharacterSet(charactersIn: ": \t"))
            if !value.isEmpty { return (value, line.number) }
            if let next = lines[(i + 1)...].first(where: { !$0.text.isEmpty }) { return (next.text, next.number) }
        }
        return nil
    }

    static let municipalityPattern = try! NSRegularExpression(
        pattern: #"([A-ZÅÄÖ][A-Za-zÅÄÖåäö-]+(?: [A-ZÅÄÖ][a-zåäö]+)?)\s+(?:kommun|stad|Stad|KOMMUN|STAD)\b"#)

    /// The municipality most often named as "X kommun" or "X stad".
    static func municipality(_ lines: [Line]) -> String? {
        var counts: [String: Int] = [:]
        // Only lines with one of the words go through the pattern.
        for line in lines where hasWord(" kommun", in: line.lower) || hasWord(" stad", in: line.lower) {
            count(in: line.text, into: &counts)
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// Whether `word` (with its leading space) occurs not followed by a letter, digit or `_`:
    /// "Borås stad" and "kommun," but not "kommunstyrelsen", which most minutes print often.
    static func hasWord(_ word: String, in lower: String) -> Bool {
        // Searched without the space, which is the commonest byte of all, then checked around.
        let bare = String(word.dropFirst())
        var from = 1
        let utf8 = lower.utf8
        while let at = lower.byteOffset(of: bare, from: from) {
            from = at + 1
            guard utf8[utf8.index(utf8.startIndex, offsetBy: at - 1)] == 0x20 else { continue }
            let end = at + bare.utf8.count
            guard end < utf8.count else { return true }
            let next = utf8[utf8.index(utf8.startIndex, offsetBy: end)]
            let isWordByte = (0x30...0x39).contains(next) || (0x61...0x7A).contains(next) || (0x41...0x5A).contains(next) || next == 0x5F
            if !isWordByte { return true }
        }
        return false
    }

    static func count(in text: String, into counts: inout [String: Int]) {
        let ns = text as NSString
        for m in municipalityPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let words = ns.substring(with: m.range(at: 1)).split(separator: " ").map(String.init)
            // "Upplands Väsby kommun" has two words; "i Borås Stad" one.
            let candidates = words.count == 2 ? [words.joined(separator: " "), words[1]] : words
            if let found = candidates.lazy.compactMap(SwedishMunicipalities.resolve).first {
                counts[found, default: 0] += 1
            }
        }
    }

    static let committeeSuffixes = ["nämnden", "styrelsen", "fullmäktige", "utskottet", "beredningen", "nämnd", "styrelse"]

    /// A committee's name: one to five words, the last naming a kind of committee.
    static func isCommitteeName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...5).contains(words.count), let first = words.first?.first, first.isUppercase,
              let last = words.last?.lowercased() else { return false }
        return committeeSuffixes.contains { last.hasSuffix($0) } && !text.contains(":")
    }

    /// From a genitive heading (`Arbetslivsnämndens beslut`) the committee's name.
    static func committee(fromGenitive heading: String) -> String? {
        let words = heading.split(separator: " ")
        guard words.count >= 2, words.last?.lowercased() == "beslut" else { return nil }
        var name = words.dropLast().joined(separator: " ")
        guard name.hasSuffix("s") else { return nil }
        name.removeLast()
        return isCommitteeName(name) ? name : nil
    }

    /// Text before the time or date in a "Plats och tid" value: the place.
    static func place(from value: String) -> String? {
        var cut = value.endIndex
        if let d = DateRules.date(in: value) { cut = min(cut, d.range.lowerBound) }
        if let t = DateRules.times(in: value) { cut = min(cut, t.range.lowerBound) }
        if let w = value.range(of: #"\b(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(en)?\b"#,
                               options: [.regularExpression, .caseInsensitive]) {
            cut = min(cut, w.lowerBound)
        }
        let place = value[..<cut].trimmingCharacters(in: CharacterSet(charactersIn: " ,.;\t"))
        return place.isEmpty ? nil : place
    }

    /// The name printed on the line after a signature role (`Justerare (231216 08.44) …` then `Marie Samuelsson`).
    static func signers(role: String, in lines: [Line]) -> [String] {
        var names: [String] = []
        for (i, line) in lines.enumerated() where line.text.hasPrefix(role) {
            let rest = line.text.dropFirst(role.count)
            guard rest.isEmpty || rest.first == " " || rest.first == "(" || rest.first == ":" else { continue }
            let inline = rest.trimmingCharacters(in: CharacterSet(charactersIn: ": \t"))
            if PersonRules.isBareName(inline) {
                names.append(inline)
            } else if let next = lines[(i + 1)...].first(where: { !$0.text.isEmpty }), PersonRules.isBareName(next.text) {
                names.append(next.text)
            }
        }
        return names
    }
}
