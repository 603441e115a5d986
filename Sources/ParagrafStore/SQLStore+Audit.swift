import ParagrafCore
import SQLKit

extension SQLStore {
    /// Appends an entry in a transaction of its own and returns it with its id.
    public func record(_ entry: AuditEntry) async throws -> AuditEntry {
        try await write { db in try await Self.record(entry, db: db) }
    }

    /// Appends an entry inside the caller's transaction: the change and its entry are stored together or not at all.
    static func record(_ entry: AuditEntry, db: any SQLDatabase) async throws -> AuditEntry {
        var saved = entry
        saved.id = try await db.insertReturningID("audit_log", Row([
            ("at", entry.at), ("actor", entry.actor), ("action", entry.action), ("subject_kind", entry.subjectKind),
            ("subject_id", entry.subjectID), ("before", entry.before), ("after", entry.after),
        ]), stamped: false)
        return saved
    }

    /// The log, newest first, of one record or (with no subject) of everything.
    public func auditLog(subjectKind: String? = nil, subjectID: Int64? = nil, limit: Int = 100) async throws -> [AuditEntry] {
        try await read { db in
            var query = db.select().column("*").from("audit_log")
            if let subjectKind { query = query.where("subject_kind", .equal, SQLBind(subjectKind)) }
            if let subjectID { query = query.where("subject_id", .equal, SQLBind(subjectID)) }
            return try await query.orderBy("id", .descending).limit(max(1, min(limit, 1000))).all().map { row in
                AuditEntry(id: try row.id(), at: try row.string("at"), actor: try row.string("actor"), action: try row.string("action"),
                           subjectKind: try row.string("subject_kind"), subjectID: try row.optionalID("subject_id"),
                           before: try row.optionalString("before"), after: try row.optionalString("after"))
            }
        }
    }
}
