import ArgumentParser
import Foundation
import ParagrafCore
import ParagrafStore
import ParagrafWeb

/// Accounts from the command line: the first administrator is made here, the rest on the web.
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Skapar och listar konton för personal och förtroendevalda.",
        subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Skapar ett konto. Lösenordet läses från standard in (första raden) eller PARAGRAF_PASSWORD.")
        @OptionGroup var options: StoreOptions
        @Option(help: "Användarnamn (små bokstäver a–z, siffror, punkt, bindestreck).") var username: String
        @Option(help: "Personens namn.") var name: String
        @Option(help: "Roll: administratör, nämndsekreterare, handläggare eller ledamot. Kan anges flera gånger.") var role: [String] = []
        @Option(help: "Nämnden rollerna gäller: id eller förkortning (t.ex. ALN).") var committee: String?
        @Option(help: "Den förtroendevalda kontot tillhör (namnet som i nämnden), för ledamöter och ersättare.") var person: String?
        @Option(help: "E-postadress för påminnelser.") var email: String?

        func run() async throws {
            try await runReportingFailures {
                let configuration = try await options.resolve()
                let password = ProcessInfo.processInfo.environment["PARAGRAF_PASSWORD"] ?? readLine(strippingNewline: true) ?? ""
                let store = try await SQLStore.open(configuration.store, migrate: true, logger: options.logger)
                do {
                    var committeeID: CommitteeID?
                    if let committee {
                        let all = try await store.committees(in: nil)
                        guard let found = all.first(where: { String($0.id!.rawValue) == committee || $0.abbreviation?.lowercased() == committee.lowercased() }) else {
                            throw ValidationError("Nämnden ”\(committee)” finns inte.")
                        }
                        committeeID = found.id
                    }
                    var grants: [Grant] = []
                    for text in role {
                        guard let parsed = StaffRole(rawValue: text.lowercased()) ?? StaffRole.allCases.first(where: { "\($0)" == text }) else {
                            throw ValidationError("Rollen ”\(text)” finns inte. Välj bland: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", ")).")
                        }
                        grants.append(Grant(parsed, committee: parsed.isPerCommittee ? committeeID : nil))
                    }
                    var personID: PersonID?
                    if let person {
                        var found: [Person] = []
                        for municipality in try await store.municipalities() { found += try await store.persons(in: municipality.id!).filter { $0.name == person } }
                        guard found.count == 1 else {
                            throw ValidationError(found.isEmpty ? "Personen ”\(person)” finns inte." : "Flera personer heter ”\(person)”; ange kontot på webben i stället.")
                        }
                        personID = found[0].id
                    }
                    let account = try await AccountAdmin(store: store, passwordCost: configuration.passwordCost)
                        .save(Account(username: username, name: name, person: personID, grants: grants, email: email), password: password, actor: "kommandoraden")
                    print("Kontot \(account.username) är skapat (id \(account.id!.rawValue)).")
                    await store.close()
                } catch let problem as AccountAdmin.Problem {
                    await store.close()
                    FileHandle.standardError.write(Data("paragraf: \(problem.description)\n".utf8))
                    throw ExitCode.failure
                } catch {
                    await store.close()
                    throw error
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Listar kontona med deras roller.")
        @OptionGroup var options: StoreOptions

        func run() async throws {
            try await runReportingFailures {
                let configuration = try await options.resolve()
                let store = try await SQLStore.open(configuration.store, migrate: true, logger: options.logger)
                let accounts = try await store.accounts()
                await store.close()
                for account in accounts {
                    let roles = account.grants.map { $0.role.rawValue + ($0.committee.map { "@\($0.rawValue)" } ?? "") }.joined(separator: ", ")
                    print("\(account.username)\t\(account.name)\t\(roles)\(account.disabled ? "\tavstängt" : "")")
                }
            }
        }
    }
}
