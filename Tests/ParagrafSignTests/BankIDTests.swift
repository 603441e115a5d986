import Crypto
import Foundation
import ParagrafCore
@testable import ParagrafSign
import ParagrafTestSupport
import Testing

@Suite("BankID: the relying-party API v6 against a local stand-in")
struct BankIDTests {
    let identity = SignerIdentity(person: PersonRef(name: "Anna Ek", party: "S"), role: .ordforande, account: "anna")

    func withClient(_ standIn: BankIDStandIn, timeout: Duration = .seconds(5),
                    _ body: @Sendable @escaping (BankIDClient) async throws -> Void) async throws {
        try await standIn.run { url in
            let client = try BankIDClient(configuration: BankIDConfiguration(baseURL: url, pollInterval: .milliseconds(20), timeout: timeout))
            do {
                try await body(client)
                try await client.shutdown()
            } catch {
                try await client.shutdown()
                throw error
            }
        }
    }

    @Test("a signature: sign, collect until complete; what BankID signed holds the document's hash")
    func complete() async throws {
        let standIn = BankIDStandIn()
        let identity = self.identity
        try await withClient(standIn) { client in
            let document = Array("%PDF-1.7 protokoll".utf8)
            let signature = try await BankIDSigner(client: client, endUserIp: "192.0.2.10").sign(document, as: identity, summary: "Protokoll 2026-12-15")
            #expect(signature.method == "BankID" && signature.documentSHA256 == SHA256.hex(document))
            let completion = try JSONDecoder().decode(BankIDClient.CompletionData.self, from: Data(signature.data))
            let xml = String(decoding: Data(base64Encoded: completion.signature) ?? Data(), as: UTF8.self)
            #expect(xml.contains("<usrNonVisibleData>\(Data(SHA256.hex(document).utf8).base64EncodedString())</usrNonVisibleData>"))
            #expect(BankIDEvidence.covers(completion, sha256: SHA256.hex(document)))
            #expect(!BankIDEvidence.covers(completion, sha256: String(repeating: "0", count: 64)))
        }
        #expect(standIn.requests == ["sign", "collect", "collect", "collect"])
    }

    @Test("an authentication order: auth, then collect until the person is identified")
    func auth() async throws {
        let standIn = BankIDStandIn()
        try await withClient(standIn) { client in
            let order = try await client.auth(endUserIp: "192.0.2.10")
            var collected = try await client.collect(order.orderRef)
            while collected.status == "pending" { collected = try await client.collect(order.orderRef) }
            #expect(collected.status == "complete" && collected.completionData?.user.name == "Test Testsson")
        }
        #expect(standIn.requests == ["auth", "collect", "collect", "collect"])
    }

    @Test("the person cancels in the app: the signing fails with BankID's own words")
    func userCancel() async throws {
        let standIn = BankIDStandIn()
        standIn.script([.userCancel])
        let identity = self.identity
        try await withClient(standIn) { client in
            await #expect(throws: SigningError("Åtgärden avbruten.")) {
                try await BankIDSigner(client: client, endUserIp: "192.0.2.10").sign([1, 2, 3], as: identity, summary: "Protokoll")
            }
        }
    }

    @Test("no answer in time: the order is cancelled at BankID")
    func timeout() async throws {
        let standIn = BankIDStandIn()
        standIn.script([.never])
        let identity = self.identity
        try await withClient(standIn, timeout: .milliseconds(200)) { client in
            await #expect(throws: SigningError.self) {
                try await BankIDSigner(client: client, endUserIp: "192.0.2.10").sign([1, 2, 3], as: identity, summary: "Protokoll")
            }
        }
        #expect(standIn.cancelled.count == 1)
    }

    @Test("a request BankID refuses comes back as its error, in Swedish")
    func refused() async throws {
        let standIn = BankIDStandIn()
        try await withClient(standIn) { client in
            await #expect(throws: SigningError("BankID tog inte emot begäran: endUserIp saknas.")) {
                try await client.sign(endUserIp: "", visible: "x", nonVisible: [])
            }
            await #expect(throws: SigningError.self) { try await client.collect("finns-inte") }
            let order = try await client.sign(endUserIp: "192.0.2.10", visible: "x", nonVisible: [])
            try await client.cancel(order.orderRef)
            await #expect(throws: SigningError.self) { try await client.collect(order.orderRef) }
        }
    }

    @Test("over mutual TLS, as BankID runs it: the relying party's certificate opens the door; without it the connection is refused")
    func mutualTLS() async throws {
        let tls = try TestTLS.make()
        defer { tls.remove() }
        let standIn = BankIDStandIn()
        let identity = self.identity
        try await standIn.run(tls: try tls.serverConfiguration()) { url in
            let client = try BankIDClient(configuration: BankIDConfiguration(baseURL: url, certificatePEM: tls.clientCertificate, keyPEM: tls.clientKey,
                                                                             caPEM: tls.ca, pollInterval: .milliseconds(20)))
            let signature = try await BankIDSigner(client: client, endUserIp: "192.0.2.10").sign([1, 2, 3], as: identity, summary: "Protokoll")
            try await client.shutdown()
            #expect(signature.method == "BankID")

            let anonymous = try BankIDClient(configuration: BankIDConfiguration(baseURL: url, caPEM: tls.ca))
            await #expect(throws: SigningError.self) { try await anonymous.sign(endUserIp: "192.0.2.10", visible: "x", nonVisible: []) }
            try await anonymous.shutdown()
        }
    }
}
