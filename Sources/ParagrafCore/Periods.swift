import Foundation

/// A report-back time as committees write it — a date, or a period such as `kvartal 2 2025` —
/// read as the day it ends, which is when the report is owed.
public enum ReportBackTime {
    public struct Unreadable: Error, Hashable, Sendable, CustomStringConvertible {
        public var text: String
        public init(text: String) { self.text = text }
        public var description: String {
            "Återrapporteringstiden ”\(text)” går inte att läsa: skriv ett datum (2025-06-30 eller 30 juni 2025) eller en period "
                + "(kvartal 2 2025, tertial 1 2025, första halvåret 2025, juni 2025)."
        }
    }

    static let months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]
    static let ordinals = ["första": 1, "andra": 2, "tredje": 3, "fjärde": 4]

    /// The last day of the period, or the date itself.
    public static func lastDay(_ text: String) throws(Unreadable) -> LocalDate {
        var words = text.lowercased().replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: ".", with: " ")
            .split(whereSeparator: \.isWhitespace).map(String.init)
        // "senast", "till nämnden", "under" and the like carry no date.
        words.removeAll { ["senast", "under", "till", "nämnden", "i", "den", "efter", "återrapporteras", "rapporteras"].contains($0) }
        if words.count == 1, let date = LocalDate(iso: words[0]) { return date }
        guard let yearWord = words.last, let year = Int(yearWord), (1900...2200).contains(year) else { throw Unreadable(text: text) }
        let head = Array(words.dropLast())
        func end(month: Int) throws(Unreadable) -> LocalDate {
            guard let date = LocalDate(year: year, month: month, day: LocalDate.daysInMonth(year: year, month: month)) else { throw Unreadable(text: text) }
            return date
        }
        func number(_ word: String) -> Int? { Int(word) ?? ordinals[word] }
        switch head.count {
        case 0:
            return try end(month: 12)
        case 1:
            let word = head[0]
            if let month = months.firstIndex(of: word) { return try end(month: month + 1) }
            if word.hasPrefix("q"), let n = Int(word.dropFirst()), (1...4).contains(n) { return try end(month: n * 3) }
            if word.hasPrefix("t"), let n = Int(word.dropFirst()), (1...3).contains(n) { return try end(month: n * 4) }
            throw Unreadable(text: text)
        case 2:
            let (a, b) = (head[0], head[1])
            // "30 juni 2025"
            if let day = Int(a), let month = months.firstIndex(of: b) {
                guard let date = LocalDate(year: year, month: month + 1, day: day) else { throw Unreadable(text: text) }
                return date
            }
            // "kvartal 2", "andra kvartalet", "tertial 1", "första tertialet", "halvår 1", "första halvåret"
            let (kind, n) = number(a) != nil ? (b, number(a)) : (a, number(b))
            guard let n else { throw Unreadable(text: text) }
            if kind.hasPrefix("kvartal") || kind == "kv", (1...4).contains(n) { return try end(month: n * 3) }
            if kind.hasPrefix("tertial"), (1...3).contains(n) { return try end(month: n * 4) }
            if kind.hasPrefix("halvår"), (1...2).contains(n) { return try end(month: n * 6) }
            throw Unreadable(text: text)
        default:
            throw Unreadable(text: text)
        }
    }
}

/// Numbers as Swedish reports print them: a space (also a no-break or narrow space) between
/// thousands, a decimal comma, a minus sign that may be the typographic one. `1 210`, `-14 252`
/// and `−168 763` are right; `1,210.00` is refused rather than guessed at.
public enum SwedishNumber {
    public struct Unreadable: Error, Hashable, Sendable, CustomStringConvertible {
        public var text: String
        public init(text: String) { self.text = text }
        public var description: String { "”\(text)” är inget tal som svenska rapporter skriver det: skriv till exempel 1 210, -14 252 eller 12,5." }
    }

    public static func parse(_ text: String) throws(Unreadable) -> Decimal {
        var body = text.trimmingCharacters(in: .whitespaces)
        var negative = false
        if let first = body.first, ["-", "\u{2212}", "\u{2013}"].contains(first) {
            negative = true
            body = String(body.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2 else { throw Unreadable(text: text) }
        let groups = parts[0].split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == "\u{2009}" })
        guard let lead = groups.first, (1...3).contains(lead.count) || groups.count == 1,
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigitChar) }) else { throw Unreadable(text: text) }
        var digits = groups.joined()
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigitChar) else { throw Unreadable(text: text) }
            digits += "." + parts[1]
        }
        guard let value = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")) else { throw Unreadable(text: text) }
        return negative ? -value : value
    }
}
