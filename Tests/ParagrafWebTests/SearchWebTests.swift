import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafRender
import ParagrafStore
@testable import ParagrafWeb
import Testing

@Suite("Search pages")
struct SearchWebTests {
    @Test("/sok?q=nämnd over the imported seeds finds Arbetslivsnämndens and Arbetsmarknadsnämndens decisions")
    func searchTheSeeds() async throws {
        try await withTemporaryStore { store, _ in
            let summary = await ImportRun(store: store).run(try seedFiles())
            #expect(summary.failures == 0)
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            try await app.test(.router) { client in
                try await client.execute(uri: "/sok?q=n%C3%A4mnd", method: .get) { response in
                    #expect(response.status == .ok)
                    let html = String(buffer: response.body)
                    #expect(html.contains("Arbetslivsnämnden, Borås"))
                    #expect(html.contains("Arbetsmarknadsnämnden, Stockholm"))
                    #expect(html.contains("<mark>"), "what was found is marked")
                    #expect(html.contains("beslut hittades"))
                }
                try await client.execute(uri: "/sok?q=budgetuppf%C3%B6ljning", method: .get) { response in
                    #expect(String(buffer: response.body).contains("Budgetuppföljning efter mars 2024"))
                }
                try await client.execute(uri: "/sok?q=xyzzyfinnsinte", method: .get) { response in
                    #expect(String(buffer: response.body).contains("Inga beslut hittades."))
                }
                try await client.execute(uri: "/sok", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok && html.contains("<label for=\"q\">") && !html.contains("hittades"))
                }
                // A diary number goes to its case.
                try await client.execute(uri: "/sok?q=ALN%202024-00029", method: .get) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location]?.hasPrefix("/arenden?dnr=") == true)
                }
            }
        }
    }

    @Test("search page HTML snapshot, with a second page")
    func snapshot() async throws {
        let renderer = try await PageRenderer.load()
        let hit = SearchHit(paragraphID: ParagraphID(1), meetingID: MeetingID(7), number: 34, title: "Budgetuppföljning efter mars 2024",
                            body: "Arbetslivsnämnden godkänner budgetuppföljningen.", committee: "Arbetslivsnämnden",
                            municipality: "Borås", meeting: .on(LocalDate(iso: "2024-04-16")!))
        let page = SearchPage(query: "nämnd", results: SearchResults(hits: [hit], total: 21),
                              snippets: [[.init(text: "Arbetslivsnämnden", hit: true), .init(text: " godkänner budgetuppföljningen.", hit: false)]],
                              page: 2, pageSize: 20)
        try assertSnapshot(try renderer.render(page), named: "sok.html")
    }
}
