import Foundation
import ParagrafCore
@testable import ParagrafStore
import SQLKit
import Testing

@Suite("Store contract: audit log")
struct AuditContractTests {
    @Test("entries come back newest first, by record; the database refuses to change or delete one", arguments: TestBackend.all)
    func appendOnly(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let first = try await store.record(AuditEntry(at: Timestamp.now(), actor: "Karin Ek (nämndsekreterare)", action: "registrerade",
                                                          subjectKind: "ärende", subjectID: 7, after: #"{"title":"Budget 2025"}"#))
            _ = try await store.record(AuditEntry(at: Timestamp.now(), actor: "Karin Ek (nämndsekreterare)", action: "ändrade",
                                                  subjectKind: "ärende", subjectID: 7, before: #"{"title":"Budget 2025"}"#,
                                                  after: #"{"title":"Budget 2026"}"#))
            _ = try await store.record(AuditEntry(at: Timestamp.now(), actor: "Per Holm (administratör)", action: "kallade",
                                                  subjectKind: "sammanträde", subjectID: 3))
            let matter = try await store.auditLog(subjectKind: "ärende", subjectID: 7, limit: 100)
            #expect(matter.map(\.action) == ["ändrade", "registrerade"])
            #expect(matter[0].before == #"{"title":"Budget 2025"}"# && matter[0].after == #"{"title":"Budget 2026"}"#)
            #expect(try await store.auditLog(subjectKind: nil, subjectID: nil, limit: 2).map(\.action) == ["kallade", "ändrade"])

            let id = try #require(first.id)
            await #expect(throws: (any Error).self) {
                try await store.write { db in try await db.raw("UPDATE audit_log SET actor = 'någon annan' WHERE id = \(bind: id)").run() }
            }
            await #expect(throws: (any Error).self) {
                try await store.write { db in try await db.raw("DELETE FROM audit_log WHERE id = \(bind: id)").run() }
            }
            let after = try await store.auditLog(subjectKind: "ärende", subjectID: 7, limit: 100)
            #expect(after == matter, "nothing changed")
            if backend == .postgres {
                await #expect(throws: (any Error).self) { try await store.write { db in try await db.raw("TRUNCATE audit_log").run() } }
                #expect(try await store.auditLog(subjectKind: nil, subjectID: nil, limit: 10).count == 3)
            }
        }
    }
}
