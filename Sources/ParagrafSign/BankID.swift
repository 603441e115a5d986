import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOSSL
import ParagrafCore

/// Where BankID's relying-party API is and how Paragraf proves who it is: the RP certificate and
/// key BankID issued the municipality (mutual TLS), and BankID's CA to trust. Without the
/// certificate files the connection is made without a client certificate (a local stand-in).
public struct BankIDConfiguration: Sendable {
    /// `https://appapi2.bankid.com/rp/v6.0` in production, `https://appapi2.test.bankid.com/rp/v6.0` for tests.
    public var baseURL: String
    public var certificatePEM: String?
    public var keyPEM: String?
    public var caPEM: String?
    /// How often collect is called while an order is pending (BankID asks for every two seconds).
    public var pollInterval: Duration
    /// How long a person has to sign before the order is cancelled.
    public var timeout: Duration

    public init(baseURL: String, certificatePEM: String? = nil, keyPEM: String? = nil, caPEM: String? = nil,
                pollInterval: Duration = .seconds(2), timeout: Duration = .seconds(180)) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.certificatePEM = certificatePEM
        self.keyPEM = keyPEM
        self.caPEM = caPEM
        self.pollInterval = pollInterval
        self.timeout = timeout
    }
}

/// BankID's relying-party API v6: auth, sign, collect and cancel, as JSON over HTTPS.
public struct BankIDClient: Sendable {
    public struct Order: Codable, Hashable, Sendable {
        public var orderRef: String
        public var autoStartToken: String
        public var qrStartToken: String
        public var qrStartSecret: String
    }

    public struct CompletionData: Codable, Hashable, Sendable {
        public struct User: Codable, Hashable, Sendable {
            public var personalNumber: String
            public var name: String
            public var givenName: String
            public var surname: String
        }
        public struct Device: Codable, Hashable, Sendable {
            public var ipAddress: String
            public var uhi: String?
        }
        public var user: User
        public var device: Device
        public var bankIdIssueDate: String?
        /// The signature (base64 XML), over what the user was shown and the non-visible data.
        public var signature: String
        public var ocspResponse: String
    }

    public struct Collected: Codable, Hashable, Sendable {
        public var orderRef: String
        /// `pending`, `failed` or `complete`.
        public var status: String
        public var hintCode: String?
        public var completionData: CompletionData?
    }

    struct Failure: Decodable {
        var errorCode: String
        var details: String?
    }

    let configuration: BankIDConfiguration
    let http: HTTPClient

    /// A client with its own connection pool; call `shutdown` when done.
    public init(configuration: BankIDConfiguration) throws {
        self.configuration = configuration
        var tls = TLSConfiguration.makeClientConfiguration()
        if let certificate = configuration.certificatePEM, let key = configuration.keyPEM {
            tls.certificateChain = try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) }
            tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
        }
        if let ca = configuration.caPEM { tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(ca)) }
        var http = HTTPClient.Configuration(tlsConfiguration: tls)
        http.timeout = .init(connect: .seconds(10), read: .seconds(30))
        self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: http)
    }

    public func shutdown() async throws { try await http.shutdown() }

    /// Starts an authentication order (identifying the person, signing nothing).
    public func auth(endUserIp: String, visible: String? = nil) async throws -> Order {
        var body = ["endUserIp": endUserIp]
        if let visible {
            body["userVisibleData"] = Data(visible.utf8).base64EncodedString()
            body["userVisibleDataFormat"] = "simpleMarkdownV1"
        }
        return try await call("auth", body)
    }

    /// Starts a signing order: `visible` is what the person reads in the app, `nonVisible` what
    /// the signature covers besides (the document's hash).
    public func sign(endUserIp: String, visible: String, nonVisible: [UInt8]) async throws -> Order {
        try await call("sign", [
            "endUserIp": endUserIp,
            "userVisibleData": Data(visible.utf8).base64EncodedString(),
            "userVisibleDataFormat": "simpleMarkdownV1",
            "userNonVisibleData": Data(nonVisible).base64EncodedString(),
        ])
    }

    public func collect(_ orderRef: String) async throws -> Collected {
        try await call("collect", ["orderRef": orderRef])
    }

    public func cancel(_ orderRef: String) async throws {
        let _: [String: String] = try await call("cancel", ["orderRef": orderRef])
    }

    private func call<Answer: Decodable>(_ method: String, _ body: [String: String]) async throws -> Answer {
        var request = HTTPClientRequest(url: "\(configuration.baseURL)/\(method)")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(body)))
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: .seconds(30))
        } catch {
            throw SigningError("BankID svarar inte (\(error)). Försök igen om en stund.")
        }
        let buffer = try await response.body.collect(upTo: 1 << 20)
        let bytes = Data(buffer.readableBytesView)
        guard response.status == .ok else {
            let failure = try? JSONDecoder().decode(Failure.self, from: bytes)
            throw SigningError(BankIDMessages.error(failure?.errorCode ?? "status \(response.status.code)", details: failure?.details))
        }
        do {
            return try JSONDecoder().decode(Answer.self, from: bytes)
        } catch {
            throw SigningError("BankID svarade med något Paragraf inte kan läsa: \(error).")
        }
    }
}

/// Signs through BankID: the person approves in the BankID app; the signature covers the
/// document's SHA-256, which is also what the app shows beside the document's title.
public struct BankIDSigner: DocumentSigner {
    public let client: BankIDClient
    public let endUserIp: String
    public var method: String { "BankID" }

    public init(client: BankIDClient, endUserIp: String) {
        self.client = client
        self.endUserIp = endUserIp
    }

    public func sign(_ bytes: [UInt8], as signer: SignerIdentity, summary: String) async throws -> DocumentSignature {
        let hash = SHA256.hex(bytes)
        let order = try await client.sign(endUserIp: endUserIp, visible: "\(summary)\n\nDokumentets kontrollsumma (SHA-256): \(hash)",
                                          nonVisible: Array(hash.utf8))
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: client.configuration.timeout)
        while true {
            let collected = try await client.collect(order.orderRef)
            switch collected.status {
            case "complete":
                guard let completion = collected.completionData else { throw SigningError("BankID svarade klart men utan underskrift.") }
                let data = try JSONEncoder().encode(completion)
                return DocumentSignature(signer: signer, method: method, signedAt: Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)),
                                         documentSHA256: hash, data: Array(data))
            case "failed":
                throw SigningError(BankIDMessages.hint(collected.hintCode ?? "", failed: true))
            default:
                if clock.now >= deadline {
                    try? await client.cancel(order.orderRef)
                    throw SigningError("Underskriften tog för lång tid och avbröts. Försök igen.")
                }
                try await Task.sleep(for: client.configuration.pollInterval)
            }
        }
    }
}

/// What BankID's answers mean to the person, in the wording of BankID's own guidelines (RFA).
public enum BankIDMessages {
    public static func hint(_ code: String, failed: Bool) -> String {
        switch (code, failed) {
        case ("outstandingTransaction", false), ("noClient", false): return "Starta BankID-appen."
        case ("userSign", false): return "Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under."
        case ("started", false): return "Söker efter BankID, det kan ta en liten stund …"
        case ("userCancel", true): return "Åtgärden avbruten."
        case ("expiredTransaction", true):
            return "BankID-appen svarar inte. Kontrollera att den är startad och att du har internetanslutning. Försök sedan igen."
        case ("certificateErr", true):
            return "Det BankID du försöker använda är för gammalt eller spärrat. Använd ett annat BankID eller skaffa ett nytt hos din internetbank."
        case ("startFailed", true): return "BankID-appen verkar inte finnas i din dator eller telefon. Installera den och skaffa ett BankID hos din internetbank."
        case (_, false): return "Identifiering eller underskrift pågår."
        default: return "Okänt fel. Försök igen."
        }
    }

    public static func error(_ code: String, details: String?) -> String {
        switch code {
        case "alreadyInProgress": return "En identifiering eller underskrift för det här personnumret är redan påbörjad. Försök igen."
        case "requestTimeout", "maintenance", "internalError": return "Internt fel hos BankID. Försök igen."
        case "invalidParameters": return "BankID tog inte emot begäran: \(details ?? "ogiltiga uppgifter")."
        case "unauthorized": return "BankID godtog inte Paragrafs certifikat (RP-certifikatet). Kontakta administratören."
        case "notFound": return "BankID känner inte till underskriften; den kan ha avbrutits. Försök igen."
        default: return "BankID svarade med fel (\(code))."
        }
    }
}

/// What can be checked of a BankID signature here: that the data BankID signed holds the
/// document's hash. The XML signature itself is BankID's, under BankID's CA, and is kept as
/// evidence; checking it against that CA is not done here.
public enum BankIDEvidence {
    public static func covers(_ completion: BankIDClient.CompletionData, sha256: String) -> Bool {
        guard let xml = Data(base64Encoded: completion.signature).map({ String(decoding: $0, as: UTF8.self) }),
              let start = xml.range(of: "<usrNonVisibleData>"), let end = xml.range(of: "</usrNonVisibleData>"),
              start.upperBound <= end.lowerBound,
              let signed = Data(base64Encoded: String(xml[start.upperBound..<end.lowerBound])) else { return false }
        return String(decoding: signed, as: UTF8.self) == sha256
    }

    /// The same, from a stored signature's data (the completion as JSON).
    public static func covers(_ data: [UInt8], sha256: String) -> Bool {
        guard let completion = try? JSONDecoder().decode(BankIDClient.CompletionData.self, from: Data(data)) else { return false }
        return covers(completion, sha256: sha256)
    }
}
