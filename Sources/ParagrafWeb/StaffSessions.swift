import Crypto
import Foundation
import Hummingbird
import HummingbirdAuth
import ParagrafCore
import ParagrafSign
import ParagrafRender
import ParagrafStore

/// What a staff session remembers: who signed in, and the token every form must send back.
struct StaffSession: Codable, Sendable {
    var account: Int64?
    var csrf: String
    /// A BankID signing order this session is waiting for.
    var bankID: PendingBankID?

    static func fresh(account: AccountID? = nil) -> StaffSession {
        StaffSession(account: account?.rawValue, csrf: randomToken(), bankID: nil)
    }
}

/// A BankID order started from the signing page: collected on each reload until it ends.
struct PendingBankID: Codable, Sendable {
    var orderRef: String
    var autoStartToken: String
    var meeting: Int64
    var part: Int
    var documentSHA256: String
}

/// 32 random bytes as URL-safe text, for session keys and form tokens.
func randomToken() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
        .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
}

/// The signed-in person behind a request.
struct StaffUser: Sendable {
    var account: Account
    var access: Access { account.access }
    /// How the audit log names the actor: `anna.berg (Anna Berg)`.
    var actor: String { "\(account.username) (\(account.name))" }
}

/// The request context of every route: the session and the signed-in account, when there is one,
/// and a posted form once `FormGuard` has read and checked it.
struct PortalContext: AuthRequestContext, SessionRequestContext, RequestContext {
    var coreContext: CoreRequestContextStorage
    var identity: StaffUser?
    let sessions: SessionContext<StaffSession>
    var form: SubmittedForm?
    /// The peer's IP address (BankID asks for the person's device's).
    let remoteAddress: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
        identity = nil
        sessions = .init()
        form = nil
    }

    /// The form token of this session; a session is begun for it when there is none yet.
    func csrfToken() -> String {
        if let token = sessions.session?.csrf { return token }
        let session = StaffSession.fresh()
        sessions.createSession(session, expiresIn: .seconds(60 * 60))
        return session.csrf
    }
}

/// Keeps sessions in the store, so that every app server behind a load balancer sees them and a
/// restart signs no one out. The key (the cookie's value) is stored only as its SHA-256.
struct StoreSessionDriver: PersistDriver {
    let store: any Store

    static func keyHash(_ key: String) -> String {
        SHA256.hex(Data(key.utf8))
    }

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try await set(key: key, value: value, expires: expires)
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        // An update without a new expiry keeps the old one.
        var expiresAt = expires.map { Timestamp.string(Date().addingTimeInterval(TimeInterval($0.components.seconds))) }
        if expires == nil, let existing = try await store.session(keyHash: Self.keyHash(key), now: Timestamp.now()) {
            expiresAt = existing.expiresAt
        }
        let text = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        try await store.putSession(keyHash: Self.keyHash(key), value: text, expiresAt: expiresAt)
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: Object.self)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        guard let stored = try await store.session(keyHash: Self.keyHash(key), now: Timestamp.now()) else { return nil }
        guard let object = try? JSONDecoder().decode(Object.self, from: Data(stored.value.utf8)) else {
            throw PersistError.invalidConversion
        }
        let ttl = stored.expiresAt.flatMap { try? Date($0, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true)) }
            .map { Duration.seconds(max(0, Int64($0.timeIntervalSinceNow))) }
        return (object, ttl)
    }

    func remove(key: String) async throws {
        try await store.removeSession(keyHash: Self.keyHash(key))
    }
}

/// An error a person should read: its status, a title and what to do, in Swedish.
struct UserFacingError: Error {
    var status: HTTPResponse.Status
    var title: String
    var message: String

    static func forbidden(_ what: String = "Ditt konto har inte behörighet till den här sidan eller åtgärden.") -> UserFacingError {
        UserFacingError(status: .forbidden, title: "Behörighet saknas", message: what)
    }

    static func badForm(_ message: String) -> UserFacingError {
        UserFacingError(status: .badRequest, title: "Formuläret kunde inte tas emot", message: message)
    }
}

/// Reads every posted form once, before any route: refuses one without this session's token
/// (CSRF), one too large, or one that cannot be read, and hands the rest to the route.
struct FormGuard: RouterMiddleware {
    typealias Context = PortalContext
    /// The largest body accepted: the upload limit with room for the form's other fields.
    let maxBodyBytes: Int
    let uploadLimit: Int

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodyBytes)
        } catch {
            throw UserFacingError(status: .contentTooLarge, title: "Filen är för stor",
                                  message: "Det som skickades är större än Paragraf tar emot (högst \(SwedishFormat.limit(uploadLimit)) per fil). Inget har sparats.")
        }
        let form: SubmittedForm
        do {
            form = try SubmittedForm.parse(contentType: request.headers[.contentType], body: Array(buffer: body))
        } catch {
            throw UserFacingError.badForm("\(error) Inget har sparats.")
        }
        guard let expected = context.sessions.session?.csrf, let sent = form.get("csrf"),
              constantTimeEqual(Array(expected.utf8), Array(sent.utf8)) else {
            throw UserFacingError(status: .forbidden, title: "Formuläret har gått ut",
                                  message: "Formuläret kom inte från en giltig inloggning i Paragraf, eller så har sessionen gått ut. Ladda om sidan och försök igen. Inget har sparats.")
        }
        var context = context
        context.form = form
        return try await next(request, context)
    }

    private func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}
