import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Where reminders are sent from: an SMTP server the municipality runs or buys (`smtp.*` in the
/// configuration). Submission over implicit TLS (port 465, RFC 8314) or, for a relay on the same
/// host or a closed network, plain SMTP; credentials are never sent without TLS.
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: String, Sendable, Equatable {
        case tls
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// The sender's address (`paragraf@kommun.se`) and the name shown with it.
    public var from: String
    public var fromName: String
    /// A CA certificate (PEM) to trust besides the system's, for a server with its own CA.
    public var caPEM: String?

    public init(host: String, port: Int, security: Security, username: String? = nil, password: String? = nil, from: String,
                fromName: String = "Paragraf", caPEM: String? = nil) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.from = from
        self.fromName = fromName
        self.caPEM = caPEM
    }
}

/// A plain-text message in UTF-8.
public struct MailMessage: Sendable, Equatable {
    public var to: String
    public var toName: String?
    public var subject: String
    public var body: String

    public init(to: String, toName: String? = nil, subject: String, body: String) {
        self.to = to
        self.toName = toName
        self.subject = subject
        self.body = body
    }

    /// The message as RFC 5322 text: headers with RFC 2047 words for anything not ASCII, the body in base64.
    func rendered(from settings: SMTPSettings, date: Date, id: String) -> String {
        func word(_ text: String) -> String {
            text.allSatisfy { $0.isASCII && !$0.isNewline } ? text : "=?UTF-8?B?" + Data(text.utf8).base64EncodedString() + "?="
        }
        func mailbox(_ name: String?, _ address: String) -> String { name.map { "\(word($0)) <\(address)>" } ?? "<\(address)>" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let body = Data(body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
            .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return [
            "From: " + mailbox(settings.fromName, settings.from),
            "To: " + mailbox(toName, to),
            "Subject: " + word(subject),
            "Date: " + formatter.string(from: date),
            "Message-ID: <\(id)@paragraf>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "Auto-Submitted: auto-generated",
            "",
            body,
        ].joined(separator: "\r\n")
    }
}

public enum SMTPError: Error, Equatable, CustomStringConvertible {
    case refused(command: String, reply: String)
    case closed(String)
    case insecure

    public var description: String {
        switch self {
        case let .refused(command, reply): return "SMTP-servern avvisade \(command): \(reply)"
        case let .closed(during): return "SMTP-servern stängde förbindelsen \(during)"
        case .insecure: return "användarnamn och lösenord skickas bara över TLS; sätt smtp.security till tls"
        }
    }
}

/// A reply: its code and its text lines (several for a multi-line reply).
struct SMTPReply: Sendable {
    var code: Int
    var lines: [String]
    var text: String { "\(code) " + lines.joined(separator: " ") }
}

/// Gathers CRLF lines into replies: `250-…` continues, `250 …` ends one (RFC 5321 § 4.2).
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply
    var pending: [String] = []

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else { return .needMoreData }
        let length = end - buffer.readerIndex + 1
        var line = buffer.readString(length: length) ?? ""
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        guard line.count >= 3, let code = Int(line.prefix(3)) else {
            throw SMTPError.refused(command: "svaret", reply: line)
        }
        pending.append(String(line.dropFirst(4)))
        if line.count > 3, line[line.index(line.startIndex, offsetBy: 3)] == "-" { return .continue }
        context.fireChannelRead(wrapInboundOut(SMTPReply(code: code, lines: pending)))
        pending = []
        return .continue
    }
}

public struct SMTPClient: Sendable {
    public let settings: SMTPSettings

    public init(settings: SMTPSettings) {
        self.settings = settings
    }

    /// Sends the messages over one connection; each is answered with success or why the server refused it.
    public func send(_ messages: [MailMessage]) async throws -> [Result<Void, SMTPError>] {
        guard !messages.isEmpty else { return [] }
        if settings.username != nil, settings.security != .tls { throw SMTPError.insecure }
        let settings = settings
        var tls: NIOSSLContext?
        if settings.security == .tls {
            var configuration = TLSConfiguration.makeClientConfiguration()
            if let ca = settings.caPEM {
                configuration.additionalTrustRoots = [.certificates(try NIOSSLCertificate.fromPEMBytes(Array(ca.utf8)))]
            }
            tls = try NIOSSLContext(configuration: configuration)
        }
        let context = tls
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(15))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let context {
                        // SNI takes a name, never an address; for an address the certificate is checked against it.
                        let isAddress = settings.host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" }
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context,
                                                                                              serverHostname: isAddress ? nil : settings.host))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var replies = inbound.makeAsyncIterator()
            func reply(to command: String) async throws -> SMTPReply {
                guard let r = try await replies.next() else { throw SMTPError.closed("efter \(command)") }
                return r
            }
            func command(_ line: String, shown: String? = nil, expect: Set<Int>) async throws {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                let name = shown ?? String(line.prefix { $0 != " " && $0 != ":" })
                let r = try await reply(to: name)
                guard expect.contains(r.code) else { throw SMTPError.refused(command: name, reply: r.text) }
            }
            let greeting = try await reply(to: "anslutningen")
            guard greeting.code == 220 else { throw SMTPError.refused(command: "anslutningen", reply: greeting.text) }
            try await command("EHLO " + (ProcessInfo.processInfo.hostName.isEmpty ? "paragraf" : ProcessInfo.processInfo.hostName), expect: [250])
            if let user = settings.username {
                let token = Data(("\0" + user + "\0" + (settings.password ?? "")).utf8).base64EncodedString()
                try await command("AUTH PLAIN " + token, shown: "AUTH", expect: [235])
            }
            var results: [Result<Void, SMTPError>] = []
            for message in messages {
                do {
                    try await command("MAIL FROM:<\(settings.from)>", expect: [250])
                    try await command("RCPT TO:<\(message.to)>", expect: [250, 251])
                    try await command("DATA", expect: [354])
                    // Dot-stuffing (RFC 5321 § 4.5.2); base64 bodies never start a line with a dot, headers might.
                    let text = message.rendered(from: settings, date: Date(), id: UUID().uuidString.lowercased())
                        .split(separator: "\r\n", omittingEmptySubsequences: false)
                        .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
                    try await command(text + "\r\n.", shown: "meddelandet", expect: [250])
                    results.append(.success(()))
                } catch let error as SMTPError {
                    results.append(.failure(error))
                    try await command("RSET", expect: [250])
                }
            }
            try? await command("QUIT", expect: [221])
            return results
        }
    }
}
