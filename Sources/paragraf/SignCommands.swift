import ArgumentParser
import Foundation
import ParagrafCore
import ParagrafSign
import ParagrafStore
import ParagrafWeb

/// `paragraf ca`: the municipality's own CA for signing minutes, when it has none of its own.
struct CACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ca", abstract: "Skapar kommunens certifikatutfärdare (CA) och underskriftscertifikat för justering.",
        subcommands: [Create.self, Issue.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "init", abstract: "Skapar en ny CA i en tom katalog.")
        @Option(help: "Katalogen för CA och certifikat (samma som signing.ca-directory).") var dir: String
        @Option(help: "Kommunens namn.") var name: String

        func run() throws {
            do {
                _ = try LocalCA.create(in: URL(fileURLWithPath: dir), name: name)
                print("CA skapad i \(dir). Håll ca.key.pem hemlig.")
            } catch let error as SigningError {
                FileHandle.standardError.write(Data("paragraf: \(error.description)\n".utf8))
                throw ExitCode.failure
            }
        }
    }

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "issue", abstract: "Utfärdar ett underskriftscertifikat för ett konto.")
        @Option(help: "CA-katalogen.") var dir: String
        @Option(help: "Kontots användarnamn.") var account: String
        @Option(help: "Personens namn, som det står i certifikatet.") var name: String

        func run() throws {
            do {
                try LocalCA(directory: URL(fileURLWithPath: dir)).issue(account: account, name: name)
                print("Certifikat utfärdat för \(account) (\(name)).")
            } catch let error as SigningError {
                FileHandle.standardError.write(Data("paragraf: \(error.description)\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}

/// `paragraf verify`: checks signed minutes, as files or as the store keeps them.
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kontrollerar ett justerat protokoll: underskrifterna, att rätt personer signerat och att inget ändrats.",
        discussion: """
            paragraf verify --ca KATALOG protokoll.pdf underskrift1.p7s underskrift2.p7s
            paragraf verify --ca KATALOG --store paragraf.sqlite --meeting 12 [--export KATALOG]
            Avslutas med 0 när allt stämmer, annars 1 med en rad per fel.
            """)
    @Option(help: "CA-katalogen med ca.cert.pem.") var ca: String
    @Option(help: "SQLite-fil eller postgres://-adress.") var store: String?
    @Option(help: "Sammanträdets id.") var meeting: Int64?
    @Option(help: "Skriv protokollets PDF och underskrifter (.p7s) till katalogen.") var export: String?
    @Argument(help: "PDF-filen och dess underskrifter (.p7s).") var files: [String] = []

    func run() async throws {
        let verifier = MinutesVerifier(caDirectory: ca)
        let report: MinutesVerifier.Report
        do {
            if let meeting {
                let location = try StoreLocation(store ?? AppConfiguration.defaultStore)
                let opened = try await SQLStore.open(location, migrate: false)
                do {
                    report = try await verifier.verify(meeting: MeetingID(meeting), in: opened)
                    if let export { try await write(meeting: MeetingID(meeting), from: opened, to: export) }
                    await opened.close()
                } catch {
                    await opened.close()
                    throw error
                }
            } else {
                guard let pdf = files.first, files.count >= 2 else {
                    throw ValidationError("Ange PDF-filen och minst en underskrift, eller --store och --meeting.")
                }
                func bytes(_ path: String) throws -> [UInt8] {
                    guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("Filen \(path) går inte att läsa.") }
                    return Array(data)
                }
                report = try await verifier.verify(file: try bytes(pdf), signatures: try files.dropFirst().map(bytes))
            }
        } catch let error as SigningError {
            FileHandle.standardError.write(Data("paragraf: \(error.description)\n".utf8))
            throw ExitCode.failure
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("paragraf: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
        for line in report.lines { print(line) }
        for problem in report.problems { print("FEL: \(problem)") }
        print(report.ok ? "Protokollet är giltigt." : "Protokollet är INTE giltigt.")
        if !report.ok { throw ExitCode.failure }
    }

    private func write(meeting: MeetingID, from store: SQLStore, to directory: String) async throws {
        guard let signed = try await store.signedMinutes(for: meeting), let pdf = try await store.sourceFile(sha256: signed.pdfSHA256) else { return }
        let dir = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try pdf.write(to: dir.appendingPathComponent("protokoll.pdf"))
        for (index, signature) in signed.signatures.enumerated() {
            try Data(signature.data).write(to: dir.appendingPathComponent("underskrift-\(index + 1)-\(signature.role.rawValue).p7s"))
        }
    }
}
