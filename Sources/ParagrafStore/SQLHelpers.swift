import Foundation
import ParagrafCore
import SQLKit
import Synchronization

typealias Value = any Encodable & Sendable

/// Column–value pairs for one row, in order.
struct Row: Sendable {
    var pairs: [(String, Value)] = []

    init(_ pairs: [(String, Value)]) { self.pairs = pairs }

    var columns: [String] { pairs.map(\.0) }
    var binds: [any SQLExpression] { pairs.map { SQLBind($0.1) } }
}

extension SQLDatabase {
    /// Inserts a row stamped with created/modified times and returns its new id.
    func insertReturningID(_ table: String, _ row: Row, stamped: Bool = true) async throws -> Int64 {
        var row = row
        if stamped {
            let now = Timestamp.now()
            row.pairs += [("created_at", now), ("modified_at", now)]
        }
        guard let result = try await insert(into: table).columns(row.columns).values(row.binds).returning("id").first() else {
            throw StoreError.invalid("ingen id returnerades för \(table)")
        }
        return try result.decode(column: "id", as: Int64.self)
    }

    /// Updates a stamped row by id; throws `notFound` when there is no such row.
    func updateByID(_ table: String, id: Int64, _ row: Row) async throws {
        var update = self.update(table)
        for (column, value) in row.pairs { update = update.set(SQLIdentifier(column), to: SQLBind(value)) }
        update = update.set(SQLIdentifier("modified_at"), to: SQLBind(Timestamp.now()))
        let found = try await update.where("id", .equal, SQLBind(id)).returning("id").first()
        guard found != nil else { throw StoreError.notFound("\(table) med id \(id)") }
    }

    /// Keeps a file's bytes under their SHA-256; bytes kept already (another copy) stay as they are.
    func keepFile(sha256: String, mediaType: String, content: Data) async throws {
        try await insert(into: "files").columns("sha256", "media_type", "byte_count", "content", "created_at")
            .values(SQLBind(sha256), SQLBind(mediaType), SQLBind(Int64(content.count)), SQLBind(content), SQLBind(Timestamp.now()))
            .ignoringConflicts(with: ["sha256"]).run()
    }

    /// Inserts or updates by the value's id and returns the id.
    func upsert(_ table: String, id: Int64?, _ row: Row) async throws -> Int64 {
        if let id {
            try await updateByID(table, id: id, row)
            return id
        }
        return try await insertReturningID(table, row)
    }

    /// Inserts many rows with few statements, keeping under the backends' bind limits.
    func insertRows(_ table: String, columns: [String], rows: [[Value]]) async throws {
        _ = try await insertRows(table, columns: columns, rows: rows, returning: [])
    }

    /// Inserts many rows with few statements and returns the `returning` columns of the new rows
    /// (both SQLite and PostgreSQL have RETURNING), which saves reading them back.
    func insertRows(_ table: String, columns: [String], rows: [[Value]], returning: [String]) async throws -> [any SQLRow] {
        guard !rows.isEmpty else { return [] }
        let perStatement = max(1, 30_000 / max(1, columns.count))
        var start = 0
        var back: [any SQLRow] = []
        while start < rows.count {
            let end = min(rows.count, start + perStatement)
            let insert = BulkInsert(table: table, columns: columns, rows: rows[start..<end], returning: returning)
            let collected = RowCollector()
            try await execute(sql: insert) { collected.append($0) }
            back += collected.rows
            start = end
        }
        return back
    }
}

/// `INSERT INTO t (a, b) VALUES (…), (…) [RETURNING …]`, written straight into the serializer:
/// SQLKit's builder serialises every identifier and value as a separate expression, which for
/// an import's many rows costs more than SQLite takes to run the statement.
struct BulkInsert: SQLExpression {
    let table: String
    let columns: [String]
    let rows: ArraySlice<[Value]>
    let returning: [String]

    func serialize(to serializer: inout SQLSerializer) {
        // Our own table and column names: quoted, never escaped (they hold no quote character).
        let quote = (serializer.dialect.identifierQuote as? SQLRaw)?.sql ?? "\""
        func quoted(_ names: [String]) -> String { names.map { quote + $0 + quote }.joined(separator: ", ") }
        serializer.write("INSERT INTO \(quote)\(table)\(quote) (\(quoted(columns))) VALUES ")
        for (r, row) in rows.enumerated() {
            serializer.write(r == 0 ? "(" : ", (")
            for (i, value) in row.enumerated() {
                if i > 0 { serializer.write(", ") }
                serializer.write(bind: value)
            }
            serializer.write(")")
        }
        if !returning.isEmpty { serializer.write(" RETURNING " + quoted(returning)) }
    }
}

/// Rows handed over by the driver's row callback, kept for the caller.
private final class RowCollector: Sendable {
    private let collected = Mutex<[any SQLRow]>([])
    func append(_ row: any SQLRow) { collected.withLock { $0.append(row) } }
    var rows: [any SQLRow] { collected.withLock { $0 } }
}

extension SQLRow {
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func optionalString(_ column: String) throws -> String? { try decode(column: column, as: String?.self) }
    func int(_ column: String) throws -> Int { try decode(column: column, as: Int.self) }
    func optionalInt(_ column: String) throws -> Int? { try decode(column: column, as: Int?.self) }
    func id(_ column: String = "id") throws -> Int64 { try decode(column: column, as: Int64.self) }
    func optionalID(_ column: String) throws -> Int64? { try decode(column: column, as: Int64?.self) }
    func bool(_ column: String) throws -> Bool { try decode(column: column, as: Bool.self) }

    func date(_ column: String) throws -> LocalDate {
        let text = try string(column)
        guard let date = LocalDate(iso: text) else { throw StoreError.invalid("\(column) = \(text) är inget datum") }
        return date
    }

    func optionalDate(_ column: String) throws -> LocalDate? {
        guard let text = try optionalString(column) else { return nil }
        guard let date = LocalDate(iso: text) else { throw StoreError.invalid("\(column) = \(text) är inget datum") }
        return date
    }

    func optionalTime(_ column: String) throws -> LocalTime? {
        try optionalString(column).flatMap { LocalTime($0) }
    }

    func diaryNumber(_ column: String, classification: String? = nil) throws -> DiaryNumber? {
        guard let text = try optionalString(column) else { return nil }
        let full = classification.flatMap { try? optionalString($0) }.map { "\(text) \($0)" } ?? text
        return DiaryNumber(full) ?? DiaryNumber(text)
    }

    func enumValue<E: RawRepresentable>(_ column: String, as type: E.Type) throws -> E where E.RawValue == String {
        let raw = try string(column)
        guard let value = E(rawValue: raw) else { throw StoreError.invalid("\(column) = \(raw)") }
        return value
    }

    /// A person as printed, from `person_id`, `name`, `party` with an optional column prefix.
    func personRef(_ prefix: String = "") throws -> PersonRef {
        PersonRef(personID: try optionalID(prefix + "person_id").map(PersonID.init(rawValue:)),
                  name: try string(prefix + "name"), party: try optionalString(prefix + "party"))
    }

    func secrecy(_ column: String = "secret_provision") throws -> Secrecy {
        try optionalString(column).map { .secret(provision: $0) } ?? .open
    }
}

extension PersonRef {
    var columnValues: [Value] { [personID?.rawValue, name, party] }
}

extension Secrecy {
    var provision: String? { if case .secret(let p) = self { return p } else { return nil } }
}

enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
