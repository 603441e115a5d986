import Foundation
import ParagrafCore
@testable import ParagrafStore
import Testing

@Suite("Store contract: accounts and sessions")
struct AccountContractTests {
    @Test("an account is saved with its grants whole, usernames are unique, and the log never keeps the hash",
          arguments: TestBackend.all)
    func accounts(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            let committee = f.committee.id!
            let anna = try await store.save(Account(username: "anna.berg", name: "Anna Berg",
                                                    grants: [Grant(.secretary, committee: committee), Grant(.handler, committee: committee)]),
                                            passwordHash: "$2b$04$hash-one", actor: "admin")
            #expect(try await store.account(anna.id!)?.grants.count == 2)
            #expect(try await store.passwordHash(username: "anna.berg")?.1 == "$2b$04$hash-one")

            // Saving again replaces the grants whole and keeps the password when no hash is given.
            var changed = anna
            changed.grants = [Grant(.member, committee: committee)]
            changed.person = f.persons[0].id
            _ = try await store.save(changed, passwordHash: nil, actor: "admin")
            let stored = try await store.account(username: "anna.berg")
            #expect(stored?.grants == [Grant(.member, committee: committee)])
            #expect(stored?.person == f.persons[0].id)
            #expect(try await store.passwordHash(username: "anna.berg")?.1 == "$2b$04$hash-one")

            // Another account may not take the name; nothing of the first changes.
            await #expect(throws: StoreError.self) {
                try await store.save(Account(username: "anna.berg", name: "Annan Anna"), passwordHash: "x", actor: "admin")
            }
            #expect(try await store.accounts().map(\.name) == ["Anna Berg"])
            // An account that breaks the rules is refused before anything is written.
            await #expect(throws: StoreError.self) {
                try await store.save(Account(username: "Anna Berg!", name: "A", grants: [Grant(.secretary)]), passwordHash: "x", actor: "admin")
            }

            let log = try await store.auditLog(subjectKind: "konto", subjectID: anna.id!.rawValue, limit: 10)
            #expect(log.map(\.action) == ["ändrade", "skapade"])
            #expect(log.allSatisfy { !($0.after ?? "").contains("hash") && !($0.before ?? "").contains("hash") })
            #expect(log[0].before?.contains("nämndsekreterare") == true && log[0].after?.contains("ledamot") == true)

            // A disabled account cannot sign in.
            var off = try #require(stored)
            off.disabled = true
            _ = try await store.save(off, passwordHash: nil, actor: "admin")
            #expect(try await store.passwordHash(username: "anna.berg") == nil)
            #expect(try await store.account(username: "anna.berg")?.access.allows(.attend(committee)) == false)
        }
    }

    @Test("sessions are found by key hash until they expire, and removed", arguments: TestBackend.all)
    func sessions(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let changesBefore = store.changes
            try await store.putSession(keyHash: "k1", value: "{\"a\":1}", expiresAt: "2026-12-01T10:00:00.000Z")
            try await store.putSession(keyHash: "k2", value: "{\"a\":2}", expiresAt: "2026-12-01T08:00:00.000Z")
            #expect(try await store.session(keyHash: "k1", now: "2026-12-01T09:00:00.000Z")?.value == "{\"a\":1}")
            #expect(try await store.session(keyHash: "k2", now: "2026-12-01T09:00:00.000Z") == nil, "expired")
            try await store.putSession(keyHash: "k1", value: "{\"a\":3}", expiresAt: nil)
            #expect(try await store.session(keyHash: "k1", now: "2030-01-01T00:00:00.000Z")?.value == "{\"a\":3}")
            #expect(try await store.removeExpiredSessions(now: "2026-12-01T09:00:00.000Z") == 1)
            try await store.removeSession(keyHash: "k1")
            #expect(try await store.session(keyHash: "k1", now: "2026-12-01T09:00:00.000Z") == nil)
            #expect(store.changes == changesBefore, "sessions leave the public page cache alone")
        }
    }
}
