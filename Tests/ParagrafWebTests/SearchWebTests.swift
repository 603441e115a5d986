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
                    #expect(html.contains("träffar."))
                    #expect(html.contains("<strong>Beslut</strong>"), "each hit says what kind of text it is")
                }
                // Narrowed to decisions of one committee: the facet's link is the way there.
                try await client.execute(uri: "/sok?q=n%C3%A4mnd&typ=beslut", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("Avgränsat till:") && html.contains("Ta bort avgränsningen Beslut"))
                    #expect(!html.contains("<strong>Yrkande</strong>") && !html.contains("<strong>Handling</strong>"))
                    let link = try #require(html.range(of: "href=\"/sok?q=n%C3%A4mnd&amp;namnd=")
                        .map { html[$0.upperBound...].prefix { $0.isNumber } })
                    try await client.execute(uri: "/sok?q=n%C3%A4mnd&typ=beslut&namnd=\(link)", method: .get) { narrowed in
                        let page = String(buffer: narrowed.body)
                        #expect(page.contains("Nämnd: "), "the chosen committee is named")
                        // The hits are of that committee only.
                        let places = Set(page.components(separatedBy: "</strong> · ").dropFirst().map { $0.components(separatedBy: ", <time").first ?? "" })
                        #expect(places.count == 1, "\(places)")
                        #expect(page.contains("Nämnd: \(places.first?.components(separatedBy: ",").first ?? "-")"))
                    }
                }
                // What cannot be read is said, and the rest of the search still runs.
                try await client.execute(uri: "/sok?q=n%C3%A4mnd&fran=16%20april&typ=protokoll&klass=abc", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok)
                    #expect(html.contains("Från-datumet ”16 april” kunde inte läsas. Skriv det som ÅÅÅÅ-MM-DD"))
                    #expect(html.contains("Typen ”protokoll” finns inte"))
                    #expect(html.contains("Klassificeringen ”abc” kunde inte läsas"))
                    #expect(html.contains("träffar."))
                }
                try await client.execute(uri: "/sok?q=-budget", method: .get) { response in
                    #expect(String(buffer: response.body).contains("Skriv minst ett ord som ska finnas med"))
                }
                // As a browser sends a form: words joined by +, a plus itself as %2B.
                try await client.execute(uri: "/sok?q=%22ekonomiskt+bist%C3%A5nd%22&typ=beslut", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("value=\"&quot;ekonomiskt bistånd&quot;\""), "the query comes back as typed")
                    #expect(!html.contains("Inga träffar"))
                }
                #expect(FormParameters(query: "q=a+b%2Bc&typ=beslut&typ=yrkande&tom=&x").getAll("typ") == ["beslut", "yrkande"])
                #expect(FormParameters(query: "q=a+b%2Bc%C3%A4&bad=%zz").get("q") == "a b+cä")
                #expect(FormParameters(query: "q=a+b%2Bc%C3%A4&bad=%zz").get("bad") == "%zz")
                #expect(FormParameters(query: nil).get("q") == nil)
                // A phrase: only where the words stand together.
                try await client.execute(uri: "/sok?q=%22ekonomiskt%20bist%C3%A5nd%22", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("träff"))
                    #expect(html.lowercased().contains("<mark>ekonomiskt</mark> <mark>bistånd</mark>"))
                }
                try await client.execute(uri: "/sok?q=budgetuppf%C3%B6ljning", method: .get) { response in
                    #expect(String(buffer: response.body).contains("Budgetuppföljning efter mars 2024"))
                }
                try await client.execute(uri: "/sok?q=xyzzyfinnsinte", method: .get) { response in
                    #expect(String(buffer: response.body).contains("Inga träffar."))
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
        let facets = SearchFacets(kinds: [.decision: 18, .proposal: 3],
                                  committees: [.init(id: CommitteeID(3), name: "Arbetslivsnämnden", municipality: "Borås", count: 21)],
                                  years: [(year: 2024, count: 15), (year: 2023, count: 6)])
        let page = SearchPage(query: "nämnd", filters: SearchFilters(from: LocalDate(iso: "2023-01-01"), kinds: [.decision, .proposal]),
                              results: SearchResults(hits: [hit], total: 21, facets: facets),
                              snippets: [[.init(text: "Arbetslivsnämnden", hit: true), .init(text: " godkänner budgetuppföljningen.", hit: false)]],
                              page: 2, pageSize: 20)
        try assertSnapshot(try renderer.render(page), named: "sok.html")
    }
}
