import Foundation
import ParagrafText

/// Names of people as minutes print them: `Marie Samuelsson (S)`, `Johanna Sjö m.fl. (M)`.
enum PersonRules {
    static let nameWord = #"[A-ZÅÄÖÉÜ][\p{L}'’-]+"#
    /// A name of two to four capitalised words followed by a party in parentheses.
    static let withParty = try! NSRegularExpression(
        pattern: "(\(nameWord)(?:\\s+\(nameWord)){1,3})(?:\\s+m\\.fl\\.)?\\s*\\(([A-Za-zÅÄÖåäö]{1,4})\\)")
    /// Words that print before names as roles, never as part of them.
    static let roleWords: Set<String> = ["Ordförande", "Ordföranden", "Ledamot", "Ersättare", "Vice", "Sekreterare",
                                         "Justerare", "Tjänstgörande", "Ordf", "Ledamöter", "Beslutande"]

    struct Match {
        var name: String
        var party: String
        var range: Range<String.Index>
    }

    static func named(in text: String) -> [Match] {
        // A party is printed in parentheses: without one there is nothing to match.
        guard text.utf8.contains(UInt8(ascii: "(")) else { return [] }
        let ns = text as NSString
        return withParty.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            guard let range = Range(m.range, in: text) else { return nil }
            var words = ns.substring(with: m.range(at: 1)).split(separator: " ").map(String.init)
            var start = m.range(at: 1).location
            while let first = words.first, roleWords.contains(first), words.count > 2 {
                start += first.utf16.count + 1
                words.removeFirst()
            }
            let adjusted = Range(NSRange(location: start, length: NSMaxRange(m.range) - start), in: text) ?? range
            return Match(name: words.joined(separator: " "), party: ns.substring(with: m.range(at: 2)), range: adjusted)
        }
    }

    /// `§§ 114-122`, `§ 30-33`: the span of paragraphs a person was present for.
    static let span = try! NSRegularExpression(pattern: #"§§?\s*(\d{1,4})\s*[-–]\s*(\d{1,4})"#)

    static func paragraphSpan(in text: String) -> (range: [Int], match: Range<String.Index>)? {
        let ns = text as NSString
        guard let m = span.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
              let a = Int(ns.substring(with: m.range(at: 1))), let b = Int(ns.substring(with: m.range(at: 2))),
              let r = Range(m.range, in: text) else { return nil }
        return ([a, b], r)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x20 || byte == 0x2D || byte == 0x27
    }

    /// A bare personal name: two to four capitalised words and nothing else.
    static let bareName = try! NSRegularExpression(pattern: "^\(nameWord)(?:\\s+\(nameWord)){1,3}$")

    static func isBareName(_ text: String) -> Bool {
        // Names hold letters, spaces, hyphens and apostrophes only; any other ASCII byte
        // (digits, punctuation) rules a line out before the pattern runs.
        guard let first = text.utf8.first, (0x41...0x5A).contains(first) || first >= 0xC3, text.utf8.contains(0x20),
              !text.utf8.contains(where: { $0 < 0x80 && !isNameByte($0) }) else { return false }
        let ns = text as NSString
        guard bareName.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) != nil else { return false }
        return !text.split(separator: " ").contains { roleWords.contains(String($0)) }
    }
}
