/// Something owed by a day: an assignment's report-back or a remiss's answer.
public struct DueItem: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case assignment = "uppdrag"
        case referral = "remiss"
    }

    public var kind: Kind
    public var id: Int64
    public var title: String
    public var committeeID: CommitteeID
    public var committee: String
    public var due: LocalDate
    /// Assignments: who carries it out; referrals: who sent it.
    public var counterpart: String?
    /// The handläggare of the case behind it, by name, when there is one.
    public var handler: String?

    public init(kind: Kind, id: Int64, title: String, committeeID: CommitteeID, committee: String, due: LocalDate,
                counterpart: String? = nil, handler: String? = nil) {
        self.kind = kind
        self.id = id
        self.title = title
        self.committeeID = committeeID
        self.committee = committee
        self.due = due
        self.counterpart = counterpart
        self.handler = handler
    }
}

/// The overview of what is due: overdue, and due within the next 30 days; who follows what; and
/// which reminders to send.
public enum DueOverview {
    public static let horizonDays = 30

    public struct Split: Hashable, Sendable {
        /// Due before today, oldest first.
        public var overdue: [DueItem]
        /// Due today or within the horizon, soonest first.
        public var upcoming: [DueItem]
    }

    public static func split(_ items: [DueItem], today: LocalDate) -> Split {
        let sorted = items.sorted { ($0.due, $0.committee, $0.id) < ($1.due, $1.committee, $1.id) }
        let end = today.adding(days: horizonDays)
        return Split(overdue: sorted.filter { $0.due < today }, upcoming: sorted.filter { !($0.due < today) && !(end < $0.due) })
    }

    /// What an account follows: everything in the committees where it is nämndsekreterare; where
    /// it is handläggare, what belongs to cases it handles (matched by its name).
    public static func followed(by account: Account, among items: [DueItem]) -> [DueItem] {
        guard !account.disabled else { return [] }
        let secretaryOf = Set(account.grants.filter { $0.role == .secretary }.compactMap(\.committee))
        let handlerOf = Set(account.grants.filter { $0.role == .handler }.compactMap(\.committee))
        let name = account.name.lowercased()
        return items.filter { item in
            secretaryOf.contains(item.committeeID)
                || handlerOf.contains(item.committeeID) && item.handler?.lowercased() == name
        }
    }

    public enum Stage: String, Hashable, Sendable {
        /// Due within the horizon: the first reminder.
        case upcoming = "inom 30 dagar"
        /// Past its day and still open: the second.
        case overdue = "försenat"
    }

    public struct Reminder: Hashable, Sendable {
        public var name: String
        public var email: String
        public var items: [Entry]

        public struct Entry: Hashable, Sendable {
            public var item: DueItem
            public var stage: Stage
            /// What keeps the same reminder from going out twice.
            public var key: String
        }
    }

    /// One e-mail per account with an address, holding each followed item that has entered a stage
    /// it was not yet reminded of. Items whose day moved are reminded again.
    public static func reminders(items: [DueItem], accounts: [Account], today: LocalDate, alreadySent: Set<String>) -> [Reminder] {
        let split = split(items, today: today)
        let staged = split.overdue.map { ($0, Stage.overdue) } + split.upcoming.map { ($0, Stage.upcoming) }
        return accounts.compactMap { account in
            guard let email = account.email, Account.looksLikeAddress(email) else { return nil }
            let followed = Set(followed(by: account, among: items))
            let entries = staged.filter { followed.contains($0.0) }.map { item, stage in
                Reminder.Entry(item: item, stage: stage, key: key(item, stage, email))
            }.filter { !alreadySent.contains($0.key) }
            return entries.isEmpty ? nil : Reminder(name: account.name, email: email, items: entries)
        }
    }

    public static func key(_ item: DueItem, _ stage: Stage, _ email: String) -> String {
        [item.kind.rawValue, String(item.id), stage.rawValue, item.due.iso, email.lowercased()].joined(separator: "|")
    }
}
