import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafRender
import ParagrafStore
@testable import ParagrafWeb
import Testing

@Suite("Open data (OParl 1.1)")
struct OpenDataTests {
    typealias JSON = [String: Any]

    static func get(_ client: some TestClientProtocol, _ uri: String, status: HTTPResponse.Status = .ok) async throws -> JSON {
        try await client.execute(uri: uri, method: .get) { response in
            #expect(response.status == status, "\(uri)")
            #expect(response.headers[.accessControlAllowOrigin] == "*", "CORS on \(uri)")
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            return try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? JSON ?? [:]
        }
    }

    /// The path of an absolute API address.
    static func path(_ url: Any?) -> String {
        guard let url = url as? String, let range = url.range(of: "/oparl/") else { return "/saknas" }
        return String(url[range.lowerBound...])
    }

    @Test("times are Swedish local time with the day's offset")
    func offsets() {
        #expect(OParl.dateTime(day("2024-01-16"), LocalTime("17:00")!) == "2024-01-16T17:00:00+01:00")
        #expect(OParl.dateTime(day("2024-04-16"), LocalTime("09:30")!) == "2024-04-16T09:30:00+02:00")
    }

    @Test("from the system object to every kind of object: required fields, lists with pages, the Swedish extensions")
    func walkTheDemoMunicipality() async throws {
        try await withTemporaryStore { store, _ in
            let today = day("2024-12-01")
            _ = try await DemoGenerator(seed: 3, scale: 1, year: 2024, today: today).run(into: store)
            // The demo has no diary; the seeds' cases are the papers.
            #expect(await ImportRun(store: store).run(try seedFiles()).failures == 0)
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            try await app.test(.router) { client in
                let system = try await Self.get(client, "/oparl/v1/system")
                #expect(system["type"] as? String == "https://schema.oparl.org/1.1/System")
                #expect(system["oparlVersion"] as? String == "https://schema.oparl.org/1.1/")
                let bodies = try await Self.get(client, Self.path(system["body"]))
                #expect((bodies["pagination"] as? JSON)?["totalElements"] as? Int == 5, "the demo municipality and the seeds' four")
                let body = try #require((bodies["data"] as? [JSON])?.first)
                #expect(body["type"] as? String == "https://schema.oparl.org/1.1/Body")
                for key in ["id", "name", "organization", "person", "meeting", "paper", "legislativeTerm", "created", "modified"] {
                    #expect(body[key] != nil, "Body.\(key)")
                }
                #expect(try await Self.get(client, Self.path(body["id"]))["name"] as? String == body["name"] as? String)

                // Organizations and their members.
                let organizations = try await Self.get(client, Self.path(body["organization"]))
                let committees = try #require(organizations["data"] as? [JSON])
                #expect(committees.count >= 5)
                let withMembers = try #require(committees.first { ($0["membership"] as? [String])?.isEmpty == false })
                let membership = try await Self.get(client, Self.path((withMembers["membership"] as? [String])?.first))
                #expect(membership["organization"] as? String == withMembers["id"] as? String)
                let person = try await Self.get(client, Self.path(membership["person"]))
                #expect((person["membership"] as? [JSON])?.contains { $0["id"] as? String == membership["id"] as? String } == true)

                // Meetings, a page at a time, with their paragraphs and what Swedish minutes add.
                let firstPage = try await Self.get(client, Self.path(body["meeting"]) + "?limit=2")
                let pagination = try #require(firstPage["pagination"] as? JSON)
                let total = try #require(pagination["totalElements"] as? Int)
                #expect(total > 4 && pagination["totalPages"] as? Int == (total + 1) / 2 && pagination["elementsPerPage"] as? Int == 2)
                let links = try #require(firstPage["links"] as? JSON)
                #expect(links["prev"] == nil && links["next"] != nil)
                let second = try await Self.get(client, Self.path(links["next"]))
                #expect((second["pagination"] as? JSON)?["currentPage"] as? Int == 2)
                #expect(Set(((firstPage["data"] as? [JSON]) ?? []).compactMap { $0["id"] as? String })
                    .isDisjoint(with: ((second["data"] as? [JSON]) ?? []).compactMap { $0["id"] as? String }))
                let items = try await Self.get(client, Self.path(body["agendaItem"]) + "?limit=1000")
                let paragraphs = try #require(items["data"] as? [JSON])
                let voted = try #require(paragraphs.first { ($0["paragraf:votes"] as? [JSON])?.isEmpty == false },
                                         "the demo has roll-call votes")
                let vote = try #require((voted["paragraf:votes"] as? [JSON])?.first)
                let counts = try #require(vote["counts"] as? [JSON])
                let ballots = try #require(vote["votes"] as? [JSON])
                #expect(counts.compactMap { $0["value"] as? Int }.reduce(0, +) == ballots.count, "the counts add up to the ballots")
                #expect(ballots.allSatisfy { ["ja", "nej", "avstår"].contains($0["option"] as? String ?? "") })
                #expect(paragraphs.contains { ($0["paragraf:reservations"] as? [JSON])?.isEmpty == false })
                #expect(paragraphs.contains { ($0["paragraf:proposals"] as? [JSON])?.isEmpty == false })
                let meeting = try await Self.get(client, Self.path(voted["meeting"]))
                let start = try #require(meeting["start"] as? String)
                #expect(start.hasSuffix("+01:00") || start.hasSuffix("+02:00"), "Swedish time with its offset: \(start)")
                #expect((meeting["agendaItem"] as? [JSON])?.contains { $0["id"] as? String == voted["id"] as? String } == true)
                #expect(try await Self.get(client, Self.path(voted["id"]))["number"] as? String == voted["number"] as? String)

                // A coming meeting has its agenda, with the proposed decisions, each point its own object.
                var planned: JSON? = nil
                var page = Self.path(body["meeting"]) + "?limit=100"
                while planned == nil, page != "/saknas" {
                    let list = try await Self.get(client, page)
                    planned = ((list["data"] as? [JSON]) ?? []).lazy.compactMap { ($0["agendaItem"] as? [JSON])?.first }
                        .first { ($0["id"] as? String)?.contains("/meetings/") == true }
                    page = Self.path((list["links"] as? JSON)?["next"])
                }
                let point = try #require(planned, "a planned meeting with an agenda")
                #expect(try await Self.get(client, Self.path(point["id"]))["name"] as? String == point["name"] as? String)

                // Papers (cases) with where they were decided.
                var papers: [JSON] = []
                for b in (bodies["data"] as? [JSON]) ?? [] {
                    papers += try await Self.get(client, Self.path(b["paper"]) + "?limit=1000")["data"] as? [JSON] ?? []
                }
                let decided = try #require(papers.first { ($0["consultation"] as? [JSON])?.isEmpty == false })
                let consultation = try #require((decided["consultation"] as? [JSON])?.first)
                #expect(consultation["paper"] as? String == decided["id"] as? String)
                #expect(try await Self.get(client, Self.path(consultation["id"]))["agendaItem"] as? String == consultation["agendaItem"] as? String)

                // Synchronising: nothing changed after the last change; a time that cannot be read is refused in Swedish.
                let later = try await Self.get(client, Self.path(body["meeting"]) + "?modified_since=2999-01-01T00:00:00Z")
                #expect((later["pagination"] as? JSON)?["totalElements"] as? Int == 0)
                let all = try await Self.get(client, Self.path(body["meeting"]) + "?created_since=2000-01-01")
                #expect((all["pagination"] as? JSON)?["totalElements"] as? Int == total)
                let refused = try await Self.get(client, Self.path(body["meeting"]) + "?created_since=ig%C3%A5r", status: .badRequest)
                #expect((refused["message"] as? String)?.contains("created_since=igår är ingen tidpunkt") == true)
                _ = try await Self.get(client, "/oparl/v1/meetings/999999", status: .notFound)
                _ = try await Self.get(client, "/oparl/v1/bodies/999999/meetings", status: .notFound)

                // The description of it all.
                try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                    let text = String(buffer: response.body)
                    #expect(response.status == .ok && text.hasPrefix("openapi: 3.1.0"))
                    #expect(text.contains("/bodies/{body}/{list}") && text.contains("paragraf:votes"))
                }
            }
        }
    }
}
