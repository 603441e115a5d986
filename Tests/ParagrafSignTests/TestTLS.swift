import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// A CA, a server certificate for 127.0.0.1 and a client (relying party) certificate, as PEM
/// files in a temporary directory: mutual TLS like BankID's, all made here.
struct TestTLS {
    let directory: URL
    var ca: String { directory.appendingPathComponent("ca.pem").path }
    var serverCertificate: String { directory.appendingPathComponent("server.pem").path }
    var serverKey: String { directory.appendingPathComponent("server.key").path }
    var clientCertificate: String { directory.appendingPathComponent("rp.pem").path }
    var clientKey: String { directory.appendingPathComponent("rp.key").path }

    static func make() throws -> TestTLS {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let tls = TestTLS(directory: directory)
        let now = Date()
        let caKey = P256.Signing.PrivateKey()
        let caName = try DistinguishedName { CommonName("Test BankID CA") }
        let ca = try Certificate(version: .v3, serialNumber: .init(), publicKey: .init(caKey.publicKey), notValidBefore: now - 3600,
                                 notValidAfter: now + 86400, issuer: caName, subject: caName, signatureAlgorithm: .ecdsaWithSHA256,
                                 extensions: try Certificate.Extensions {
                                     Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                                     Critical(KeyUsage(keyCertSign: true))
                                 }, issuerPrivateKey: .init(caKey))
        try ca.serializeAsPEM().pemString.write(toFile: tls.ca, atomically: true, encoding: .utf8)
        func leaf(_ name: String, server: Bool, certificate: String, key: String) throws {
            let leafKey = P256.Signing.PrivateKey()
            let extensions = try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([server ? .serverAuth : .clientAuth])
                if server { SubjectAlternativeNames([.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))]) }
            }
            let cert = try Certificate(version: .v3, serialNumber: .init(), publicKey: .init(leafKey.publicKey), notValidBefore: now - 3600,
                                       notValidAfter: now + 86400, issuer: caName, subject: try DistinguishedName { CommonName(name) },
                                       signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions, issuerPrivateKey: .init(caKey))
            try cert.serializeAsPEM().pemString.write(toFile: certificate, atomically: true, encoding: .utf8)
            try Certificate.PrivateKey(leafKey).serializeAsPEM().pemString.write(toFile: key, atomically: true, encoding: .utf8)
        }
        try leaf("127.0.0.1", server: true, certificate: tls.serverCertificate, key: tls.serverKey)
        try leaf("Testkommunen RP", server: false, certificate: tls.clientCertificate, key: tls.clientKey)
        return tls
    }

    /// The server side: its certificate, and a client certificate from the CA required.
    func serverConfiguration() throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(serverCertificate).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: serverKey, format: .pem)))
        configuration.certificateVerification = .noHostnameVerification
        configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(ca))
        return configuration
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
