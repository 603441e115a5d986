import Foundation
import ParagrafCore
@testable import ParagrafSign
import Testing

@Suite("Signing with the municipality's own CA")
struct SigningTests {
    func withCA(_ body: (LocalCA) async throws -> Void) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-ca-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let ca = try LocalCA.create(in: dir, name: "Borås Stad")
        try await body(ca)
    }

    @Test("a signature over the exact bytes verifies; one byte changed, another CA, or no certificate does not")
    func signAndVerify() async throws {
        try await withCA { ca in
            try ca.issue(account: "mattias", name: "Mattias Danielsson")
            let signer = X509Signer(ca: ca)
            let document = Array("%PDF-1.7 protokoll".utf8)
            let identity = SignerIdentity(person: PersonRef(name: "Mattias Danielsson", party: "C"), role: .ordforande, account: "mattias")
            let signature = try await signer.sign(document, as: identity, summary: "Protokoll")
            #expect(signature.method == "X.509" && signature.documentSHA256.count == 64)

            let good = await SignatureVerifier.check(cms: signature.data, over: document, trusting: try ca.certificate())
            #expect(good.valid && good.signerName == "Mattias Danielsson")
            // The certificate's validity is judged at the time given (the signing time, in verify):
            // on a day before the certificate was issued, the signature is not valid.
            let later = await SignatureVerifier.check(cms: signature.data, over: document, trusting: try ca.certificate(), at: Date())
            #expect(later.valid)
            let before = await SignatureVerifier.check(cms: signature.data, over: document, trusting: try ca.certificate(),
                                                       at: Date().addingTimeInterval(-30 * 86400))
            #expect(!before.valid)

            var tampered = document
            tampered[3] ^= 0x01
            let bad = await SignatureVerifier.check(cms: signature.data, over: tampered, trusting: try ca.certificate())
            #expect(!bad.valid && bad.reason != nil)

            let otherDir = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-ca-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: otherDir) }
            let other = try LocalCA.create(in: otherDir, name: "Annan kommun")
            let foreign = await SignatureVerifier.check(cms: signature.data, over: document, trusting: try other.certificate())
            #expect(!foreign.valid)

            await #expect(throws: SigningError.self) {
                try await signer.sign(document, as: SignerIdentity(person: PersonRef(name: "X"), role: .justerare, account: "okand"), summary: "")
            }
            #expect(throws: SigningError.self) { try LocalCA.create(in: ca.directory, name: "Igen") }
        }
    }

    @Test("openssl reads the signature as a detached CMS signature from the CA")
    func openssl() async throws {
        try await withCA { ca in
            try ca.issue(account: "marie", name: "Marie Samuelsson")
            let document = Array("%PDF-1.7 utdrag".utf8)
            let signature = try await X509Signer(ca: ca).sign(document, as: SignerIdentity(person: PersonRef(name: "Marie Samuelsson"),
                                                                                            role: .justerare, account: "marie"), summary: "")
            let content = ca.directory.appendingPathComponent("doc.pdf"), sig = ca.directory.appendingPathComponent("doc.p7s")
            try Data(document).write(to: content)
            try Data(signature.data).write(to: sig)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", sig.path, "-content", content.path,
                                 "-CAfile", ca.caCertificateURL.path, "-purpose", "any", "-out", "/dev/null"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
    }
}
