import ArgumentParser
import Foundation
import ParagrafCore
import ParagrafStore
import ParagrafWeb

/// `paragraf remind`: the day's e-mail reminders, for the operator's daily timer.
struct Remind: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Skickar påminnelser med e-post om uppdrag och remisser som ska vara klara inom 30 dagar eller är försenade.",
        discussion: "Körs en gång om dagen (systemd-timer eller cron). Varje påminnelse skickas en gång; utan smtp.host i konfigurationen skickas ingen e-post.")
    @OptionGroup var options: StoreOptions
    @Option(help: "Dagen att räkna från (ÅÅÅÅ-MM-DD); standard är i dag.") var today: String?

    func run() async throws {
        try await runReportingFailures {
            let configuration = try await options.resolve()
            var day = LocalDate.today()
            if let today {
                guard let parsed = LocalDate(iso: today) else { throw ValidationError("Dagen ”\(today)” ska skrivas ÅÅÅÅ-MM-DD.") }
                day = parsed
            }
            let store = try await SQLStore.open(configuration.store, migrate: true, logger: options.logger)
            let outcome: ReminderRun.Outcome
            do {
                outcome = try await ReminderRun(store: store, smtp: configuration.smtp, publicURL: configuration.publicURL).run(today: day)
                await store.close()
            } catch {
                await store.close()
                FileHandle.standardError.write(Data("paragraf: påminnelserna kunde inte skickas: \(error)\n".utf8))
                throw ExitCode.failure
            }
            if let notice = outcome.notice { print(notice) }
            for address in outcome.sent { print("Skickad till \(address)") }
            for failure in outcome.failed { FileHandle.standardError.write(Data("paragraf: inte skickad: \(failure)\n".utf8)) }
            if outcome.notice == nil, outcome.sent.isEmpty, outcome.failed.isEmpty { print("Inga nya påminnelser att skicka.") }
            if !outcome.failed.isEmpty { throw ExitCode.failure }
        }
    }
}
