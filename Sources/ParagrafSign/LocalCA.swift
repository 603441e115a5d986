import Crypto
import Foundation
import ParagrafCore
import SwiftASN1
@_spi(CMS) @_spi(FixedExpiryValidationTime) import X509

/// The municipality's own certificate authority, kept as PEM files in one directory:
/// `ca.cert.pem` and `ca.key.pem`, and for each person who signs `<account>.cert.pem` and
/// `<account>.key.pem`, issued by the CA. A real municipality's CA (or SITHS cards) issues these;
/// `paragraf ca` makes them for a municipality that has none, and for tests.
public struct LocalCA: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    var caCertificateURL: URL { directory.appendingPathComponent("ca.cert.pem") }
    var caKeyURL: URL { directory.appendingPathComponent("ca.key.pem") }
    func certificateURL(_ account: String) -> URL { directory.appendingPathComponent("\(account).cert.pem") }
    func keyURL(_ account: String) -> URL { directory.appendingPathComponent("\(account).key.pem") }

    /// Makes a new CA in an empty directory (refused if one is there: it would orphan every signature).
    public static func create(in directory: URL, name: String, now: Date = Date()) throws -> LocalCA {
        let ca = LocalCA(directory: directory)
        guard !FileManager.default.fileExists(atPath: ca.caCertificateURL.path) else {
            throw SigningError("Det finns redan en CA i \(directory.path); en ny skulle göra tidigare underskrifter omöjliga att kontrollera.")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = P256.Signing.PrivateKey()
        let subject = try DistinguishedName {
            CountryName("SE")
            OrganizationName(name)
            CommonName("\(name) – Paragraf CA")
        }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
            Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            SubjectKeyIdentifier(hash: Certificate.PublicKey(key.publicKey))
        }
        let certificate = try Certificate(version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
                                          notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(20 * 365 * 86400),
                                          issuer: subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions,
                                          issuerPrivateKey: .init(key))
        try write(try certificate.serializeAsPEM().pemString, to: ca.caCertificateURL)
        try write(try Certificate.PrivateKey(key).serializeAsPEM().pemString, to: ca.caKeyURL, secret: true)
        return ca
    }

    /// Issues a signing certificate for a person's account, valid for `years`.
    public func issue(account: String, name: String, now: Date = Date(), years: Int = 4) throws {
        let caCertificate = try certificate()
        let caKey = try Certificate.PrivateKey(pemEncoded: String(contentsOf: caKeyURL, encoding: .utf8))
        let key = P256.Signing.PrivateKey()
        let subject = try DistinguishedName {
            CountryName("SE")
            CommonName(name)
            OrganizationalUnitName(account)
        }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.notCertificateAuthority)
            Critical(KeyUsage(digitalSignature: true, nonRepudiation: true))
            try ExtendedKeyUsage([.emailProtection])
            SubjectKeyIdentifier(hash: Certificate.PublicKey(key.publicKey))
        }
        let certificate = try Certificate(version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
                                          notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(Double(years) * 365 * 86400),
                                          issuer: caCertificate.subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
                                          extensions: extensions, issuerPrivateKey: caKey)
        try Self.write(try certificate.serializeAsPEM().pemString, to: certificateURL(account))
        try Self.write(try Certificate.PrivateKey(key).serializeAsPEM().pemString, to: keyURL(account), secret: true)
    }

    public func certificate() throws -> Certificate {
        guard FileManager.default.fileExists(atPath: caCertificateURL.path) else {
            throw SigningError("CA-certifikatet saknas: \(caCertificateURL.path).")
        }
        return try Certificate(pemEncoded: String(contentsOf: caCertificateURL, encoding: .utf8))
    }

    func signingKey(_ account: String) throws -> (Certificate, Certificate.PrivateKey) {
        guard FileManager.default.fileExists(atPath: certificateURL(account).path) else {
            throw SigningError("Kontot \(account) har inget underskriftscertifikat från kommunens CA.")
        }
        return (try Certificate(pemEncoded: String(contentsOf: certificateURL(account), encoding: .utf8)),
                try Certificate.PrivateKey(pemEncoded: String(contentsOf: keyURL(account), encoding: .utf8)))
    }

    private static func write(_ text: String, to url: URL, secret: Bool = false) throws {
        try text.write(to: url, atomically: true, encoding: .utf8)
        if secret { try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path) }
    }
}

/// Signs with the person's key from the municipality's CA: a detached CMS signature (RFC 5652)
/// with signing time, over the document's exact bytes. `openssl cms -verify` reads it too.
public struct X509Signer: DocumentSigner {
    public let ca: LocalCA
    public var method: String { "X.509" }

    public init(ca: LocalCA) { self.ca = ca }

    public func sign(_ bytes: [UInt8], as signer: SignerIdentity, summary: String) async throws -> DocumentSignature {
        let (certificate, key) = try ca.signingKey(signer.account)
        let now = Date()
        let cms = try CMS.sign(bytes, certificate: certificate, privateKey: key, signingTime: now, detached: true)
        return DocumentSignature(signer: signer, method: method, signedAt: now.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)), documentSHA256: SHA256.hex(bytes), data: cms)
    }
}

/// What a check of one signature found.
public struct SignatureCheck: Hashable, Sendable {
    public var valid: Bool
    /// The signer's name in the certificate, when it could be read.
    public var signerName: String?
    public var reason: String?
}

public enum SignatureVerifier {
    /// Checks a detached CMS signature over `bytes` against the CA's certificate, with the
    /// certificates' validity judged at `time`: the day it was signed, so that minutes stay
    /// verifiable after the signer's certificate has expired.
    public static func check(cms: [UInt8], over bytes: [UInt8], trusting ca: Certificate, at time: Date = Date()) async -> SignatureCheck {
        let result = await CMS.isValidSignature(dataBytes: bytes, signatureBytes: cms, trustRoots: CertificateStore([ca])) {
            RFC5280Policy(fixedExpiryValidationTime: time)
        }
        switch result {
        case .success(let valid):
            return SignatureCheck(valid: true, signerName: commonName(valid.signer), reason: nil)
        case .failure(let error):
            return SignatureCheck(valid: false, signerName: nil, reason: describe(error))
        }
    }

    static func commonName(_ certificate: Certificate) -> String? {
        for rdn in certificate.subject {
            for attribute in rdn where attribute.type == .RDNAttributeType.commonName {
                return attribute.value.description
            }
        }
        return nil
    }

    static func describe(_ error: CMS.VerificationError) -> String {
        let text = String(describing: error)
        if text.contains("unableToValidateSigner") || text.contains("SignerValidationFailure") {
            return "certifikatet är inte utfärdat av kommunens CA eller har gått ut"
        }
        if text.contains("invalidCMSBlock") { return "underskriften går inte att läsa" }
        return "underskriften stämmer inte med filens innehåll"
    }
}

extension SHA256 {
    /// Lower-case hex of the digest.
    public static func hex(_ bytes: some DataProtocol) -> String {
        hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
