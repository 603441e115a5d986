import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafStore
@testable import ParagrafWeb
import Synchronization
import Testing

@Suite("Kept pages")
struct PageCacheTests {
    @Test("a page is made once while nothing changes, again after a write or when it has grown old")
    func reuse() async throws {
        let made = Atomic<Int>(0)
        let cache = PageCache(lifetime: .milliseconds(200), capacity: 2)
        func page(_ key: String, _ changes: Int) async throws -> String {
            try await cache.page(key, changes: changes) { "\(key) #\(made.add(1, ordering: .relaxed).newValue)" }
        }
        #expect(try await page("/a", 1) == "/a #1")
        #expect(try await page("/a", 1) == "/a #1", "kept")
        #expect(try await page("/a", 2) == "/a #2", "a write in between")
        #expect(try await page("/b", 2) == "/b #3")
        #expect(try await page("/c", 2) == "/c #4", "past capacity the kept pages are dropped")
        #expect(try await page("/a", 2) == "/a #5")
        try await Task.sleep(for: .milliseconds(250))
        #expect(try await page("/a", 2) == "/a #6", "grown old")
        await #expect(throws: HTTPError.self) { try await cache.page("/x", changes: 2) { throw HTTPError(.notFound) } }
        #expect(try await page("/x", 2) == "/x #7", "a failure is not kept")
    }

    @Test("a paragraph's page shows a change to the minutes at once")
    func writesShowAtOnce() async throws {
        try await withTemporaryStore { store, _ in
            #expect(await ImportRun(store: store).run(try seedFiles()).failures == 0)
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            let borås = try #require(try await store.municipality(named: "Borås"))
            let committee = try #require(try await store.committees(in: borås.id!).first)
            let meeting = try #require(try await store.meetings(of: committee.id!, year: 2024).first)
            let uri = "/sammantraden/\(meeting.id!.rawValue)/paragrafer/34"
            try await app.test(.router) { client in
                let before = try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) }
                #expect(try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) } == before)
                var minutes = try #require(try await store.minutes(for: meeting.id!))
                let index = try #require(minutes.paragraphs.firstIndex { $0.number == 34 })
                minutes.paragraphs[index].title = "Budgetuppföljning, rättad rubrik"
                _ = try await store.save(minutes)
                let after = try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) }
                #expect(after.contains("Budgetuppföljning, rättad rubrik") && after != before)
            }
        }
    }
}
