import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

import VaporCSQLite

// SQLite is used through its C interface on the calling thread, with each connection's prepared
// statements kept for reuse. SQLiteNIO's connection sends every statement to a thread pool and back
// (two thread switches) and prepares it anew each time; an import runs some twenty statements per
// document, and those switches and parses cost more than SQLite's own work. SQLKit still writes
// every statement (SQLiteKit's dialect, encoder and decoder), so the store code is the same for
// both backends.

/// An error SQLite reported, with its message and the statement it came from.
struct SQLiteFailure: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    let sql: String

    var description: String { "SQLite-fel \(code): \(message) (i ”\(sql.prefix(120))”)" }
}

/// One open SQLite database handle and its prepared statements. A handle is used by one task at a
/// time (it is leased from a `HandlePool`), which is what makes the unchecked `Sendable` sound.
final class SQLiteHandle: @unchecked Sendable {
    private let raw: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]
    /// Bulk inserts vary in their number of rows, so the cache is bounded; past the bound it starts over.
    private static let keptStatements = 256

    init(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let opened = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard opened == SQLITE_OK, let handle else {
            let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "kan inte öppnas"
            if let handle { sqlite_nio_sqlite3_close_v2(handle) }
            throw SQLiteFailure(code: opened, message: message, sql: "")
        }
        raw = handle
        // WAL lets readers go on while one writer commits; foreign keys enforce the cascades that
        // replace a meeting's minutes whole; busy_timeout waits for a writer in another process.
        for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000",
                       "PRAGMA synchronous = NORMAL"] {
            do { try run(pragma, binds: []) { _ in } } catch { close(); throw error }
        }
        // Search compares exact phrases in lower case; SQLite's own lower() knows ASCII only.
        let lower: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = { context, _, values in
            guard let value = values?[0], let text = sqlite_nio_sqlite3_value_text(value) else {
                sqlite_nio_sqlite3_result_null(context)
                return
            }
            let length = Int(sqlite_nio_sqlite3_value_bytes(value))
            let folded = String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self).lowercased()
            sqlite_nio_sqlite3_result_text64(context, folded, UInt64(folded.utf8.count), transient, UInt8(SQLITE_UTF8))
        }
        sqlite_nio_sqlite3_create_function_v2(raw, "paragraf_lower", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil, lower, nil, nil, nil)
    }

    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements.removeAll()
        sqlite_nio_sqlite3_close_v2(raw)
    }

    private func failure(_ code: Int32, _ sql: String) -> SQLiteFailure {
        SQLiteFailure(code: code, message: String(cString: sqlite_nio_sqlite3_errmsg(raw)), sql: sql)
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let code = sqlite_nio_sqlite3_prepare_v3(raw, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw failure(code, sql) }
        if statements.count >= Self.keptStatements {
            for kept in statements.values { sqlite_nio_sqlite3_finalize(kept) }
            statements.removeAll()
        }
        statements[sql] = statement
        return statement
    }

    /// Runs one statement and hands each result row to `onRow`. The statement is always reset
    /// afterwards, so that a kept statement never holds a read snapshot open.
    func run(_ sql: String, binds: [SQLiteData], onRow: (SQLiteRowValues) -> Void) throws {
        let statement = try prepared(sql)
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        for (offset, value) in binds.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .integer(let number): code = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
            case .float(let number): code = sqlite_nio_sqlite3_bind_double(statement, index, number)
            case .text(let text):
                code = sqlite_nio_sqlite3_bind_text64(statement, index, text, UInt64(text.utf8.count), transient, UInt8(SQLITE_UTF8))
            case .blob(let bytes):
                code = bytes.withUnsafeReadableBytes {
                    sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), UInt64($0.count), transient)
                }
            case .null: code = sqlite_nio_sqlite3_bind_null(statement, index)
            }
            guard code == SQLITE_OK else { throw failure(code, sql) }
        }
        var columns: [String]? = nil
        while true {
            let code = sqlite_nio_sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code, sql) }
            let count = sqlite_nio_sqlite3_column_count(statement)
            if columns == nil {
                columns = (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) }
            }
            onRow(SQLiteRowValues(columns: columns ?? [], values: (0..<count).map { value(statement, $0) }))
        }
    }

    private func value(_ statement: OpaquePointer, _ column: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(SQLiteInt64(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .null }
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: length)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: length))
            }
            return .blob(buffer)
        default: return .null
        }
    }
}

/// SQLite copies bound values before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A result row: column names shared by the statement's rows, values decoded as SQLiteKit does.
struct SQLiteRowValues: SQLRow {
    let columns: [String]
    let values: [SQLiteData]

    var allColumns: [String] { columns }
    func contains(column: String) -> Bool { columns.contains(column) }

    private func value(_ column: String) -> SQLiteData? { columns.firstIndex(of: column).map { values[$0] } }

    func decodeNil(column: String) throws -> Bool { (value(column) ?? .null) == .null }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let data = value(column) else { throw StoreError.invalid("kolumnen \(column) saknas i svaret") }
        return try SQLiteDataDecoder().decode(D.self, from: data)
    }
}

/// SQLKit's view of a leased handle: statements are written by SQLKit and run at once.
struct SQLiteHandleDatabase: SQLDatabase {
    let handle: SQLiteHandle
    let logger: Logger
    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let (sql, binds) = serialize(query)
        let encoder = SQLiteDataEncoder()
        try handle.run(sql, binds: try binds.map { try encoder.encode($0) }) { onRow($0) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }
}

/// Handles lent to one task at a time; a task that finds none free waits without holding a thread.
actor HandlePool {
    private let path: String
    private let limit: Int
    private var idle: [SQLiteHandle] = []
    private var opened = 0
    private var waiting: [CheckedContinuation<SQLiteHandle, any Error>] = []
    private var closed = false

    init(path: String, limit: Int) {
        self.path = path
        self.limit = limit
    }

    func lease() async throws -> SQLiteHandle {
        guard !closed else { throw StoreError.unreachable(path, "databasen är stängd") }
        if let handle = idle.popLast() { return handle }
        if opened < limit {
            opened += 1
            do { return try SQLiteHandle(path: path) } catch { opened -= 1; throw error }
        }
        return try await withCheckedThrowingContinuation { waiting.append($0) }
    }

    func release(_ handle: SQLiteHandle) {
        if closed { handle.close(); return }
        if waiting.isEmpty { idle.append(handle) } else { waiting.removeFirst().resume(returning: handle) }
    }

    func close() {
        closed = true
        for handle in idle { handle.close() }
        idle.removeAll()
        for waiter in waiting { waiter.resume(throwing: StoreError.unreachable(path, "databasen stängdes")) }
        waiting.removeAll()
    }

    nonisolated func borrow<R: Sendable>(logger: Logger, _ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let handle = try await lease()
        do {
            let result = try await body(SQLiteHandleDatabase(handle: handle, logger: logger))
            await release(handle)
            return result
        } catch {
            await release(handle)
            throw error
        }
    }
}
