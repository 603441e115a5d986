import Crypto
import Foundation
import ParagrafCore
import SQLKit

extension SQLStore {
    public func update(_ matter: Case, actor: String) async throws -> Case {
        guard let id = matter.id else { throw StoreError.invalid("ärendet är inte registrerat") }
        guard let before = try await self.matter(id) else { throw StoreError.notFound("ärende \(id.rawValue)") }
        guard before.diaryNumber.caseNumber == matter.diaryNumber.caseNumber, before.committeeID == matter.committeeID else {
            throw StoreError.invalid("ett ärendes diarienummer och nämnd ändras inte; registrera ett nytt ärende i stället")
        }
        guard before != matter else { return before }
        try await write { db in
            try await db.updateByID("cases", id: id.rawValue, Self.caseRow(matter))
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor, action: "ändrade", subjectKind: "ärende",
                                                 subjectID: id.rawValue, before: try JSONText.encode(before),
                                                 after: try JSONText.encode(matter)), db: db)
        }
        return matter
    }

    public func attach(_ document: Document, content: [UInt8], actor: String) async throws -> Document {
        guard let caseID = document.caseID, document.id == nil else { throw StoreError.invalid("handlingen hör inte till ett ärende") }
        let sha = SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
        var withFile = document
        let file = StoredFile(fileName: document.file?.fileName ?? "handling.pdf", mediaType: document.file?.mediaType ?? "application/pdf",
                              sha256: sha, byteCount: content.count)
        withFile.file = file
        let attached = withFile
        let row = Self.documentRow(attached)
        let id = try await write { db in
            guard try await db.select().column("id").from("cases").where("id", .equal, SQLBind(caseID.rawValue)).first() != nil else {
                throw StoreError.notFound("ärende \(caseID.rawValue)")
            }
            try await db.keepFile(sha256: sha, mediaType: file.mediaType, content: Data(content))
            let id = try await db.insertReturningID("documents", row)
            var logged = attached
            logged.id = DocumentID(id)
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor, action: "bifogade handling", subjectKind: "ärende",
                                                 subjectID: caseID.rawValue, after: try JSONText.encode(logged)), db: db)
            return id
        }
        withFile.id = DocumentID(id)
        return withFile
    }

    public func save(_ memo: Memo, actor: String) async throws -> Memo {
        let problems = memo.problems
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        let before = try await self.memo(for: memo.caseID)
        guard before != memo else { return memo }
        let row = Row([("author", memo.author), ("date", memo.date.iso), ("summary", memo.summary),
                       ("proposed_clauses", try JSONText.encode(memo.proposedClauses)), ("basis", try JSONText.encode(memo.basis)),
                       ("recipients", try JSONText.encode(memo.recipients)), ("modified_at", Timestamp.now())])
        try await write { db in
            guard try await db.select().column("id").from("cases").where("id", .equal, SQLBind(memo.caseID.rawValue)).first() != nil else {
                throw StoreError.notFound("ärende \(memo.caseID.rawValue)")
            }
            if before == nil {
                try await db.insert(into: "memos").columns(["case_id", "created_at"] + row.columns)
                    .values([SQLBind(memo.caseID.rawValue), SQLBind(Timestamp.now())] + row.binds).run()
            } else {
                var update = db.update("memos")
                for (column, value) in row.pairs { update = update.set(SQLIdentifier(column), to: SQLBind(value)) }
                try await update.where("case_id", .equal, SQLBind(memo.caseID.rawValue)).run()
            }
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor,
                                                 action: before == nil ? "skrev tjänsteskrivelse" : "ändrade tjänsteskrivelse",
                                                 subjectKind: "ärende", subjectID: memo.caseID.rawValue,
                                                 before: try before.map { try JSONText.encode($0) }, after: try JSONText.encode(memo)), db: db)
        }
        return memo
    }

    public func memo(for matter: CaseID) async throws -> Memo? {
        try await read { db in
            guard let row = try await db.select().column("*").from("memos").where("case_id", .equal, SQLBind(matter.rawValue)).first() else {
                return nil
            }
            return Memo(caseID: matter, author: try row.string("author"), date: try row.date("date"), summary: try row.string("summary"),
                        proposedClauses: try JSONText.decode([String].self, try row.string("proposed_clauses")),
                        basis: try JSONText.decode([String].self, try row.string("basis")),
                        recipients: try JSONText.decode([String].self, try row.string("recipients")))
        }
    }
}
