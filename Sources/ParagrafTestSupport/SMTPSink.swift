import Foundation

/// The local SMTP server the reminder tests send to: `scripts/smtp-sink` (Python's aiosmtpd)
/// in a temporary directory, and the messages it received, decoded.
public final class SMTPSink: @unchecked Sendable {
    public let port: Int
    let directory: URL
    let process: Process

    public struct Received: Sendable {
        public var envelopeTo: String
        public var headers: [String: String]
        public var subject: String
        public var body: String
    }

    /// With `tls` (a certificate and key in PEM files) the sink speaks implicit TLS and takes any login.
    public init(tls: (certificate: String, key: String)? = nil) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-smtp-\(UUID().uuidString)")
        process = Process()
        process.executableURL = root.appendingPathComponent("scripts/smtp-sink")
        process.arguments = [directory.path] + (tls.map { ["--tls", $0.certificate, $0.key] } ?? [])
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        // The script prints its port once the server listens.
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line += byte }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)) else {
            process.terminate()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "scripts/smtp-sink started no server (run scripts/install-deps)"])
        }
        self.port = port
    }

    deinit { stop() }

    public func stop() {
        // SIGKILL: a test runner may ignore SIGTERM, and its children inherit that.
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The messages received so far, oldest first.
    public func messages() throws -> [Received] {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        return try files.filter { $0.pathExtension == "eml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }.map { file in
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            let parts = text.components(separatedBy: "\n\n")
            var headers: [String: String] = [:]
            for line in parts[0].split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            var body = parts.dropFirst().joined(separator: "\n\n")
            if headers["content-transfer-encoding"]?.lowercased() == "base64",
               let data = Data(base64Encoded: body.replacingOccurrences(of: "\n", with: "")) {
                body = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            }
            return Received(envelopeTo: headers["x-envelope-to"] ?? "", headers: headers, subject: Self.decodedWords(headers["subject"] ?? ""),
                            body: body)
        }
    }

    /// `=?UTF-8?B?…?=` as text.
    static func decodedWords(_ header: String) -> String {
        guard header.hasPrefix("=?UTF-8?B?"), header.hasSuffix("?="),
              let data = Data(base64Encoded: String(header.dropFirst(10).dropLast(2))) else { return header }
        return String(decoding: data, as: UTF8.self)
    }
}
