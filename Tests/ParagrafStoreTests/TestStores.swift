import Foundation
import Logging
import ParagrafCore
@testable import ParagrafStore
import SQLKit
import Testing

/// The backends the contract suite runs against. PostgreSQL runs when
/// `PARAGRAF_TEST_POSTGRES_URL` names a server (scripts/test starts one); under CI it must.
enum TestBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["PARAGRAF_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// SQLite always; PostgreSQL when configured, and under CI always (failing loudly if it is not).
    static var all: [TestBackend] {
        postgresURL != nil || isCI ? [.sqlite, .postgres] : [.sqlite]
    }
}

let quietLogger: Logger = {
    var logger = Logger(label: "paragraf.test")
    logger.logLevel = .warning
    return logger
}()

/// A fresh, migrated, empty store for one test, removed afterwards.
func withStore<R>(_ backend: TestBackend, migrate: Bool = true,
                  _ body: (SQLStore) async throws -> R) async throws -> R {
    let scratch = try await ScratchDatabase.make(backend)
    let store = try await SQLStore.open(scratch.location, migrate: migrate, logger: quietLogger)
    do {
        let result = try await body(store)
        await store.close()
        await scratch.drop()
        return result
    } catch {
        await store.close()
        await scratch.drop()
        throw error
    }
}

struct ScratchDatabase {
    let location: StoreLocation
    let drop: @Sendable () async -> Void

    static func make(_ backend: TestBackend) async throws -> ScratchDatabase {
        switch backend {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            return ScratchDatabase(location: .sqlite(path: dir.appendingPathComponent("test.sqlite").path)) {
                try? FileManager.default.removeItem(at: dir)
            }
        case .postgres:
            guard let url = TestBackend.postgresURL else {
                Issue.record("CI must run the contract suite on PostgreSQL: set PARAGRAF_TEST_POSTGRES_URL (scripts/test does).")
                throw StoreError.invalid("PARAGRAF_TEST_POSTGRES_URL saknas")
            }
            let name = "paragraf_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let admin = try await PostgresBackend.open(url: url, logger: quietLogger)
            try await admin.withConnection { db in try await db.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            await admin.shutdown()
            var components = URLComponents(string: url)!
            components.path = "/" + name
            return ScratchDatabase(location: .postgres(url: components.string!)) {
                guard let admin = try? await PostgresBackend.open(url: url, logger: quietLogger) else { return }
                _ = try? await admin.withConnection { db in try await db.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run() }
                await admin.shutdown()
            }
        }
    }
}

func day(_ s: String) -> LocalDate { LocalDate(iso: s)! }

/// Counts rows of a table, for checking that nothing is left behind or half-written.
func count(_ store: SQLStore, _ table: String) async throws -> Int {
    try await store.backend.withConnection { db in
        try await db.raw("SELECT count(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
    }
}

/// A small municipality with one committee, its persons and a meeting, for tests that need them.
struct Fixture {
    var municipality: Municipality
    var committee: Committee
    var persons: [Person]
    var meeting: Meeting

    static func make(_ store: SQLStore, name: String = "Borås", date: String = "2024-04-16") async throws -> Fixture {
        let m = try await store.save(Municipality(name: name, code: "1490"))
        let c = try await store.save(Committee(municipalityID: m.id!, name: "Arbetslivsnämnden", kind: .namnd, abbreviation: "ALN"))
        var persons: [Person] = []
        for (n, party) in [("Mattias Danielsson", "C"), ("Marie Samuelsson", "S"), ("Birgitta Bergman", "M"),
                           ("Crister Spets", "SD"), ("Sofia Bryngelsson", "V")] {
            persons.append(try await store.save(Person(municipalityID: m.id!, name: n, party: party)))
        }
        let meeting = try await store.save(Meeting(committeeID: c.id!, date: day(date), startTime: LocalTime("17:00"),
                                                   endTime: LocalTime("17:59"), place: "Österlånggatan 74", state: .held))
        return Fixture(municipality: m, committee: c, persons: persons, meeting: meeting)
    }

    func ref(_ i: Int) -> PersonRef { PersonRef(personID: persons[i].id, name: persons[i].name, party: persons[i].party) }
}
