import ArgumentParser
import Foundation
import ParagrafStore
import ParagrafWeb

/// `paragraf organisation load FILE.json`: committees, members and ersättare to start from.
struct OrganisationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organisation", abstract: "Läser in nämnder, ledamöter och ersättare från en JSON-fil.",
        subcommands: [Load.self])

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Läser in en organisationsfil; det som redan finns lämnas orört.")
        @OptionGroup var options: StoreOptions
        @Argument(help: "JSON-filen.") var file: String

        func run() async throws {
            try await runReportingFailures {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("paragraf: Filen \(file) går inte att läsa.\n".utf8))
                    throw ExitCode.failure
                }
                let configuration = try await options.resolve()
                do {
                    let organisation = try OrganisationFile.read(data, name: file)
                    let store = try await SQLStore.open(configuration.store, migrate: true, logger: options.logger)
                    do {
                        let loaded = try await organisation.load(into: store)
                        await store.close()
                        print("Inläst: \(loaded.committees) nämnder, \(loaded.persons) personer, \(loaded.memberships) uppdrag.")
                    } catch {
                        await store.close()
                        throw error
                    }
                } catch let problem as OrganisationFile.Problem {
                    FileHandle.standardError.write(Data("paragraf: \(problem.description)\n".utf8))
                    throw ExitCode.failure
                }
            }
        }
    }
}
