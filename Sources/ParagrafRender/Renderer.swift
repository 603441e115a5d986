import Foundation
import Mustache
import ParagrafCore

/// Renders page models with the package's Mustache templates.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Loads the templates shipped with the package.
    public static func load() async throws -> PageRenderer {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("Templates").path else {
            throw RenderError.templatesMissing("resursmappen saknas")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: directory))
    }

    /// The page's HTML. Whatever a field holds, no personal identity number leaves here.
    public func render(_ page: some Page) throws -> String {
        guard let html = library.render(page, withTemplate: type(of: page).template) else {
            throw RenderError.templatesMissing(type(of: page).template)
        }
        return Publication.redacted(html)
    }
}

public enum RenderError: Error, CustomStringConvertible {
    case templatesMissing(String)
    public var description: String { "Sidmallen saknas: \(self)" }
}

/// A page model: plain values that a template of the same name lays out.
public protocol Page: Sendable {
    static var template: String { get }
    /// The page's `<title>`, and its heading unless the template says otherwise.
    var title: String { get }
}

/// Swedish formats for dates and times as the municipalities print them.
public enum SwedishFormat {
    static let months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                         "september", "oktober", "november", "december"]

    /// `tisdag 16 april 2024`
    public static func longDate(_ date: LocalDate) -> String {
        "\(date.weekday.swedishName) \(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// `16 april 2024`
    public static func date(_ date: LocalDate) -> String {
        "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// A meeting's date, or what is known of it when imported minutes do not print one.
    public static func meetingDate(_ meeting: Meeting) -> String { meetingDate(meeting.dating) }

    /// A meeting's date, long (`tisdag 16 april 2024`) or short (`16 april 2024`).
    public static func meetingDate(_ dating: MeetingDating, long: Bool = true) -> String {
        dating.date.map(long ? longDate : date) ?? "datum okänt (\(dating.year))"
    }

    /// `§ 34`, `§§ 30–43`: the paragraphs from one number to another.
    public static func paragraphs(_ from: Int, _ to: Int) -> String {
        from == to ? "§ \(from)" : "§§ \(from)–\(to)"
    }

    /// `141 kB`, `2,3 MB`
    public static func size(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "\(max(1, (bytes + 500) / 1000)) kB" }
        return String(format: "%.1f MB", Double(bytes) / 1_000_000).replacingOccurrences(of: ".", with: ",")
    }

    /// A size limit in whole units, as forms and messages state it: `25 MB`, `4 kB`.
    public static func limit(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? "\(bytes / 1_000_000) MB" : "\(max(1, bytes / 1000)) kB"
    }

    /// `kl. 17.00–17.59`, as Swedish typography writes times.
    public static func timeSpan(_ start: LocalTime?, _ end: LocalTime?) -> String? {
        func t(_ time: LocalTime) -> String { String(format: "%02d.%02d", time.hour, time.minute) }
        switch (start, end) {
        case let (s?, e?): return "kl. \(t(s))–\(t(e))"
        case let (s?, nil): return "kl. \(t(s))"
        default: return nil
        }
    }
}

/// A meeting with the name of its committee, as pages that list several committees' meetings need.
public struct MeetingPlace: Sendable {
    public var meeting: Meeting
    public var committee: String

    public init(meeting: Meeting, committee: String) {
        self.meeting = meeting
        self.committee = committee
    }
}

/// The public addresses of things, in one place so that every page links alike.
public enum Links {
    public static func meeting(_ meeting: Meeting) -> String { "/sammantraden/\(meeting.id?.rawValue ?? 0)" }
    public static func meeting(_ id: MeetingID) -> String { "/sammantraden/\(id.rawValue)" }
    public static func matter(_ id: CaseID) -> String { "/arenden/\(id.rawValue)" }
    public static func committee(_ id: CommitteeID) -> String { "/namnder/\(id.rawValue)" }
    public static func person(_ id: PersonID) -> String { "/personer/\(id.rawValue)" }
    public static let committees = "/namnder"
    public static func search(_ query: String, filters: SearchFilters = SearchFilters(), page: Int = 1) -> String {
        var pairs = [("q", query)]
        if let municipality = filters.municipality { pairs.append(("kommun", municipality)) }
        if let committee = filters.committee { pairs.append(("namnd", String(committee.rawValue))) }
        if let from = filters.from { pairs.append(("fran", from.iso)) }
        if let through = filters.through { pairs.append(("till", through.iso)) }
        pairs += filters.kinds.sorted().map { ("typ", $0.rawValue) }
        if let dnr = filters.diaryNumber { pairs.append(("dnr", dnr.description)) }
        if let code = filters.classification { pairs.append(("klass", code)) }
        if page > 1 { pairs.append(("sida", String(page))) }
        // Unreserved characters stay as they are (RFC 3986), so dates read as dates in the address.
        let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return "/sok?" + pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")" }
            .joined(separator: "&")
    }
    public static let noticeBoard = "/anslagstavla"
    public static let appeal = "/anslagstavla/laglighetsprovning"
    public static func paragraph(meeting: MeetingID, number: Int) -> String { "/sammantraden/\(meeting.rawValue)/paragrafer/\(number)" }
    public static func document(_ document: Document) -> String { "/handlingar/\(document.id?.rawValue ?? 0)" }
    public static func report(_ id: PeriodicReportID) -> String { "/rapporter/\(id.rawValue)" }
}

/// URL- and id-safe words from Swedish names: `Arbetslivsnämnden` → `arbetslivsnamnden`.
public enum Slug {
    public static func make(_ text: String) -> String {
        let folded = text.lowercased()
            .replacingOccurrences(of: "å", with: "a").replacingOccurrences(of: "ä", with: "a")
            .replacingOccurrences(of: "ö", with: "o").replacingOccurrences(of: "é", with: "e")
            .replacingOccurrences(of: "ü", with: "u")
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-"), !slug.isEmpty {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }
}
