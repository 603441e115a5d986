import Foundation
import ParagrafCore
@testable import ParagrafStore
import Testing

@Suite("Store contract: keeping the diary")
struct DiaryContractTests {
    @Test("a case's facts change with a log entry, its number never; documents keep their bytes; the memo is saved whole",
          arguments: TestBackend.all)
    func diary(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            let matter = try await store.register(DiarySeriesContractTests.draft(f.committee.id!, "Verksamhetsplan"), year: 2026, actor: "sara")

            var renumbered = matter
            renumbered.diaryNumber = DiaryNumber("ALN 2026-00099")!
            await #expect(throws: StoreError.self) { try await store.update(renumbered, actor: "sara") }
            var changed = matter
            changed.title = "Verksamhetsplan 2027"
            changed.status = .ready
            _ = try await store.update(changed, actor: "sara")
            _ = try await store.update(changed, actor: "sara")
            #expect(try await store.matter(matter.id!) == changed)
            let log = try await store.auditLog(subjectKind: "ärende", subjectID: matter.id!.rawValue, limit: 10)
            #expect(log.map(\.action) == ["ändrade", "registrerade"], "an update that changes nothing is not logged")

            let bytes = Array("%PDF-1.7 samma".utf8)
            let one = try await store.attach(Document(caseID: matter.id, kind: .bilaga, title: "Bilaga 1",
                                                      file: StoredFile(fileName: "a.pdf", mediaType: "application/pdf", sha256: "", byteCount: 0)),
                                             content: bytes, actor: "sara")
            let two = try await store.attach(Document(caseID: matter.id, kind: .bilaga, title: "Samma fil igen"), content: bytes, actor: "sara")
            #expect(one.file?.sha256 == two.file?.sha256 && one.file?.byteCount == bytes.count)
            #expect(try await store.sourceFile(sha256: one.file!.sha256) == Data(bytes))
            #expect(try await store.documents(for: matter.id!).map(\.title) == ["Bilaga 1", "Samma fil igen"])
            await #expect(throws: StoreError.self) {
                try await store.attach(Document(caseID: CaseID(987_654), kind: .bilaga, title: "Vilse"), content: bytes, actor: "sara")
            }

            let memo = Memo(caseID: matter.id!, author: "Hanna", date: day("2026-11-30"), summary: "Plan.", proposedClauses: ["godkänna planen"],
                            basis: ["Tjänsteskrivelse"], recipients: ["Kommunstyrelsen"])
            _ = try await store.save(memo, actor: "hanna")
            var second = memo
            second.proposedClauses.append("lägga rapporten till handlingarna")
            _ = try await store.save(second, actor: "hanna")
            #expect(try await store.memo(for: matter.id!) == second)
            await #expect(throws: StoreError.self) {
                try await store.save(Memo(caseID: matter.id!, author: "H", date: day("2026-11-30"), summary: " ", proposedClauses: []), actor: "hanna")
            }
            #expect(try await store.memo(for: matter.id!) == second, "a refused memo changes nothing")
            let actions = try await store.auditLog(subjectKind: "ärende", subjectID: matter.id!.rawValue, limit: 10).map(\.action)
            #expect(actions.prefix(4) == ["ändrade tjänsteskrivelse", "skrev tjänsteskrivelse", "bifogade handling", "bifogade handling"])
        }
    }
}
