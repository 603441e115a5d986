import Foundation
import ParagrafCore

/// A committee's meetings as an iCalendar file (RFC 5545) that calendar programs subscribe to.
public struct MeetingCalendar: Sendable {
    public struct Event: Sendable {
        public var meeting: Meeting
        public var committee: String
        public var modified: String
        public init(meeting: Meeting, committee: String, modified: String) {
            self.meeting = meeting
            self.committee = committee
            self.modified = modified
        }
    }

    public var name: String
    public var site: String
    public var events: [Event]

    public init(name: String, site: String, events: [Event]) {
        self.name = name
        self.site = site
        self.events = events
    }

    /// Text as RFC 5545 wants it: backslash, comma, semicolon and line breaks escaped.
    static func escaped(_ text: String) -> String {
        Publication.redacted(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets are folded, never inside a character.
    static func folded(_ line: String) -> String {
        var out = "", count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(character)
            count += size
        }
        return out
    }

    /// A local time as UTC: the calendar needs no time zone table then.
    static func utc(_ date: LocalDate, _ time: LocalTime) -> String {
        let instant = date.instant(at: time)
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = .gmt
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return String(format: "%04d%02d%02dT%02d%02d00Z", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    static func stamp(_ timestamp: String) -> String {
        // 2024-04-16T10:00:00.000Z → 20240416T100000Z
        let digits = timestamp.prefix(19).filter { $0.isNumber }
        return digits.count == 14 ? "\(digits.prefix(8))T\(digits.suffix(6))Z" : "19700101T000000Z"
    }

    public func render() -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Paragraf//Sammanträden//SV", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escaped(name)]
        let host = URL(string: site)?.host ?? "paragraf"
        for event in events {
            guard let date = event.meeting.date, let id = event.meeting.id else { continue }
            lines += ["BEGIN:VEVENT", "UID:sammantrade-\(id.rawValue)@\(host)", "DTSTAMP:" + Self.stamp(event.modified)]
            if let start = event.meeting.startTime {
                lines.append("DTSTART:" + Self.utc(date, start))
                if let end = event.meeting.endTime { lines.append("DTEND:" + Self.utc(date, end)) }
            } else {
                lines.append("DTSTART;VALUE=DATE:" + date.iso.replacingOccurrences(of: "-", with: ""))
            }
            lines.append("SUMMARY:" + Self.escaped("\(event.committee) sammanträder"))
            if let place = event.meeting.place { lines.append("LOCATION:" + Self.escaped(place)) }
            lines.append("URL:" + site + Links.meeting(id))
            lines.append("STATUS:" + (event.meeting.state == .cancelled ? "CANCELLED" : "CONFIRMED"))
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.folded).joined(separator: "\r\n") + "\r\n"
    }
}

/// An Atom feed (RFC 4287): a committee's latest decisions, or what goes up on the notice board.
public struct AtomFeed: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var title: String
        public var updated: String
        public var link: String
        public var summary: String
        public init(id: String, title: String, updated: String, link: String, summary: String) {
            self.id = id
            self.title = title
            self.updated = updated
            self.link = link
            self.summary = summary
        }
    }

    public var id: String
    public var title: String
    public var link: String
    public var updated: String
    public var entries: [Entry]

    public init(id: String, title: String, link: String, updated: String, entries: [Entry]) {
        self.id = id
        self.title = title
        self.link = link
        self.updated = updated
        self.entries = entries
    }

    static func escaped(_ text: String) -> String {
        Publication.redacted(text).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    public func render() -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">
            <id>\(Self.escaped(id))</id>
            <title>\(Self.escaped(title))</title>
            <link rel="alternate" type="text/html" href="\(Self.escaped(link))"/>
            <updated>\(Self.escaped(updated))</updated>
            <author><name>Paragraf</name></author>

            """
        for entry in entries {
            xml += """
                <entry>
                <id>\(Self.escaped(entry.id))</id>
                <title>\(Self.escaped(entry.title))</title>
                <link rel="alternate" type="text/html" href="\(Self.escaped(entry.link))"/>
                <updated>\(Self.escaped(entry.updated))</updated>
                <summary>\(Self.escaped(entry.summary))</summary>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }
}
