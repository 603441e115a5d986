import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafStore
@testable import ParagrafWeb
import Testing

/// Secret content stored by every way in, then looked for on every public route.
@Suite("Never public")
struct NeverPublicTests {
    static let secretWords = ["HEMLIG", "19800101-1234", "800101-1234", "8001011234", "750303"]

    /// A text file, minutes whose kept file and paragraphs hold personal identity numbers, a
    /// closed paragraph, a closed agenda item, a PDF holding a number and a secret document.
    static func fill(_ store: SQLStore, today: LocalDate) async throws -> [String] {
        let unsaved = MeetingRecord.unsavedMeeting
        var minutes = Minutes(meetingID: unsaved)
        minutes.paragraphs = [
            Paragraph(meetingID: unsaved, number: 1, title: "Ansökan om färdtjänst",
                      decision: [DecisionClause(text: "Färdtjänst beviljas sökanden 19800101-1234.")],
                      description: "Sökanden (800101-1234) har ansökt.", recipients: ["Sökanden 8001011234"]),
            Paragraph(meetingID: unsaved, number: 2, title: "HEMLIG titel", isPublic: false,
                      decision: [DecisionClause(text: "HEMLIGT beslut")], description: "HEMLIG beskrivning"),
        ]
        minutes.adjustment = Adjustment(adjusters: [], date: today.adding(days: -1))
        minutes.announcement = Announcement(posted: today, minutesKeptAt: "Kansliet, 750303-3333")
        let text = Data("Protokoll\nSökanden 19800101-1234 ansöker.\n".utf8)
        let minutesRecord = MeetingRecord(
            kind: .minutes, source: .init(file: StoredFile(fileName: "protokoll.txt", mediaType: "text/plain; charset=utf-8",
                                                          sha256: "text-1", byteCount: text.count), content: text),
            municipality: "Ale", committee: "Socialnämnden", committeeKind: .namnd, dating: .on(today.adding(days: -3)),
            state: .announced, minutes: minutes)
        let meeting = try await store.file(minutesRecord).meetingID
        _ = try await store.replaceAgenda([AgendaItem(meetingID: meeting, position: 1, title: "HEMLIG punkt", isPublic: false,
                                                      proposedDecision: "HEMLIGT förslag")], for: meeting)

        let pdf = Data("""
            %PDF-1.4
            1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj
            2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj
            3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>\nendobj
            4 0 obj\n<< /Length 52 >>\nstream\nBT /F1 12 Tf 72 720 Td (Sokande 19800101-1234) Tj ET\nendstream\nendobj
            5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj
            trailer\n<< /Root 1 0 R >>\n%%EOF\n
            """.utf8)
        var extract = Minutes(meetingID: unsaved)
        extract.paragraphs = [Paragraph(meetingID: unsaved, number: 3, title: "Bostadsanpassning")]
        let pdfRecord = MeetingRecord(
            kind: .minutes, source: .init(file: StoredFile(fileName: "protokoll.pdf", mediaType: "application/pdf", sha256: "pdf-1",
                                                          byteCount: pdf.count), content: pdf),
            municipality: "Ale", committee: "Socialnämnden", committeeKind: .namnd, dating: .on(today.adding(days: -2)),
            state: .held, minutes: extract)
        let pdfMeeting = try await store.file(pdfRecord).meetingID
        _ = try await store.save(Document(meetingID: meeting, kind: .utredning, title: "HEMLIG utredning",
                                          secrecy: .secret(provision: "26 kap. 1 § OSL"),
                                          file: StoredFile(fileName: "utredning.pdf", mediaType: "application/pdf", sha256: "pdf-1",
                                                           byteCount: pdf.count)))
        var routes = ["/", "/anslagstavla", "/anslagstavla/laglighetsprovning", "/anslagstavla.atom"]
        // Searches for the secret words and for the public paragraph that holds a number.
        // (Words of the closed texts, not the marker itself, which the page repeats as the query.)
        routes += ["/sok?q=titel", "/sok?q=beskrivning", "/sok?q=beslut", "/sok?q=19800101-1234", "/sok?q=800101-1234",
                   "/sok?q=f%C3%A4rdtj%C3%A4nst", "/sok?q=ans%C3%B6kan", "/sok?q=utredning"]
        var later: [String] = []
        // The committee's feeds, and a coming meeting whose agenda has a closed point.
        if let ale = try await store.municipality(named: "Ale") {
            for committee in try await store.committees(in: ale.id!) {
                routes += ["/namnder/\(committee.id!.rawValue)/sammantraden.ics", "/namnder/\(committee.id!.rawValue)/beslut.atom",
                           "/namnder/\(committee.id!.rawValue)"]
                let coming = try await store.save(Meeting(committeeID: committee.id!, date: today.adding(days: 10),
                                                          startTime: LocalTime("17:00"), place: "Kommunhuset", state: .notified))
                _ = try await store.replaceAgenda([
                    AgendaItem(meetingID: coming.id!, position: 1, title: "Budget för 2027", proposedDecision: "Nämnden fastställer budgeten."),
                    AgendaItem(meetingID: coming.id!, position: 2, title: "HEMLIG ansökan", isPublic: false,
                               proposedDecision: "HEMLIGT förslag om 19800101-1234"),
                ], for: coming.id!)
                later.append("/sammantraden/\(coming.id!.rawValue)")
            }
        }
        for id in [meeting, pdfMeeting] {
            routes.append("/sammantraden/\(id.rawValue)")
            for number in 1...3 { routes.append("/sammantraden/\(id.rawValue)/paragrafer/\(number)") }
            for document in try await store.documents(forMeeting: id) { routes.append("/handlingar/\(document.id!.rawValue)") }
        }
        return routes + later
    }

    @Test("no route shows a closed paragraph or agenda item, a secret document, or a personal identity number")
    func nothingSecretOnAnyRoute() async throws {
        try await withTemporaryStore { store, _ in
            let routes = try await Self.fill(store, today: .today())
            #expect(routes.count >= 22)
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            let seen = try await app.test(.router) { client in
                var seen: [String: HTTPResponse.Status] = [:]
                for route in routes {
                    seen[route] = try await client.execute(uri: route, method: .get) { response in
                        let body = String(buffer: response.body)
                        for word in Self.secretWords {
                            #expect(!body.contains(word), "\(word) on \(route)")
                        }
                        return response.status
                    }
                }
                return seen
            }
            // The public parts are there, masked: the test would pass on empty pages otherwise.
            let meetingRoute = try #require(routes.first { $0.hasPrefix("/sammantraden/") && !$0.contains("paragrafer") })
            #expect(seen[meetingRoute] == .ok)
            #expect(seen[meetingRoute + "/paragrafer/1"] == .ok)
            #expect(seen[meetingRoute + "/paragrafer/2"] == .notFound, "a closed paragraph has no page")
            // Loops, not closures: Swift 6.3.1's debug build gave this filter the closure of the
            // `routes.first` above (it returned the meeting routes).
            var feeds: [String] = [], files: [String] = []
            for route in routes {
                if route.hasSuffix(".atom") || route.hasSuffix(".ics") { feeds.append(route) }
                if route.hasPrefix("/handlingar/") { files.append(route) }
            }
            #expect(feeds.count == 3 && feeds.allSatisfy { seen[$0] == .ok }, "the feeds answer")
            #expect(files.map { seen[$0] }.contains(.ok), "the text file is served, masked")
            #expect(files.map { seen[$0] }.contains(.forbidden), "the PDF holding a number is withheld")
            #expect(files.map { seen[$0] }.contains(.notFound), "the secret document does not exist for the public")
            try await app.test(.router) { client in
                try await client.execute(uri: meetingRoute + "/paragrafer/1", method: .get) { response in
                    #expect(String(buffer: response.body).contains("Färdtjänst beviljas sökanden [personnummer]."))
                }
                // The decisions feed has the public paragraph, masked, and not the closed one.
                let feed = try #require(routes.first { $0.hasSuffix("beslut.atom") })
                try await client.execute(uri: feed, method: .get) { response in
                    let xml = String(buffer: response.body)
                    #expect(xml.contains("<title>§ 1 Ansökan om färdtjänst</title>") && !xml.contains("§ 2 "))
                    #expect(xml.contains("Färdtjänst beviljas sökanden [personnummer]."))
                }
                // The notice board's feed has the notice posted today, with where the minutes are kept, masked.
                try await client.execute(uri: "/anslagstavla.atom", method: .get) { response in
                    let xml = String(buffer: response.body)
                    #expect(xml.contains("Protokoll från Socialnämnden, Ale") && xml.contains("Sista dag att överklaga"))
                    #expect(xml.contains("Kansliet, [personnummer]"))
                }
            }
        }
    }

    @Test("the open data API, crawled from its root through every link it gives, shows nothing secret")
    func nothingSecretInTheAPI() async throws {
        try await withTemporaryStore { store, _ in
            _ = try await Self.fill(store, today: .today())
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            try await app.test(.router) { client in
                var queue = ["/oparl/v1/system"], seen = Set<String>(), bodies: [String] = []
                while let route = queue.first, seen.count < 400 {
                    queue.removeFirst()
                    guard seen.insert(route).inserted else { continue }
                    let body = try await client.execute(uri: route, method: .get) { response in
                        #expect(response.status == .ok, "\(route)")
                        return String(buffer: response.body)
                    }
                    bodies.append(body)
                    for word in Self.secretWords { #expect(!body.contains(word), "\(word) in \(route)") }
                    // Every address the API gives is followed (ids, lists, the next pages).
                    let object = try JSONSerialization.jsonObject(with: Data(body.utf8))
                    func links(_ value: Any) -> [String] {
                        switch value {
                        case let text as String:
                            guard text.hasPrefix("http://"), let path = text.range(of: "/oparl/") else { return [] }
                            return [String(text[path.lowerBound...])]
                        case let array as [Any]: return array.flatMap(links)
                        case let dictionary as [String: Any]: return dictionary.values.flatMap(links)
                        default: return []
                        }
                    }
                    queue += links(object).filter { !seen.contains($0) }
                }
                #expect(queue.isEmpty, "the crawl ended")
                let all = bodies.joined(separator: "\n")
                // The crawl reached the paragraphs: the public one masked, the closed one as closed only.
                #expect(all.contains("Färdtjänst beviljas sökanden [personnummer]."))
                #expect(all.contains("\"number\":\"§ 2\",\"order\":2,\"public\":false"), "the closed paragraph says only that it exists")
                #expect(seen.contains { $0.hasPrefix("/oparl/v1/files/") }, "files were reached")
                // A coming meeting's agenda: the public point with its proposal, the closed one as closed only.
                #expect(all.contains("\"paragraf:proposedDecision\":\"Nämnden fastställer budgeten.\""))
                #expect(seen.contains { $0.hasSuffix("/agendaitems/2") && $0.hasPrefix("/oparl/v1/meetings/") })
            }
        }
    }
}
