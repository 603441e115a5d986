import Foundation
import ParagrafStore
@testable import ParagrafWeb
import Testing

@Suite("Configuration: flags, then environment, then file, then defaults")
struct ConfigurationTests {
    func file(_ json: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-\(UUID().uuidString).json")
        try json.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func defaults() async throws {
        let c = try await AppConfiguration.resolve(flags: .init(), environment: [:])
        #expect(c == AppConfiguration(store: .sqlite(path: "./paragraf.sqlite"), host: "127.0.0.1", port: 8080))
    }

    @Test("cookie security and the upload limit come from the environment or the file; a bad value is named")
    func staffSettings() async throws {
        let fromEnv = try await AppConfiguration.resolve(flags: .init(), environment: [
            "PARAGRAF_HTTP_SECURE_COOKIES": "false", "PARAGRAF_UPLOADS_MAX_BYTES": "5000000"])
        #expect(fromEnv.secureCookies == false && fromEnv.uploadLimit == 5_000_000)
        let path = try file(#"{"http": {"secure-cookies": false}, "uploads": {"max-bytes": 2000}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = try await AppConfiguration.resolve(flags: .init(configFile: path), environment: [:])
        #expect(fromFile.secureCookies == false && fromFile.uploadLimit == 2000)
        #expect(try await AppConfiguration.resolve(flags: .init(), environment: [:]).secureCookies == true)
        let signing = try await AppConfiguration.resolve(flags: .init(), environment: [
            "PARAGRAF_SIGNING_CA_DIRECTORY": "/etc/paragraf/ca", "PARAGRAF_SIGNING_BANKID_URL": "https://appapi2.test.bankid.com/rp/v6.0",
            "PARAGRAF_SIGNING_BANKID_CERTIFICATE": "/etc/paragraf/rp.pem", "PARAGRAF_SIGNING_BANKID_KEY": "/etc/paragraf/rp.key"])
        #expect(signing.signingDirectory == "/etc/paragraf/ca")
        #expect(signing.bankID == .init(url: "https://appapi2.test.bankid.com/rp/v6.0", certificate: "/etc/paragraf/rp.pem", key: "/etc/paragraf/rp.key"))
        #expect(try await AppConfiguration.resolve(flags: .init(), environment: [:]).bankID == nil)
        await #expect(throws: ConfigurationError.invalid(key: "uploads.max-bytes", value: "mycket", hint: "ange största filstorlek i byte, minst 1000")) {
            try await AppConfiguration.resolve(flags: .init(), environment: ["PARAGRAF_UPLOADS_MAX_BYTES": "mycket"])
        }
        await #expect(throws: ConfigurationError.self) {
            try await AppConfiguration.resolve(flags: .init(), environment: ["PARAGRAF_HTTP_SECURE_COOKIES": "kanske"])
        }
    }

    @Test func precedence() async throws {
        let path = try file(#"{"store": "/fil/från-fil.sqlite", "http": {"host": "0.0.0.0", "port": 9000}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = try await AppConfiguration.resolve(flags: .init(configFile: path), environment: [:])
        #expect(fromFile == AppConfiguration(store: .sqlite(path: "/fil/från-fil.sqlite"), host: "0.0.0.0", port: 9000))

        let env = ["PARAGRAF_STORE": "postgres://p@127.0.0.1:5432/paragraf", "PARAGRAF_HTTP_PORT": "9100", "PARAGRAF_CONFIG": path]
        let fromEnv = try await AppConfiguration.resolve(flags: .init(), environment: env)
        #expect(fromEnv == AppConfiguration(store: .postgres(url: "postgres://p@127.0.0.1:5432/paragraf"), host: "0.0.0.0", port: 9100))

        let fromFlags = try await AppConfiguration.resolve(flags: .init(store: "flagga.sqlite", port: "9200"), environment: env)
        #expect(fromFlags == AppConfiguration(store: .sqlite(path: "flagga.sqlite"), host: "0.0.0.0", port: 9200))
    }

    @Test func malformedValuesAreNamed() async throws {
        await #expect(throws: ConfigurationError.invalid(key: "http.port", value: "åttio", hint: "porten ska vara ett heltal mellan 1 och 65535")) {
            try await AppConfiguration.resolve(flags: .init(port: "åttio"), environment: [:])
        }
        await #expect(throws: ConfigurationError.self) {
            try await AppConfiguration.resolve(flags: .init(), environment: ["PARAGRAF_HTTP_PORT": "70000"])
        }
        await #expect(throws: ConfigurationError.self) {
            try await AppConfiguration.resolve(flags: .init(store: "mysql://x/y"), environment: [:])
        }
    }

    @Test func badFiles() async throws {
        await #expect(throws: ConfigurationError.fileMissing("/finns/inte.json")) {
            try await AppConfiguration.resolve(flags: .init(configFile: "/finns/inte.json"), environment: [:])
        }
        let path = try file("{ detta är ingen json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try await AppConfiguration.resolve(flags: .init(configFile: path), environment: [:])
            Issue.record("accepted a malformed file")
        } catch let error as ConfigurationError {
            #expect(error.description.contains(path))
        }
    }
}
