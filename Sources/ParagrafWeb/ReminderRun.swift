import Foundation
import ParagrafCore
import ParagrafMail
import ParagrafRender
import ParagrafStore

/// Sends the day's reminders (`paragraf remind`, run daily by the operator's timer): one e-mail per
/// nämndsekreterare or handläggare with an address, of what entered the 30 days or became overdue
/// since the last run. A reminder is noted as sent only when the server took it.
public struct ReminderRun: Sendable {
    let store: any Store
    let smtp: SMTPSettings?
    let publicURL: String?

    public init(store: any Store, smtp: SMTPSettings?, publicURL: String?) {
        self.store = store
        self.smtp = smtp
        self.publicURL = publicURL
    }

    public struct Outcome: Equatable, Sendable {
        public var sent: [String] = []
        public var failed: [String] = []
        /// Set when nothing could be sent at all, in Swedish.
        public var notice: String?
    }

    public func run(today: LocalDate) async throws -> Outcome {
        let items = try await store.dueItems(committees: nil)
        let accounts = try await store.accounts()
        // What each account would be told today, less what it was told before: only these keys are looked up.
        let candidates = DueOverview.reminders(items: items, accounts: accounts, today: today, alreadySent: [])
        let sentBefore = try await store.remindersSent(keys: candidates.flatMap { $0.items.map(\.key) })
        let reminders = candidates.compactMap { reminder -> DueOverview.Reminder? in
            var left = reminder
            left.items.removeAll { sentBefore.contains($0.key) }
            return left.items.isEmpty ? nil : left
        }
        guard let smtp else {
            return Outcome(notice: "Ingen e-post skickas: smtp.host är inte angiven i konfigurationen (\(reminders.count) påminnelser väntar).")
        }
        guard !reminders.isEmpty else { return Outcome() }
        let overview = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }.map { $0 + StaffLinks.dueOverview }
        let messages = reminders.map {
            MailMessage(to: $0.email, toName: $0.name, subject: ReminderMail.subject($0), body: ReminderMail.body($0, overviewURL: overview))
        }
        let results = try await SMTPClient(settings: smtp).send(messages)
        var outcome = Outcome()
        for (reminder, result) in zip(reminders, results) {
            switch result {
            case .success:
                try await store.markRemindersSent(keys: reminder.items.map(\.key))
                outcome.sent.append(reminder.email)
            case .failure(let error):
                outcome.failed.append("\(reminder.email): \(error.description)")
            }
        }
        return outcome
    }
}
