import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafRender
import ParagrafStore
@testable import ParagrafWeb
import Testing

@Suite("HTTP application")
struct WebTests {
    @Test func healthAnswers() async throws {
        try await withTemporaryStore { store, _ in
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            try await app.test(.router) { client in
                try await client.execute(uri: "/health", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("\"status\":\"ok\""))
                }
            }
        }
    }

    @Test("the start page lists the store's committees and meetings")
    func startPageFromStore() async throws {
        try await withTemporaryStore { store, _ in
            let m = try await store.save(Municipality(name: "Borås"))
            let ks = try await store.save(Committee(municipalityID: m.id!, name: "Kommunstyrelsen", kind: .styrelse))
            _ = try await store.save(Committee(municipalityID: m.id!, name: "Arbetslivsnämnden", kind: .namnd))
            _ = try await store.save(Committee(municipalityID: m.id!, name: "Kommunstyrelsens arbetsutskott", kind: .utskott, parentID: ks.id))
            let today = LocalDate.today()
            _ = try await store.save(Meeting(committeeID: ks.id!, date: today.adding(days: 7), startTime: LocalTime("09:00"),
                                             place: "Stadshuset <sal 1>"))
            _ = try await store.save(Meeting(committeeID: ks.id!, date: today.adding(days: -7), state: .held))
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            try await app.test(.router) { client in
                try await client.execute(uri: "/", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    let html = String(buffer: response.body)
                    #expect(html.contains("<html lang=\"sv\">"))
                    #expect(html.contains("Arbetslivsnämnden"))
                    #expect(html.contains("Kommunstyrelsens arbetsutskott"))
                    #expect(html.contains("under Kommunstyrelsen"))
                    #expect(html.contains("Kommande sammanträden"))
                    #expect(html.contains(SwedishFormat.longDate(today.adding(days: 7))))
                    #expect(html.contains("Stadshuset &lt;sal 1&gt;"), "text is escaped")
                    #expect(!html.contains("<sal 1>"))
                }
                try await client.execute(uri: "/finns-inte", method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(String(buffer: response.body).contains("Sidan finns inte"))
                }
            }
        }
    }

    @Test("an empty store says how to fill it")
    func emptyStartPage() async throws {
        try await withTemporaryStore { store, _ in
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            try await app.test(.router) { client in
                try await client.execute(uri: "/", method: .get) { response in
                    #expect(String(buffer: response.body).contains("paragraf demo"))
                }
            }
        }
    }

    @Test("start page HTML snapshot")
    func startPageSnapshot() async throws {
        let renderer = try await PageRenderer.load()
        let meeting = Meeting(id: MeetingID(7), committeeID: CommitteeID(1), date: LocalDate(iso: "2024-04-16")!, startTime: LocalTime("17:00"),
                              endTime: LocalTime("17:59"), place: "Arbetslivsförvaltningen, Österlånggatan 74", state: .announced)
        let row = StartPage.MeetingRow(committee: "Arbetslivsnämnden", meeting: meeting)
        let page = StartPage(
            municipalities: [StartPage.MunicipalitySection(name: "Borås", committees: [
                StartPage.CommitteeRow(name: "Arbetslivsnämnden", kind: .namnd, parent: nil, years: [.init(year: 2024, meetings: [row])]),
                StartPage.CommitteeRow(name: "Valberedningen", kind: .beredning, parent: nil, years: []),
            ])],
            upcoming: [], recent: [row])
        try assertSnapshot(try renderer.render(page), named: "start.html")
    }
}

@Suite("Swedish formats")
struct SwedishFormatTests {
    @Test func datesAndTimes() {
        #expect(SwedishFormat.longDate(LocalDate(iso: "2024-04-16")!) == "tisdag 16 april 2024")
        #expect(SwedishFormat.timeSpan(LocalTime("17:00"), LocalTime("17:59")) == "kl. 17.00–17.59")
        #expect(SwedishFormat.timeSpan(nil, nil) == nil)
        #expect(Slug.make("Barn- och utbildningsnämnden") == "barn-och-utbildningsnamnden")
        #expect(Slug.make("Älvstad") == "alvstad")
    }
}
