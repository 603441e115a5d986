import ParagrafCore

/// What an account follows and when it is due: overdue first, then the next 30 days
/// (`/intern/bevakning`).
public struct DueOverviewPage: Page {
    public static let template = "bevakning"
    public let title = "Bevakning"
    public var bar: StaffBar
    public var today: String
    public var horizon: String
    public var overdue: [Row]
    public var upcoming: [Row]
    public var hasOverdue: Bool
    public var hasUpcoming: Bool
    public var reminders: String

    public struct Row: Sendable {
        public var kind: String
        public var title: String
        public var committee: String
        public var due: String
        public var dueISO: String
        public var counterpart: String?
        public var handler: String?
        public var days: String
    }

    public init(bar: StaffBar, items: [DueItem], today: LocalDate, remindersConfigured: Bool) {
        self.bar = bar
        self.today = SwedishFormat.date(today)
        self.horizon = SwedishFormat.date(today.adding(days: DueOverview.horizonDays))
        let split = DueOverview.split(items, today: today)
        func row(_ item: DueItem) -> Row {
            let n = today.days(until: item.due)
            let days = n < 0 ? "\(-n) \(-n == 1 ? "dag" : "dagar") sent" : n == 0 ? "i dag" : "om \(n) \(n == 1 ? "dag" : "dagar")"
            return Row(kind: item.kind == .assignment ? "Uppdrag" : "Remiss", title: item.title, committee: item.committee,
                       due: SwedishFormat.date(item.due), dueISO: item.due.iso, counterpart: item.counterpart, handler: item.handler, days: days)
        }
        overdue = split.overdue.map(row)
        upcoming = split.upcoming.map(row)
        hasOverdue = !overdue.isEmpty
        hasUpcoming = !upcoming.isEmpty
        reminders = remindersConfigured
            ? "Påminnelser skickas med e-post till kontots adress när något kommer inom 30 dagar och när det blir försenat."
            : "Påminnelser med e-post är inte påslagna: ingen SMTP-server är angiven i konfigurationen."
    }
}

/// The reminder e-mail to one person, in Swedish.
public enum ReminderMail {
    public static func subject(_ reminder: DueOverview.Reminder) -> String {
        let late = reminder.items.filter { $0.stage == .overdue }.count
        let soon = reminder.items.count - late
        var parts: [String] = []
        if late > 0 { parts.append("\(late) försenade") }
        if soon > 0 { parts.append("\(soon) inom 30 dagar") }
        return "Paragraf: uppdrag och remisser att bevaka (\(parts.joined(separator: ", ")))"
    }

    public static func body(_ reminder: DueOverview.Reminder, overviewURL: String?) -> String {
        func line(_ entry: DueOverview.Reminder.Entry) -> String {
            let item = entry.item
            let what: String
            switch item.kind {
            case .assignment:
                what = "Uppdrag: \(item.title)" + (item.counterpart.map { " (till \($0))" } ?? "")
                    + (entry.stage == .overdue ? " – skulle ha återrapporterats " : " – återrapporteras senast ") + SwedishFormat.date(item.due)
            case .referral:
                what = "Remiss" + (item.counterpart.map { " från \($0)" } ?? "") + ": \(item.title)"
                    + (entry.stage == .overdue ? " – svaret skulle ha lämnats " : " – svar senast ") + SwedishFormat.date(item.due)
            }
            return "- \(what). \(item.committee)."
        }
        var text = "Hej \(reminder.name),\n\n"
        let late = reminder.items.filter { $0.stage == .overdue }
        let soon = reminder.items.filter { $0.stage == .upcoming }
        if !late.isEmpty { text += "Försenat:\n" + late.map(line).joined(separator: "\n") + "\n\n" }
        if !soon.isEmpty { text += "Inom 30 dagar:\n" + soon.map(line).joined(separator: "\n") + "\n\n" }
        if let overviewURL { text += "Hela bevakningen: \(overviewURL)\n\n" }
        text += "Meddelandet skickas av Paragraf till nämndsekreterare och handläggare. Du får en påminnelse när något kommer inom 30 dagar och en när det blir försenat.\n"
        return text
    }
}
