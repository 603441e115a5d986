import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Hummingbird
import HummingbirdTesting
import ParagrafCore
@testable import ParagrafRender
import ParagrafStore
@testable import ParagrafWeb
import Testing

@Suite("Feeds")
struct FeedTests {
    @Test("iCalendar text: escaped as RFC 5545 asks, lines folded at 75 octets never inside a character")
    func calendarText() {
        #expect(MeetingCalendar.escaped("Sal 1, plan 2; hus \\ B\nentré") == "Sal 1\\, plan 2\\; hus \\\\ B\\nentré")
        let long = "LOCATION:" + String(repeating: "Österlånggatan ", count: 12)
        let folded = MeetingCalendar.folded(long)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1 && lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        let unfolded: String = folded.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded == long, "unfolding gives the line back")
        #expect(MeetingCalendar.utc(day("2024-04-16"), LocalTime("17:00")!) == "20240416T150000Z", "CEST")
        #expect(MeetingCalendar.utc(day("2024-01-16"), LocalTime("17:00")!) == "20240116T160000Z", "CET")
    }

    @Test("a committee's calendar and decisions feed over the demo municipality")
    func committeeFeeds() async throws {
        try await withTemporaryStore { store, _ in
            _ = try await DemoGenerator(seed: 5, scale: 1, year: 2024, today: day("2024-12-01")).run(into: store)
            let municipality = try #require(try await store.municipalities().first)
            let committee = try #require(try await store.committees(in: municipality.id!).first { $0.kind == .namnd })
            let meetings = try await store.meetings(of: committee.id!, year: nil).filter { $0.date != nil }
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            try await app.test(.router) { client in
                try await client.execute(uri: "/namnder/\(committee.id!.rawValue)/sammantraden.ics", method: .get) { response in
                    #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                    let text = String(buffer: response.body)
                    #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
                    #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 == meetings.count)
                    #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
                    #expect(text.contains("SUMMARY:\(committee.name) sammanträder"))
                    #expect(text.contains("UID:sammantrade-\(meetings[0].id!.rawValue)@"))
                }
                try await client.execute(uri: "/namnder/\(committee.id!.rawValue)/beslut.atom", method: .get) { response in
                    #expect(response.headers[.contentType] == "application/atom+xml; charset=utf-8")
                    let data = Data(buffer: response.body)
                    let parser = XMLParser(data: data)
                    #expect(parser.parse(), "well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
                    let xml = String(decoding: data, as: UTF8.self)
                    let entries = xml.components(separatedBy: "<entry>").count - 1
                    #expect(entries > 0 && entries <= 50)
                    #expect(xml.contains("<title>\(committee.name) – beslut</title>"))
                    #expect(xml.contains("<title>§ "))
                }
                try await client.execute(uri: "/namnder/999999/sammantraden.ics", method: .get) { response in
                    #expect(response.status == .notFound)
                }
            }
        }
    }
}
