import Foundation
import ParagrafCore
@testable import ParagrafStore
import SQLKit
import Testing

@Suite("Store contract: migrations")
struct MigrationContractTests {
    @Test(arguments: TestBackend.all)
    func migratesOnceAndRecordsIt(_ backend: TestBackend) async throws {
        try await withStore(backend, migrate: false) { store in
            let migrator = Migrator(backend: store.backend)
            let first = try await migrator.migrate()
            #expect(first.applied == Migrations.all.map(\.version))
            let again = try await migrator.migrate()
            #expect(again.applied.isEmpty, "a second run applies nothing")
            #expect(try await migrator.appliedVersions() == Migrations.all.map(\.version))
            #expect(try await count(store, "paragraphs") == 0)
        }
    }

    @Test("a migration failing half-way leaves the store as it was", arguments: TestBackend.all)
    func failedMigrationRollsBack(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let kept = try await store.save(Municipality(name: "Bollebygd"))
            let broken = Migration(version: 999, name: "broken", sql: [
                "CREATE TABLE half_done (id %ID%, note TEXT)",
                "INSERT INTO half_done (note) VALUES ('first')",
                "UPDATE municipalities SET name = 'Ändrad'",
                "THIS IS NOT SQL",
            ])
            let migrator = Migrator(backend: store.backend, migrations: Migrations.all + [broken])
            await #expect(throws: StoreError.self) { try await migrator.migrate() }
            do {
                try await migrator.migrate()
            } catch let error as StoreError {
                guard case .migrationFailed(999, "broken", _) = error else { Issue.record("wrong error \(error)"); return }
                #expect(error.description.contains("oförändrad"))
            }
            #expect(try await migrator.appliedVersions() == Migrations.all.map(\.version))
            #expect(try await store.municipalities() == [kept], "the data written before is untouched")
            await #expect(throws: (any Error).self) { try await count(store, "half_done") }
        }
    }

    @Test("a store from a newer Paragraf is refused", arguments: TestBackend.all)
    func newerSchemaRefused(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            try await store.backend.withConnection { db in
                try await db.raw("INSERT INTO paragraf_migrations (version, name, applied_at) VALUES (9999, 'framtida', 'x')").run()
            }
            await #expect(throws: StoreError.newerSchema(found: 9999, known: Migrations.all.last!.version)) {
                try await Migrator(backend: store.backend).migrate()
            }
        }
    }
}

@Suite("Store locations")
struct StoreLocationTests {
    @Test func chosenByURLOrPath() throws {
        #expect(try StoreLocation("./paragraf.sqlite") == .sqlite(path: "./paragraf.sqlite"))
        #expect(try StoreLocation("postgres://u:p@127.0.0.1:5432/db") == .postgres(url: "postgres://u:p@127.0.0.1:5432/db"))
        #expect(try StoreLocation("postgresql://u@h/db") == .postgres(url: "postgresql://u@h/db"))
        #expect(throws: StoreError.self) { try StoreLocation("mysql://h/db") }
        #expect(throws: StoreError.self) { try StoreLocation("  ") }
        #expect(StoreLocation.postgres(url: "postgres://u:hemligt@h:5432/db").description.contains("hemligt") == false)
    }

    @Test func unreachablePostgresGivesOneClearMessage() async throws {
        // Port 1 on loopback: nothing listens, so the connection is refused at once.
        do {
            _ = try await SQLStore.open(.postgres(url: "postgres://paragraf:hemligt@127.0.0.1:1/paragraf"), migrate: true, logger: quietLogger)
            Issue.record("opened an unreachable server")
        } catch let error as StoreError {
            guard case .unreachable(let where_, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(where_.contains("127.0.0.1:1"))
            #expect(!error.description.contains("hemligt"), "the password is never printed")
        }
    }

    @Test func sqliteInMissingDirectory() async throws {
        await #expect(throws: StoreError.self) {
            _ = try await SQLStore.open(.sqlite(path: "/nonexistent-\(UUID())/x.sqlite"), migrate: true, logger: quietLogger)
        }
    }
}
