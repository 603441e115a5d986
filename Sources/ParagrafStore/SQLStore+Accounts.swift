import ParagrafCore
import SQLKit

extension SQLStore {
    /// Saves an account with its grants whole, and logs the change; the password hash is left as
    /// it is unless one is given. A username taken by another account is refused.
    public func save(_ account: Account, passwordHash: String?, actor: String) async throws -> Account {
        let problems = account.problems
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        let before: Account? = if let id = account.id { try await self.account(id) } else { nil }
        var columns = Row([("username", account.username), ("name", account.name), ("person_id", account.person?.rawValue),
                       ("disabled", account.disabled), ("email", account.email)])
        if let passwordHash { columns.pairs.append(("password_hash", passwordHash)) }
        let row = columns
        let id = try await write { db in
            let clash = try await db.select().column("id").from("accounts").where("username", .equal, SQLBind(account.username)).first()
            if let clash, try clash.id() != account.id?.rawValue {
                throw StoreError.conflict("användarnamnet \(account.username) används redan")
            }
            let id = try await db.upsert("accounts", id: account.id?.rawValue, row)
            try await db.delete(from: "account_grants").where("account_id", .equal, SQLBind(id)).run()
            try await db.insertRows("account_grants", columns: ["account_id", "role", "committee_id"],
                                    rows: account.grants.map { [id, $0.role.rawValue, $0.committee?.rawValue] })
            var saved = account
            saved.id = AccountID(id)
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor, action: before == nil ? "skapade" : "ändrade",
                                                 subjectKind: "konto", subjectID: id,
                                                 before: try before.map { try JSONText.encode(AccountAudit($0)) },
                                                 after: try JSONText.encode(AccountAudit(saved, passwordChanged: passwordHash != nil))), db: db)
            return id
        }
        var saved = account
        saved.id = AccountID(id)
        return saved
    }

    public func account(_ id: AccountID) async throws -> Account? {
        try await accounts(where: ("id", SQLBind(id.rawValue))).first
    }

    public func account(username: String) async throws -> Account? {
        try await accounts(where: ("username", SQLBind(username))).first
    }

    public func accounts() async throws -> [Account] {
        try await accounts(where: nil)
    }

    /// The stored bcrypt hash of an account's password, for signing in.
    public func passwordHash(username: String) async throws -> (AccountID, String)? {
        try await read { db in
            guard let row = try await db.select().columns("id", "password_hash").from("accounts")
                .where("username", .equal, SQLBind(username)).where("disabled", .equal, SQLBind(false)).first(),
                let hash = try row.optionalString("password_hash") else { return nil }
            return (AccountID(try row.id()), hash)
        }
    }

    private func accounts(where filter: (String, SQLBind)?) async throws -> [Account] {
        try await read { db in
            var query = db.select().column("*").from("accounts")
            if let filter { query = query.where(SQLIdentifier(filter.0), .equal, filter.1) }
            let rows = try await query.orderBy("username").all()
            guard !rows.isEmpty else { return [] }
            let ids = try rows.map { try $0.id() }
            let grants = try await db.select().columns("account_id", "role", "committee_id").from("account_grants")
                .where("account_id", .in, SQLBind.group(ids)).orderBy("role").orderBy("committee_id").all()
            var byAccount: [Int64: [Grant]] = [:]
            for row in grants {
                byAccount[try row.id("account_id"), default: []].append(
                    Grant(try row.enumValue("role", as: StaffRole.self), committee: try row.optionalID("committee_id").map { CommitteeID($0) }))
            }
            return try rows.map { row in
                let id = try row.id()
                return Account(id: AccountID(id), username: try row.string("username"), name: try row.string("name"),
                               person: try row.optionalID("person_id").map { PersonID($0) }, grants: byAccount[id] ?? [],
                               disabled: try row.bool("disabled"), email: try row.optionalString("email"))
            }
        }
    }
}

/// What the audit log keeps of an account: never its password hash.
private struct AccountAudit: Encodable {
    var username: String
    var name: String
    var person: Int64?
    var disabled: Bool
    var email: String?
    var grants: [String]
    var passwordChanged: Bool?

    init(_ account: Account, passwordChanged: Bool? = nil) {
        username = account.username
        name = account.name
        person = account.person?.rawValue
        disabled = account.disabled
        email = account.email
        grants = account.grants.map { $0.role.rawValue + ($0.committee.map { " i nämnd \($0.rawValue)" } ?? "") }
        self.passwordChanged = passwordChanged == true ? true : nil
    }
}

// MARK: - Sessions

extension SQLStore {
    /// Keeps a session's value under the hash of its key, until it expires (ISO 8601 UTC; nil: never).
    public func putSession(keyHash: String, value: String, expiresAt: String?) async throws {
        // Sessions are not records: their writes leave the public page cache alone.
        try await write(counted: false) { db in
            try await db.delete(from: "sessions").where("key_hash", .equal, SQLBind(keyHash)).run()
            try await db.insert(into: "sessions").columns("key_hash", "value", "expires_at")
                .values(SQLBind(keyHash), SQLBind(value), SQLBind(expiresAt)).run()
        }
    }

    /// A session's value and expiry when it has not expired at `now`.
    public func session(keyHash: String, now: String) async throws -> (value: String, expiresAt: String?)? {
        try await read { db in
            guard let row = try await db.select().columns("value", "expires_at").from("sessions")
                .where("key_hash", .equal, SQLBind(keyHash)).first() else { return nil }
            let expires = try row.optionalString("expires_at")
            if let expires, expires <= now { return nil }
            return (try row.string("value"), expires)
        }
    }

    public func removeSession(keyHash: String) async throws {
        try await write(counted: false) { db in
            try await db.delete(from: "sessions").where("key_hash", .equal, SQLBind(keyHash)).run()
        }
    }

    /// Removes sessions that expired before `now`; returns how many.
    @discardableResult
    public func removeExpiredSessions(now: String) async throws -> Int {
        try await write(counted: false) { db in
            try await db.delete(from: "sessions").where("expires_at", .lessThanOrEqual, SQLBind(now)).returning("key_hash").all().count
        }
    }
}
