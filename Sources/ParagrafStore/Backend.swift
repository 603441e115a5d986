// EventLoopGroupConnectionPool guards its state with a lock but predates Sendable annotations.
@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import PostgresNIO
import SQLKit
import SQLiteKit
import SQLiteNIO

public enum BackendKind: String, Sendable {
    case sqlite = "SQLite"
    case postgres = "PostgreSQL"
}

/// Where the data lives: a SQLite file (the embedded default) or a PostgreSQL server.
public enum StoreLocation: Hashable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// A `postgres://` or `postgresql://` URL chooses PostgreSQL; anything else is a SQLite file path.
    public init(_ string: String) throws(StoreError) {
        let trimmed = string.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .badLocation(string, "ange en sökväg till en SQLite-fil eller en postgres://-adress") }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            self = .postgres(url: trimmed)
        } else if lower.contains("://") {
            throw .badLocation(string, "bara postgres:// och filsökvägar stöds")
        } else {
            self = .sqlite(path: trimmed.hasPrefix("sqlite:") ? String(trimmed.dropFirst("sqlite:".count)) : trimmed)
        }
    }

    /// The location with any password replaced, fit for messages and logs.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://…"
        }
    }
}

public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// Any error as a store error: the backend's own, such as a broken constraint, becomes `invalid`.
    public init(_ error: any Error) {
        if let error = error as? StoreError {
            self = error
        } else if let error = error as? PSQLError {
            // PSQLError's description hides the server's message; the message says what was wrong.
            self = .invalid(error.serverInfo?[.message] ?? "\(error.code)")
        } else {
            self = .invalid("\(error)")
        }
    }

    case badLocation(String, String)
    case unreachable(String, String)
    case migrationFailed(version: Int, name: String, reason: String)
    case newerSchema(found: Int, known: Int)
    case notFound(String)
    case conflict(String)
    case invalid(String)

    public var description: String {
        switch self {
        case let .badLocation(location, hint):
            return "Ogiltig lagringsplats ”\(location)”: \(hint)."
        case let .unreachable(location, reason):
            return "Kan inte öppna databasen \(location): \(reason)"
        case let .migrationFailed(version, name, reason):
            return "Migrering \(version) (\(name)) misslyckades och rullades tillbaka; databasen är oförändrad. Orsak: \(reason)"
        case let .newerSchema(found, known):
            return "Databasen har schemaversion \(found), men den här versionen av Paragraf känner bara till \(known). Uppgradera Paragraf."
        case .notFound(let what): return "Hittades inte: \(what)."
        case .conflict(let what): return "Konflikt: \(what)."
        case .invalid(let what): return "Ogiltiga uppgifter: \(what)."
        }
    }
}

/// A connection source for one SQL backend: leases a connection for a closure.
public protocol SQLBackend: Sendable {
    var kind: BackendKind { get }
    func withConnection<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R
    /// Runs `body` in one transaction: all of it is stored, or none of it.
    func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R
    func shutdown() async
}

extension SQLBackend {
    public func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withConnection { db in try await Self.inTransaction(db, begin: "BEGIN", body) }
    }

    static func inTransaction<R: Sendable>(_ db: any SQLDatabase, begin: String,
                                          _ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await db.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(db)
            try await db.raw("COMMIT").run()
            return result
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }
}

/// Opens the backend a location names, checking that it answers before returning.
public func openBackend(_ location: StoreLocation, logger: Logger = Logger(label: "paragraf.store")) async throws -> any SQLBackend {
    switch location {
    case .sqlite(let path): return try await SQLiteBackend.open(path: path, logger: logger)
    case .postgres(let url): return try await PostgresBackend.open(url: url, logger: logger)
    }
}

// MARK: - SQLite

public final class SQLiteBackend: SQLBackend {
    public let kind = BackendKind.sqlite
    public let path: String
    private let logger: Logger
    private let readers: HandlePool
    /// One writer at a time in this process: a second waits here, suspended, instead of holding a
    /// thread in SQLite's busy wait while the first needs one to finish.
    private let writer: HandlePool

    private init(path: String, logger: Logger) {
        self.path = path
        self.logger = logger
        readers = HandlePool(path: path, limit: 4)
        writer = HandlePool(path: path, limit: 1)
    }

    public static func open(path: String, logger: Logger) async throws -> SQLiteBackend {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError.unreachable(path, "mappen \(directory) finns inte.")
        }
        let backend = SQLiteBackend(path: path, logger: logger)
        do {
            _ = try await backend.withConnection { db in try await db.raw("SELECT count(*) FROM sqlite_master").all() }
        } catch {
            await backend.shutdown()
            throw StoreError.unreachable(path, "\(error)")
        }
        return backend
    }

    public func withConnection<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await readers.borrow(logger: logger, body)
    }

    public func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await writer.borrow(logger: logger) { db in try await Self.inTransaction(db, begin: "BEGIN IMMEDIATE", body) }
    }

    public func shutdown() async {
        await readers.close()
        await writer.close()
    }
}

// MARK: - PostgreSQL

public final class PostgresBackend: SQLBackend {
    public let kind = BackendKind.postgres
    private let client: PostgresClient
    private let runner: Task<Void, Never>

    private init(client: PostgresClient) {
        self.client = client
        self.runner = Task { await client.run() }
    }

    public static func open(url: String, logger: Logger) async throws -> PostgresBackend {
        let location = StoreLocation.postgres(url: url).description
        let configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: url)
        } catch {
            throw StoreError.badLocation(location, "adressen ska ha formen postgres://användare:lösenord@värd:port/databas")
        }
        var core = configuration.coreConfiguration
        core.options.connectTimeout = .seconds(5)
        // Connect once directly so an unreachable server gives a prompt message instead of a pool
        // that retries in the background.
        do {
            let probe = try await PostgresConnection.connect(configuration: core, id: 0, logger: logger)
            try await probe.close()
        } catch let error as PSQLError {
            if let message = error.serverInfo?[.message] {
                throw StoreError.unreachable(location, "servern svarade: \(message)")
            }
            let detail = error.underlying.map { "\($0)" } ?? "\(error.code)"
            throw StoreError.unreachable(location, "ingen PostgreSQL-server svarar där (\(detail)). Kontrollera värd, port och att servern är igång.")
        } catch {
            throw StoreError.unreachable(location, "\(error)")
        }
        guard let host = core.host, let port = core.port else {
            throw StoreError.badLocation(location, "värd och port saknas")
        }
        let tls: PostgresClient.Configuration.TLS
        switch (core.tls.isEnforced, core.tls.isAllowed) {
        case (true, _): tls = .require(core.tls.sslContext.map { _ in .makeClientConfiguration() } ?? .makeClientConfiguration())
        case (_, true): tls = .prefer(.makeClientConfiguration())
        default: tls = .disable
        }
        var clientConfiguration = PostgresClient.Configuration(
            host: host, port: port, username: core.username, password: core.password, database: core.database, tls: tls)
        clientConfiguration.options.maximumConnections = 8
        clientConfiguration.options.connectTimeout = .seconds(5)
        return PostgresBackend(client: PostgresClient(configuration: clientConfiguration, backgroundLogger: logger))
    }

    public func withConnection<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: .trace))
        }
    }

    public func shutdown() async {
        runner.cancel()
        _ = await runner.value
    }
}
