import ParagrafCore

/// The accounts and their roles, as administrators manage them: a grid of committees and roles.
public struct AccountsPage: Page {
    public static let template = "accounts"
    public var title: String
    public var bar: StaffBar
    public var rows: [Row]
    public var form: Form
    public var problems: [String]
    public var hasProblems: Bool
    public var done: String?
    public var formURL: String
    public var isNew: Bool

    public struct Row: Sendable {
        public var username: String
        public var name: String
        public var roles: String
        public var disabled: Bool
        public var url: String
    }

    public struct GrantCell: Sendable {
        public var value: String
        public var label: String
        public var checked: Bool
    }

    public struct GrantRow: Sendable {
        public var committee: String
        public var cells: [GrantCell]
    }

    public struct Form: Sendable {
        public var username: String
        public var name: String
        public var email: String?
        public var administrator: Bool
        public var disabled: Bool
        public var grants: [GrantRow]
        public var persons: [Choice]
    }

    /// - Parameters:
    ///   - editing: the account the form changes; nil for a new one.
    public init(bar: StaffBar, accounts: [Account], committees: [Committee], persons: [Person], editing: Account?,
                form account: Account, problems: [String] = [], done: String? = nil) {
        isNew = editing == nil
        title = editing.map { "Konto: \($0.username)" } ?? "Konton och roller"
        self.bar = bar
        let names = Dictionary(committees.compactMap { c in c.id.map { ($0, c.name) } }, uniquingKeysWith: { a, _ in a })
        rows = accounts.map { account in
            let roles = account.grants.map { grant in
                grant.role.title + (grant.committee.map { " – " + (names[$0] ?? "nämnd \($0.rawValue)") } ?? "")
            }
            return Row(username: account.username, name: account.name, roles: roles.joined(separator: "; "), disabled: account.disabled,
                       url: StaffLinks.accounts + "/\(account.id!.rawValue)")
        }
        let roles: [StaffRole] = [.secretary, .handler, .member]
        form = Form(
            username: account.username, name: account.name, email: account.email, administrator: account.grants.contains { $0.role == .administrator },
            disabled: account.disabled,
            grants: committees.map { committee in
                GrantRow(committee: committee.name, cells: roles.map { role in
                    GrantCell(value: "\(role.rawValue):\(committee.id!.rawValue)", label: "\(role.title), \(committee.name)",
                              checked: account.grants.contains(Grant(role, committee: committee.id)))
                })
            },
            persons: [Choice(value: "", label: "Ingen (tjänsteperson)", selected: account.person == nil)] + persons.map { person in
                Choice(value: String(person.id!.rawValue), label: person.name + (person.party.map { " (\($0))" } ?? ""),
                       selected: person.id == account.person)
            })
        self.problems = problems
        hasProblems = !problems.isEmpty
        self.done = done
        formURL = editing.map { StaffLinks.accounts + "/\($0.id!.rawValue)" } ?? StaffLinks.accounts
    }
}
