import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafStore
@testable import ParagrafWeb
import Testing

@Suite("Staff: signing in, forms, and who may use which route")
struct StaffAccessTests {
    @Test("signing in with the right password opens the staff pages; a wrong one, an unknown name or a disabled account does not")
    func signIn() async throws {
        try await withTemporaryStore { store, _ in
            let world = try await StaffWorld.make(store)
            let app = try await buildApplication(store: store, configuration: staffTestConfiguration, logger: quiet)
            try await app.test(.router) { client in
                // The cookie is secure, HTTP-only and same-site.
                try await client.execute(uri: "/logga-in", method: .get) { response in
                    let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("paragraf_session=") } ?? ""
                    #expect(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
                }
                let sara = try await TestSession.signIn(client, "sekr.aln")
                let start = try await sara.get(client, "/intern") { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("Sara Sekreterare") && html.contains("Arbetslivsnämnden"))
                    #expect(!html.contains("Kommunstyrelsen"), "only her own committee")
                }
                #expect(start == .ok)

                for (username, password) in [("sekr.aln", "fel lösenord helt klart"), ("okänd", testPassword)] {
                    let anonymous = try await client.execute(uri: "/logga-in", method: .get) { response in
                        TestSession(cookie: TestSession.cookieValue(response), csrf: TestSession.csrfToken(in: String(buffer: response.body)))
                    }
                    let answer = try await anonymous.postReading(client, "/logga-in", ["username": username, "password": password])
                    #expect(answer.status == .unauthorized && answer.body.contains("Fel användarnamn eller lösenord"))
                    #expect(try await anonymous.get(client, "/intern") == .seeOther, "still not signed in")
                }

                // Disabling the account ends what its open session may do at once.
                var account = try #require(world.accounts["sekr.aln"])
                account.disabled = true
                _ = try await store.save(account, passwordHash: nil, actor: "test")
                #expect(try await sara.get(client, "/intern") == .seeOther)

                // Signing out ends the session on the server, not only in the browser.
                let hanna = try await TestSession.signIn(client, "handl.aln")
                #expect(try await hanna.post(client, "/logga-ut") == .seeOther)
                #expect(try await hanna.get(client, "/intern") == .seeOther)
            }
        }
    }

    @Test("a form without this session's token is refused, and so is one from a signed-out session")
    func csrf() async throws {
        try await withTemporaryStore { store, _ in
            _ = try await StaffWorld.make(store)
            let app = try await buildApplication(store: store, configuration: staffTestConfiguration, logger: quiet)
            try await app.test(.router) { client in
                let ada = try await TestSession.signIn(client, "admin")
                for token in [nil, "fel-token", ""] as [String?] {
                    let status = try await ada.post(client, "/logga-ut", csrf: token) { response in
                        #expect(String(buffer: response.body).contains("Formuläret har gått ut"))
                    }
                    #expect(status == .forbidden)
                }
                #expect(try await ada.get(client, "/intern") == .ok, "the refused sign-out did nothing")
                // Another session's token does not do either.
                let sara = try await TestSession.signIn(client, "sekr.aln")
                #expect(try await ada.post(client, "/logga-ut", csrf: sara.csrf) == .forbidden)
            }
        }
    }

    @Test("after signing in, only an address inside the staff area is followed")
    func safeReturns() {
        #expect(safeReturn("/intern/logg") == "/intern/logg")
        #expect(safeReturn("https://example.com/intern") == "/intern")
        #expect(safeReturn("//example.com/intern") == "/intern")
        #expect(safeReturn("/sok") == "/intern")
        #expect(safeReturn(nil) == "/intern")
    }

    @Test("the audit log shows administrators every change, with before and after")
    func auditLog() async throws {
        try await withTemporaryStore { store, _ in
            _ = try await StaffWorld.make(store)
            let app = try await buildApplication(store: store, configuration: staffTestConfiguration, logger: quiet)
            try await app.test(.router) { client in
                let ada = try await TestSession.signIn(client, "admin")
                let status = try await ada.get(client, "/intern/logg?typ=konto") { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("skapade") && html.contains("sekr.aln") && html.contains("nämndsekreterare"))
                    #expect(!html.contains("$2b$"), "never a password hash")
                }
                #expect(status == .ok)
            }
        }
    }
}
