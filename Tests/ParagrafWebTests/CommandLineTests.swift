import Foundation
import ParagrafStore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Runs the built `paragraf` binary as a user would.
struct CLI {
    /// The products directory holds the test bundle and the `paragraf` executable side by side.
    static let executable: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if dir.lastPathComponent == "MacOS" { dir = dir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
        return dir.appendingPathComponent("paragraf")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("PARAGRAF_") { env[key] = nil }
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

func scratchDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

@Suite("The paragraf command")
struct CommandLineTests {
    @Test func migrateThenAgain() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("p.sqlite").path
        let first = try CLI.run(["migrate", "--store", store])
        #expect(first.status == 0)
        let versions = Migrations.all.map(\.version)
        #expect(first.stdout.contains("schemaversion \(versions.last!) (tillämpade \(versions.map(String.init).joined(separator: ", ")))"),
                "\(first.stdout)")
        let again = try CLI.run(["migrate"], environment: ["PARAGRAF_STORE": store])
        #expect(again.status == 0)
        #expect(again.stdout.contains("inga nya migreringar"))
    }

    @Test("account add makes the first administrator; a bad role or a short password is refused with the reason")
    func accounts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("p.sqlite").path
        let made = try CLI.run(["account", "add", "--store", db, "--username", "admin", "--name", "Ada Admin", "--role", "administratör"],
                               environment: ["PARAGRAF_PASSWORD": "ett långt lösenord"])
        #expect(made.status == 0 && made.stdout.contains("Kontot admin är skapat"))
        let badRole = try CLI.run(["account", "add", "--store", db, "--username", "b", "--name", "B", "--role", "kung"],
                                  environment: ["PARAGRAF_PASSWORD": "ett långt lösenord"])
        #expect(badRole.status != 0 && badRole.stderr.contains("Rollen ”kung” finns inte"))
        let short = try CLI.run(["account", "add", "--store", db, "--username", "c", "--name", "C", "--role", "administratör"],
                                environment: ["PARAGRAF_PASSWORD": "kort"])
        #expect(short.status == 1 && short.stderr.contains("minst 12 tecken"))
        let list = try CLI.run(["account", "list", "--store", db])
        #expect(list.stdout == "admin\tAda Admin\tadministratör\n")
    }

    @Test("bad input: one line saying what and where, exit 1")
    func badInput() throws {
        let unreachable = try CLI.run(["migrate", "--store", "postgres://paragraf:hemligt@127.0.0.1:1/paragraf"])
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.contains("127.0.0.1:1"))
        #expect(!unreachable.stderr.contains("hemligt"))
        #expect(unreachable.stderr.split(separator: "\n").count == 1)

        let port = try CLI.run(["serve", "--store", "/tmp/x.sqlite", "--port", "åttio"])
        #expect(port.status == 1)
        #expect(port.stderr.contains("http.port"))

        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("paragraf.json")
        try "{ inte json".write(to: config, atomically: true, encoding: .utf8)
        let file = try CLI.run(["migrate", "--config", config.path])
        #expect(file.status == 1)
        #expect(file.stderr.contains(config.path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("paragraf.sqlite").path))
    }

    @Test("demo --scale 1, then serve: the start page shows the committees and meetings")
    func demoThenServe() async throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("demo.sqlite").path
        let demo = try CLI.run(["demo", "--scale", "1", "--store", store, "--year", "2024", "--today", "2024-10-01"])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("7 nämnder"))
        let refused = try CLI.run(["demo", "--store", store])
        #expect(refused.status == 1, "a store with data is not filled again")

        let port = Int.random(in: 20_000...40_000)
        let server = Process()
        server.executableURL = CLI.executable
        server.arguments = ["serve", "--store", store, "--host", "127.0.0.1", "--port", String(port)]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        var html = ""
        for _ in 0..<100 {
            if let (data, _) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/")!) {
                html = String(decoding: data, as: UTF8.self)
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(html.contains("Kommunstyrelsen"))
        #expect(html.contains("Socialnämnden"))
        #expect(html.contains("Sammanträden 2024"))
        #expect(html.contains("<time datetime=\"2024-"))
    }
}
