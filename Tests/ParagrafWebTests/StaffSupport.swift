import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafStore
@testable import ParagrafWeb
import Testing

let testPassword = "korrekt häst batteri"
/// bcrypt's cheapest cost: tests sign in many times.
let staffTestConfiguration = AppConfiguration(store: .sqlite(path: "x"), passwordCost: 4)

/// A municipality with two committees and one account for each role the staff routes know.
struct StaffWorld {
    var aln: Committee
    var ks: Committee
    var members: [Person]
    var accounts: [String: Account]

    /// The roles the route-by-role test walks, by username.
    static let roleNames = ["admin", "sekr.aln", "sekr.ks", "handl.aln", "ledamot.aln"]

    static func make(_ store: SQLStore) async throws -> StaffWorld {
        let m = try await store.save(Municipality(name: "Borås", code: "1490"))
        let aln = try await store.save(Committee(municipalityID: m.id!, name: "Arbetslivsnämnden", kind: .namnd, abbreviation: "ALN"))
        let ks = try await store.save(Committee(municipalityID: m.id!, name: "Kommunstyrelsen", kind: .styrelse, abbreviation: "KS"))
        var members: [Person] = []
        for (name, party) in [("Mattias Danielsson", "C"), ("Marie Samuelsson", "S")] {
            members.append(try await store.save(Person(municipalityID: m.id!, name: name, party: party)))
        }
        let hash = try await Passwords(cost: 4).hash(testPassword)
        var accounts: [String: Account] = [:]
        for (username, name, grants, person) in [
            ("admin", "Ada Admin", [Grant(.administrator)], nil),
            ("sekr.aln", "Sara Sekreterare", [Grant(.secretary, committee: aln.id!)], nil),
            ("sekr.ks", "Karl Kanslist", [Grant(.secretary, committee: ks.id!)], nil),
            ("handl.aln", "Hanna Handläggare", [Grant(.handler, committee: aln.id!)], nil),
            ("ledamot.aln", "Mattias Danielsson", [Grant(.member, committee: aln.id!)], members[0].id),
        ] as [(String, String, [Grant], PersonID?)] {
            accounts[username] = try await store.save(Account(username: username, name: name, person: person, grants: grants),
                                                      passwordHash: hash, actor: "test")
        }
        return StaffWorld(aln: aln, ks: ks, members: members, accounts: accounts)
    }
}

/// One browser's session as the test client sees it: the cookie and the form token.
struct TestSession {
    var cookie: String?
    var csrf: String?

    static let anonymous = TestSession()

    var headers: HTTPFields {
        var fields = HTTPFields()
        if let cookie { fields[.cookie] = cookie }
        return fields
    }

    /// Signs in through the real form and returns the signed-in session.
    static func signIn(_ client: some TestClientProtocol, _ username: String, password: String = testPassword) async throws -> TestSession {
        var session = try await client.execute(uri: "/logga-in", method: .get) { response in
            TestSession(cookie: cookieValue(response), csrf: csrfToken(in: String(buffer: response.body)))
        }
        let signedIn = try await session.postReading(client, "/logga-in", ["username": username, "password": password])
        #expect(signedIn.status == .seeOther, "sign-in as \(username)")
        if let cookie = signedIn.cookie { session.cookie = cookie }
        let headers = session.headers
        session.csrf = try await client.execute(uri: "/intern", method: .get, headers: headers) { response in
            csrfToken(in: String(buffer: response.body))
        }
        return session
    }

    static func cookieValue(_ response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix("paragraf_session=") }.map { String($0.split(separator: ";")[0]) }
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    func get(_ client: some TestClientProtocol, _ path: String, _ check: @escaping @Sendable (TestResponse) throws -> Void = { _ in }) async throws -> HTTPResponse.Status {
        try await client.execute(uri: path, method: .get, headers: headers) { response in
            try check(response)
            return response.status
        }
    }

    /// Posts a form and returns the status and any new session cookie.
    func postReading(_ client: some TestClientProtocol, _ path: String, _ fields: KeyValuePairs<String, String>) async throws
        -> (status: HTTPResponse.Status, cookie: String?, body: String, location: String) {
        let (pairs, headers) = formRequest(fields, csrf: csrf)
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: pairs)) { response in
            (response.status, Self.cookieValue(response), String(buffer: response.body), response.headers[.location] ?? "")
        }
    }

    private func formRequest(_ fields: KeyValuePairs<String, String>, csrf token: String?) -> (String, HTTPFields) {
        var pairs = fields.map { ($0.key, $0.value) }
        if let token { pairs.append(("csrf", token)) }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        var headers = self.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return (body, headers)
    }

    /// Posts a form, with this session's token unless `csrf` says otherwise.
    @discardableResult
    func post(_ client: some TestClientProtocol, _ path: String, _ fields: KeyValuePairs<String, String> = [:], csrf: String? = "session",
              _ check: @escaping @Sendable (TestResponse) throws -> Void = { _ in }) async throws -> HTTPResponse.Status {
        let (body, headers) = formRequest(fields, csrf: csrf == "session" ? self.csrf : csrf)
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
            try check(response)
            return response.status
        }
    }
}
