import ParagrafCore

/// The bar on every staff page: who is signed in, where they can go, and the sign-out form.
public struct StaffBar: Sendable {
    public struct Link: Sendable {
        public var title: String
        public var url: String
        public init(title: String, url: String) {
            self.title = title
            self.url = url
        }
    }

    public var name: String
    public var csrf: String
    public var links: [Link]

    public init(name: String, csrf: String, links: [Link]) {
        self.name = name
        self.csrf = csrf
        self.links = links
    }
}

/// The staff addresses, in one place.
public enum StaffLinks {
    public static let start = "/intern"
    public static let auditLog = "/intern/logg"
    public static let accounts = "/intern/konton"
    public static let dueOverview = "/intern/bevakning"
    public static func followUp(_ committee: CommitteeID) -> String { "/intern/namnder/\(committee.rawValue)/uppfoljning" }
    public static func reports(_ committee: CommitteeID) -> String { "/intern/namnder/\(committee.rawValue)/rapporter" }
    public static func report(_ id: PeriodicReportID) -> String { "/intern/rapporter/\(id.rawValue)" }
    public static func diary(_ committee: CommitteeID) -> String { "/intern/namnder/\(committee.rawValue)/diarium" }
    public static func matter(_ id: CaseID) -> String { "/intern/arenden/\(id.rawValue)" }
    public static func document(_ id: DocumentID) -> String { "/intern/handlingar/\(id.rawValue)" }
    public static func meetingPlan(_ committee: CommitteeID) -> String { "/intern/namnder/\(committee.rawValue)/sammantraden" }
    public static func meeting(_ id: MeetingID) -> String { "/intern/sammantraden/\(id.rawValue)" }
    public static func notice(_ id: MeetingID) -> String { "/intern/sammantraden/\(id.rawValue)/kallelse" }
    public static func minutes(_ id: MeetingID) -> String { "/intern/sammantraden/\(id.rawValue)/protokoll" }
    public static func adjustment(_ id: MeetingID) -> String { "/intern/sammantraden/\(id.rawValue)/justering" }
    public static func dispatch(_ id: MeetingID) -> String { "/intern/sammantraden/\(id.rawValue)/expediering" }
    public static func immediate(_ id: MeetingID, _ number: Int) -> String { "/intern/sammantraden/\(id.rawValue)/omedelbar/\(number)" }
}

public struct LoginPage: Page {
    public static let template = "login"
    public let title = "Logga in"
    public var csrf: String
    public var username: String
    public var problem: String?
    public var next: String

    public init(csrf: String, username: String = "", problem: String? = nil, next: String = "") {
        self.csrf = csrf
        self.username = username
        self.problem = problem
        self.next = next
    }
}

/// Where a signed-in account starts: its committees and what it may do in each.
public struct StaffStartPage: Page {
    public static let template = "staff-start"
    public let title = "Intern startsida"
    public var bar: StaffBar
    /// The roles, joined for reading; nil when there are none.
    public var roles: String?
    public var committees: [Committee]
    public var hasCommittees: Bool
    public var isAdministrator: Bool
    public var notices: [StaffBar.Link]
    public var hasNotices: Bool

    public struct Committee: Sendable {
        public var name: String
        public var roles: String
        public var diaryURL: String?
        public var planURL: String?
        public var reportsURL: String?
        public var followUpURL: String?
        public init(name: String, roles: String, diaryURL: String?, planURL: String? = nil, reportsURL: String? = nil, followUpURL: String? = nil) {
            self.followUpURL = followUpURL
            self.reportsURL = reportsURL
            self.name = name
            self.roles = roles
            self.diaryURL = diaryURL
            self.planURL = planURL
        }
    }

    public init(bar: StaffBar, roles: [String], committees: [Committee], isAdministrator: Bool, notices: [StaffBar.Link] = []) {
        self.notices = notices
        hasNotices = !notices.isEmpty
        self.bar = bar
        self.roles = roles.isEmpty ? nil : roles.joined(separator: ", ")
        self.committees = committees
        hasCommittees = !committees.isEmpty
        self.isAdministrator = isAdministrator
    }
}

/// The audit log as an administrator reads it.
public struct AuditLogPage: Page {
    public static let template = "audit-log"
    public let title = "Granskningslogg"
    public var bar: StaffBar
    public var entries: [Entry]
    public var filter: String?

    public struct Entry: Sendable {
        public var at: String
        public var actor: String
        public var action: String
        public var subject: String
        public var before: String?
        public var after: String?
    }

    public init(bar: StaffBar, entries: [AuditEntry], filter: String?) {
        self.bar = bar
        self.filter = filter
        self.entries = entries.map {
            Entry(at: String($0.at.prefix(19)).replacingOccurrences(of: "T", with: " ") + " UTC", actor: $0.actor, action: $0.action,
                  subject: $0.subjectKind + ($0.subjectID.map { " \($0)" } ?? ""), before: $0.before, after: $0.after)
        }
    }
}
