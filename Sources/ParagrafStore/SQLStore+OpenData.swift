import ParagrafCore
import SQLKit

extension SQLStore {
    public func stamps(_ kind: StampedRecord, ids: [Int64]) async throws -> [Int64: Stamps] {
        guard !ids.isEmpty else { return [:] }
        return try await read { db in
            var found: [Int64: Stamps] = [:]
            // In slices, under both backends' limits on bound values.
            for start in stride(from: 0, to: ids.count, by: 1000) {
                let slice = ids[start..<min(ids.count, start + 1000)]
                let rows = try await db.select().columns("id", "created_at", "modified_at").from(kind.rawValue)
                    .where("id", .in, SQLGroupExpression(slice.map { SQLBind($0) })).all()
                for row in rows {
                    found[try row.id()] = Stamps(created: try row.string("created_at"), modified: try row.string("modified_at"))
                }
            }
            return found
        }
    }
}
