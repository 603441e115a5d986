import Configuration
import Foundation
import ParagrafCore
import ParagrafMail
import ParagrafStore

/// Paragraf's settings, from flags, then environment (`PARAGRAF_STORE`, `PARAGRAF_HTTP_HOST`,
/// `PARAGRAF_HTTP_PORT`), then an optional JSON file (`{"store": …, "http": {"host": …, "port": …}}`),
/// then the defaults.
public struct AppConfiguration: Sendable, Equatable {
    public static let defaultStore = "./paragraf.sqlite"

    public var store: StoreLocation
    public var host: String
    public var port: Int
    /// The largest file a form may upload, in bytes (`uploads.max-bytes`).
    public var uploadLimit: Int
    /// Whether the session cookie is sent only over HTTPS (`http.secure-cookies`); turn off only
    /// for a server reached over plain HTTP on a closed network.
    public var secureCookies: Bool
    /// bcrypt's work factor for new password hashes.
    public var passwordCost: UInt8
    /// The directory of the municipality's CA and its signers' certificates (`signing.ca-directory`);
    /// without it minutes cannot be signed with X.509.
    public var signingDirectory: String?
    /// BankID's relying-party API (`signing.bankid-url`, e.g. `https://appapi2.bankid.com/rp/v6.0`) with the
    /// RP certificate, its key and BankID's CA (`signing.bankid-certificate`, `-key`, `-ca`, PEM files);
    /// without the URL, BankID is not offered.
    public var bankID: BankIDSettings?
    /// The SMTP server reminders go through (`smtp.host`, `smtp.port`, `smtp.security` tls|none,
    /// `smtp.username`, `smtp.password`, `smtp.from`, `smtp.ca`); without `smtp.host` no e-mail is sent.
    public var smtp: SMTPSettings?
    /// The address staff reach Paragraf at (`http.public-url`), for links in e-mail.
    public var publicURL: String?

    public struct BankIDSettings: Sendable, Equatable {
        public var url: String
        public var certificate: String?
        public var key: String?
        public var ca: String?
        public init(url: String, certificate: String? = nil, key: String? = nil, ca: String? = nil) {
            self.url = url
            self.certificate = certificate
            self.key = key
            self.ca = ca
        }
    }

    public init(store: StoreLocation, host: String = "127.0.0.1", port: Int = 8080, uploadLimit: Int = 25_000_000,
                secureCookies: Bool = true, passwordCost: UInt8 = 12, signingDirectory: String? = nil, bankID: BankIDSettings? = nil,
                smtp: SMTPSettings? = nil, publicURL: String? = nil) {
        self.smtp = smtp
        self.publicURL = publicURL
        self.store = store
        self.host = host
        self.port = port
        self.uploadLimit = uploadLimit
        self.secureCookies = secureCookies
        self.passwordCost = passwordCost
        self.signingDirectory = signingDirectory
        self.bankID = bankID
    }

    /// Flag values given on the command line; nil where the flag was left out.
    public struct Flags: Sendable {
        public var store: String?
        public var host: String?
        public var port: String?
        public var configFile: String?

        public init(store: String? = nil, host: String? = nil, port: String? = nil, configFile: String? = nil) {
            self.store = store
            self.host = host
            self.port = port
            self.configFile = configFile
        }
    }

    public static func resolve(flags: Flags, environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> AppConfiguration {
        var flagValues: [AbsoluteConfigKey: ConfigValue] = [:]
        if let store = flags.store { flagValues[AbsoluteConfigKey(["store"])] = .init(.string(store), isSecret: true) }
        if let host = flags.host { flagValues[AbsoluteConfigKey(["http", "host"])] = .init(.string(host), isSecret: false) }
        if let port = flags.port { flagValues[AbsoluteConfigKey(["http", "port"])] = .init(.string(port), isSecret: false) }
        // Environment variables carry the PARAGRAF_ prefix: `store` is read from PARAGRAF_STORE.
        let env = KeyMappingProvider(upstream: EnvironmentVariablesProvider(environmentVariables: environment)) { key in
            AbsoluteConfigKey(["paragraf"] + key.components, context: key.context)
        }
        var providers: [any ConfigProvider] = [InMemoryProvider(name: "flaggor", values: flagValues), env]
        let configFile = flags.configFile ?? environment["PARAGRAF_CONFIG"]
        if let configFile {
            guard FileManager.default.fileExists(atPath: configFile) else {
                throw ConfigurationError.fileMissing(configFile)
            }
            do {
                providers.append(try await FileProvider<JSONSnapshot>(filePath: .init(configFile)))
            } catch {
                throw ConfigurationError.unreadableFile(configFile, "\(error)")
            }
        }
        let config = ConfigReader(providers: providers)
        /// A setting left out or given empty is not set.
        func setting(_ key: ConfigKey) -> String? { config.string(forKey: key).flatMap { $0.isEmpty ? nil : $0 } }

        let storeText = config.string(forKey: "store", isSecret: true) ?? defaultStore
        let store: StoreLocation
        do {
            store = try StoreLocation(storeText)
        } catch {
            throw ConfigurationError.invalid(key: "store", value: storeText, hint: error.description)
        }
        let host = config.string(forKey: "http.host") ?? "127.0.0.1"
        guard !host.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ConfigurationError.invalid(key: "http.host", value: host, hint: "ange en värd, t.ex. 127.0.0.1 eller 0.0.0.0")
        }
        let portText = config.string(forKey: "http.port") ?? config.int(forKey: "http.port").map(String.init) ?? "8080"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw ConfigurationError.invalid(key: "http.port", value: portText, hint: "porten ska vara ett heltal mellan 1 och 65535")
        }
        let limitText = config.string(forKey: "uploads.max-bytes") ?? config.int(forKey: "uploads.max-bytes").map(String.init) ?? "25000000"
        guard let uploadLimit = Int(limitText), uploadLimit >= 1000 else {
            throw ConfigurationError.invalid(key: "uploads.max-bytes", value: limitText, hint: "ange största filstorlek i byte, minst 1000")
        }
        let secureText = (config.string(forKey: "http.secure-cookies") ?? config.bool(forKey: "http.secure-cookies").map { $0 ? "true" : "false" } ?? "true").lowercased()
        guard ["true", "false", "1", "0", "ja", "nej"].contains(secureText) else {
            throw ConfigurationError.invalid(key: "http.secure-cookies", value: secureText, hint: "ange true eller false")
        }
        var smtp: SMTPSettings?
        if let smtpHost = setting("smtp.host") {
            let securityText = (config.string(forKey: "smtp.security") ?? "tls").lowercased()
            guard let security = SMTPSettings.Security(rawValue: securityText) else {
                throw ConfigurationError.invalid(key: "smtp.security", value: securityText, hint: "ange tls (port 465) eller none (okrypterat, bara inom ett stängt nät)")
            }
            let smtpPortText = config.string(forKey: "smtp.port") ?? config.int(forKey: "smtp.port").map(String.init) ?? (security == .tls ? "465" : "25")
            guard let smtpPort = Int(smtpPortText), (1...65535).contains(smtpPort) else {
                throw ConfigurationError.invalid(key: "smtp.port", value: smtpPortText, hint: "porten ska vara ett heltal mellan 1 och 65535")
            }
            let from = config.string(forKey: "smtp.from") ?? ""
            guard Account.looksLikeAddress(from) else {
                throw ConfigurationError.invalid(key: "smtp.from", value: from, hint: "ange avsändaradressen, t.ex. paragraf@kommun.se")
            }
            let username = setting("smtp.username")
            if username != nil, security != .tls {
                throw ConfigurationError.invalid(key: "smtp.security", value: securityText, hint: "med smtp.username måste smtp.security vara tls, så att lösenordet inte skickas okrypterat")
            }
            var caPEM: String?
            if let caPath = setting("smtp.ca") {
                guard let text = try? String(contentsOfFile: caPath, encoding: .utf8) else {
                    throw ConfigurationError.invalid(key: "smtp.ca", value: caPath, hint: "filen går inte att läsa; ange en CA i PEM")
                }
                caPEM = text
            }
            smtp = SMTPSettings(host: smtpHost, port: smtpPort, security: security, username: username,
                                password: config.string(forKey: "smtp.password", isSecret: true), from: from, caPEM: caPEM)
        }
        return AppConfiguration(store: store, host: host, port: port, uploadLimit: uploadLimit,
                                secureCookies: ["true", "1", "ja"].contains(secureText),
                                signingDirectory: setting("signing.ca-directory"),
                                bankID: setting("signing.bankid-url").map { url in
                                    BankIDSettings(url: url, certificate: config.string(forKey: "signing.bankid-certificate"),
                                                   key: config.string(forKey: "signing.bankid-key"), ca: config.string(forKey: "signing.bankid-ca"))
                                },
                                smtp: smtp, publicURL: setting("http.public-url"))
    }
}

public enum ConfigurationError: Error, CustomStringConvertible, Equatable {
    case fileMissing(String)
    case unreadableFile(String, String)
    case invalid(key: String, value: String, hint: String)

    public var description: String {
        switch self {
        case .fileMissing(let path): return "Konfigurationsfilen \(path) finns inte."
        case let .unreadableFile(path, reason): return "Konfigurationsfilen \(path) kunde inte läsas som JSON: \(reason)"
        case let .invalid(key, value, hint): return "Ogiltig inställning \(key) = ”\(value)”: \(hint)."
        }
    }
}
