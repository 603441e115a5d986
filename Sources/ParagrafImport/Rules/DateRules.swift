import Foundation
import ParagrafText
import ParagrafCore

/// Dates and times as Swedish documents print them.
enum DateRules {
    static let months = ["januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
                         "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12]

    static let isoPattern = try! NSRegularExpression(pattern: #"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"#)
    static let writtenPattern = try! NSRegularExpression(
        pattern: #"(?<!\d)(\d{1,2})(?::e|:a)?\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+(\d{4})"#,
        options: .caseInsensitive)
    static let timePattern = try! NSRegularExpression(
        pattern: #"(?:kl\.?|klockan)\s*(\d{1,2})[:.](\d{2})(?:\s*[-–]\s*(\d{1,2})[:.](\d{2}))?"#, options: .caseInsensitive)

    /// The first date in the text (`2024-04-16`, `16 april 2024`, `tisdagen den 16 april 2024`);
    /// with `whole`, only when the line is nothing but a date.
    static func date(in text: String, whole: Bool = false) -> (date: LocalDate, range: Range<String.Index>)? {
        // Every form has a year in digits.
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let ns = text as NSString
        var found: [(LocalDate, NSRange)] = []
        if let m = isoPattern.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
           let d = LocalDate(iso: ns.substring(with: m.range)) {
            found.append((d, m.range))
        }
        if let m = writtenPattern.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
           let day = Int(ns.substring(with: m.range(at: 1))), let month = months[ns.substring(with: m.range(at: 2)).lowercased()],
           let year = Int(ns.substring(with: m.range(at: 3))), let d = LocalDate(year: year, month: month, day: day) {
            found.append((d, m.range))
        }
        guard let first = found.min(by: { $0.1.location < $1.1.location }), let range = Range(first.1, in: text) else { return nil }
        if whole {
            let rest = text.replacingCharacters(in: range, with: "").lowercased()
                .replacingOccurrences(of: #"(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(en)?|den|[\s,.]"#, with: "",
                                      options: .regularExpression)
            guard rest.isEmpty else { return nil }
        }
        return (first.0, range)
    }

    /// Start and end time after `kl` or `klockan`.
    static func times(in text: String) -> (start: LocalTime?, end: LocalTime?, range: Range<String.Index>)? {
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let ns = text as NSString
        guard let m = timePattern.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
              let range = Range(m.range, in: text) else { return nil }
        func time(_ h: Int, _ mi: Int) -> LocalTime? {
            guard m.range(at: h).location != NSNotFound, let hh = Int(ns.substring(with: m.range(at: h))),
                  let mm = Int(ns.substring(with: m.range(at: mi))) else { return nil }
            return LocalTime(hour: hh, minute: mm)
        }
        return (time(1, 2), time(3, 4), range)
    }
}
