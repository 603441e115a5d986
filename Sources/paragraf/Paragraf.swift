import ArgumentParser
import Foundation
import Logging
import ParagrafCore
import ParagrafImport
import ParagrafStore
import ParagrafWeb

@main
struct Paragraf: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paragraf",
        abstract: "Paragraf – protokoll, beslut och anslagstavla för kommunala nämnder.",
        subcommands: [Serve.self, Migrate.self, Demo.self, Parse.self, Import.self, AccountCommand.self, OrganisationCommand.self, Remind.self, CACommand.self, Verify.self, Bench.self])
}

/// The options every command that touches data shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite-fil eller postgres://-adress (även PARAGRAF_STORE). Standard: ./paragraf.sqlite")
    var store: String?

    @Option(name: .long, help: "JSON-fil med inställningar (även PARAGRAF_CONFIG).")
    var config: String?

    @Flag(name: .long, help: "Skriv mer om vad som händer.")
    var verbose = false

    func resolve(host: String? = nil, port: String? = nil) async throws -> AppConfiguration {
        try await AppConfiguration.resolve(flags: .init(store: store, host: host, port: port, configFile: config))
    }

    var logger: Logger {
        var logger = Logger(label: "paragraf")
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}

/// Runs a command body; known failures print one Swedish line on standard error and exit 1.
func runReportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as StoreError {
        FileHandle.standardError.write(Data("paragraf: \(error.description)\n".utf8))
        throw ExitCode.failure
    } catch let error as ConfigurationError {
        FileHandle.standardError.write(Data("paragraf: \(error.description)\n".utf8))
        throw ExitCode.failure
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Uppdaterar databasens schema till den senaste versionen.")
    @OptionGroup var options: StoreOptions

    func run() async throws {
        try await runReportingFailures {
            let configuration = try await options.resolve()
            let backend = try await openBackend(configuration.store, logger: options.logger)
            do {
                let report = try await Migrator(backend: backend).migrate()
                await backend.shutdown()
                let applied = report.applied.isEmpty ? "inga nya migreringar" : "tillämpade \(report.applied.map(String.init).joined(separator: ", "))"
                print("\(configuration.store): schemaversion \(report.currentVersion) (\(applied)).")
            } catch {
                await backend.shutdown()
                throw error
            }
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Startar webbservern.")
    @OptionGroup var options: StoreOptions
    @Option(help: "Adress att lyssna på (även PARAGRAF_HTTP_HOST). Standard: 127.0.0.1") var host: String?
    @Option(help: "Port att lyssna på (även PARAGRAF_HTTP_PORT). Standard: 8080") var port: String?

    func run() async throws {
        try await runReportingFailures {
            let configuration = try await options.resolve(host: host, port: port)
            let store = try await SQLStore.open(configuration.store, migrate: true, logger: options.logger)
            var logger = options.logger
            logger.logLevel = options.verbose ? .debug : .info
            let app = try await buildApplication(store: store, configuration: configuration, logger: logger)
            print("Paragraf svarar på http://\(configuration.host):\(configuration.port)/ (data: \(configuration.store))")
            do {
                try await app.runService()
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fyller databasen med en påhittad kommun: nämnder, ledamöter, ett års sammanträden och protokoll.")
    @OptionGroup var options: StoreOptions
    @Option(help: "Fröet; samma frö ger samma data.") var seed: UInt64 = 1
    @Option(help: "Antal kommun-år (ett ger omkring 750 paragrafer).") var scale: Int = 1
    @Option(help: "Året sammanträdena hålls. Standard: i år.") var year: Int?
    @Option(help: "Dagens datum ÅÅÅÅ-MM-DD: tidigare sammanträden är hållna och protokollförda.") var today: String?

    func validate() throws {
        guard scale >= 1 else { throw ValidationError("--scale måste vara minst 1.") }
        if let today, LocalDate(iso: today) == nil { throw ValidationError("--today ska skrivas ÅÅÅÅ-MM-DD.") }
    }

    func run() async throws {
        try await runReportingFailures {
            let configuration = try await options.resolve()
            let store = try await SQLStore.open(configuration.store, migrate: true, logger: options.logger)
            let day = today.flatMap { LocalDate(iso: $0) } ?? .today()
            let existing = try await store.municipalities()
            if !existing.isEmpty {
                await store.close()
                throw StoreError.conflict("\(configuration.store) innehåller redan data; ange en ny fil med --store")
            }
            let generator = DemoGenerator(seed: seed, scale: scale, year: year ?? day.year, today: day)
            let interactive = isatty(STDERR_FILENO) == 1
            let started = Date()
            do {
                let summary = try await generator.run(into: store) { s in
                    if interactive {
                        FileHandle.standardError.write(Data("\r\(s.municipalities) kommuner, \(s.meetings) sammanträden, \(s.paragraphs) paragrafer …".utf8))
                    }
                }
                if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
                let seconds = Date().timeIntervalSince(started)
                print("Demodata i \(configuration.store): \(summary.municipalities) kommun(er), \(summary.committees) nämnder, "
                      + "\(summary.persons) förtroendevalda, \(summary.meetings) sammanträden, \(summary.paragraphs) paragrafer, "
                      + "\(summary.votes) omröstningar, \(summary.reservations) reservationer, \(summary.assignments) uppdrag "
                      + String(format: "(%.1f s).", seconds))
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }
}

struct Parse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Läser protokoll, kallelser och utdrag (text, Markdown eller PDF) och skriver ett JSON-objekt per fil.")
    @Argument(help: "Filer att läsa.") var files: [String]

    func run() async throws {
        var failed = 0
        for file in files {
            switch DocumentReader.read(path: file) {
            case .success(let doc):
                print(doc.json())
            case .failure(let failure):
                failed += 1
                FileHandle.standardError.write(Data("paragraf: \(failure.description)\n".utf8))
            }
        }
        if failed > 0 { throw ExitCode.failure }
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Läser in protokoll, kallelser och utdrag (filer eller mappar) i databasen, med originalfilerna.",
        discussion: """
            Varje dokument sparas i en egen transaktion: ett dokument som inte går att läsa ändrar ingenting. \
            Samma fil igen ändrar ingenting; en rättad version av ett dokument ersätter det som den förra versionen förde in.
            """)
    @OptionGroup var options: StoreOptions
    @Option(help: "Kommunen, när dokumenten inte anger den.") var municipality: String?
    @Option(help: "Nämnden, när dokumenten inte anger den.") var committee: String?
    @Argument(help: "Filer och mappar (.txt, .md, .pdf).") var paths: [String]

    func run() async throws {
        var failures = 0
        try await runReportingFailures {
            let configuration = try await options.resolve()
            // --verbose here means each document and its warnings, not the store's SQL.
            let store = try await SQLStore.open(configuration.store, migrate: true, logger: Logger(label: "paragraf.store"))
            let interactive = isatty(STDERR_FILENO) == 1
            let verbose = options.verbose
            let run = ImportRun(store: store, fallback: .init(municipality: municipality, committee: committee))
            let started = Date()
            var lastProgress = Date.distantPast
            let summary = await run.run(paths, progress: { index, count, path in
                // A progress line on a terminal, at most a few times a second.
                guard interactive, Date().timeIntervalSince(lastProgress) > 0.2 || index == count else { return }
                lastProgress = Date()
                let name = (path as NSString).lastPathComponent
                FileHandle.standardError.write(Data("\r\u{1B}[K[\(index)/\(count)] \(name)".utf8))
            }, report: { event in
                switch event {
                case let .failed(_, message):
                    if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                    FileHandle.standardError.write(Data("paragraf: \(message)\n".utf8))
                case let .filed(file, outcome, record, warnings):
                    var quiet = false
                    if case .added = outcome { quiet = !verbose }
                    if !quiet || verbose {
                        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                        print(ImportRun.describe(file: file, outcome: outcome, record: record))
                    }
                    if verbose { for warning in warnings { print("  varning: \(warning)") } }
                }
            })
            if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            await store.close()
            print(summary.line + String(format: " (%.1f s)", Date().timeIntervalSince(started)))
            failures = summary.failures
        }
        if failures > 0 { throw ExitCode.failure }
    }
}
