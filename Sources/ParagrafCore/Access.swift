/// The roles a staff account can hold. A role tied to a committee counts there only; an
/// administrator runs the system (accounts, audit log) and does not keep anyone's records.
public enum StaffRole: String, CaseIterable, Codable, Hashable, Sendable {
    case administrator = "administratör"
    /// Registrator or nämndsekreterare: keeps the committee's diary, meetings and minutes.
    case secretary = "nämndsekreterare"
    /// Handläggare: writes tjänsteskrivelser in the committee's cases.
    case handler = "handläggare"
    /// Ledamot or ersättare: reads the notice, reports absence, signs when chosen.
    case member = "ledamot"

    /// How a person reads it on screen.
    public var title: String {
        switch self {
        case .administrator: return "Administratör"
        case .secretary: return "Registrator/nämndsekreterare"
        case .handler: return "Handläggare"
        case .member: return "Ledamot/ersättare"
        }
    }

    /// Whether the role belongs to one committee (all but the administrator).
    public var isPerCommittee: Bool { self != .administrator }
}

/// One role held by an account, in one committee or (administrator) the whole system.
public struct Grant: Hashable, Sendable, Codable {
    public var role: StaffRole
    public var committee: CommitteeID?

    public init(_ role: StaffRole, committee: CommitteeID? = nil) {
        self.role = role
        self.committee = committee
    }
}

/// What a route or a save needs to be allowed.
public enum Permission: Hashable, Sendable {
    /// Any signed-in account: the staff start page, one's own account.
    case signedIn
    case manageAccounts
    case readAuditLog
    /// Register cases, classify them, attach documents, mark them ready.
    case keepDiary(CommitteeID)
    /// Read the committee's diary including cases not yet on any agenda.
    case readDiary(CommitteeID)
    /// Write a case's tjänsteskrivelse and proposed decision.
    case writeMemo(CommitteeID)
    /// Meeting plans, agendas, notices.
    case planMeetings(CommitteeID)
    /// Attendance, proposals, votes, decisions; adjustment and dispatch.
    case keepMinutes(CommitteeID)
    /// A member's own things in a committee: the notice with its documents, reporting absence, signing.
    case attend(CommitteeID)
}

/// What one account may do, from its grants.
public struct Access: Hashable, Sendable {
    public var grants: [Grant]

    public init(grants: [Grant]) { self.grants = grants }

    public func holds(_ role: StaffRole, in committee: CommitteeID) -> Bool {
        grants.contains { $0.role == role && $0.committee == committee }
    }

    public var isAdministrator: Bool { grants.contains { $0.role == .administrator } }

    /// The committees where the account holds any role.
    public var committees: [CommitteeID] {
        var seen = Set<CommitteeID>()
        return grants.compactMap(\.committee).filter { seen.insert($0).inserted }
    }

    public func allows(_ permission: Permission) -> Bool {
        switch permission {
        case .signedIn:
            return true
        case .manageAccounts, .readAuditLog:
            return isAdministrator
        case .keepDiary(let committee), .planMeetings(let committee), .keepMinutes(let committee):
            return holds(.secretary, in: committee)
        case .readDiary(let committee), .writeMemo(let committee):
            return holds(.secretary, in: committee) || holds(.handler, in: committee)
        case .attend(let committee):
            return holds(.member, in: committee) || holds(.secretary, in: committee)
        }
    }
}

/// A staff account: who signs in, with which roles; a member's account names the person in the
/// committee records, so that absence and signatures are theirs.
public struct Account: Hashable, Sendable {
    public var id: AccountID?
    /// What the person types to sign in: lower case letters, digits, dot, dash, underscore.
    public var username: String
    public var name: String
    public var person: PersonID?
    public var grants: [Grant]
    public var disabled: Bool
    /// Where reminders go; none are sent to an account without one.
    public var email: String?

    public init(id: AccountID? = nil, username: String, name: String, person: PersonID? = nil, grants: [Grant] = [], disabled: Bool = false,
                email: String? = nil) {
        self.id = id
        self.email = email
        self.username = username
        self.name = name
        self.person = person
        self.grants = grants
        self.disabled = disabled
    }

    public var access: Access { Access(grants: disabled ? [] : grants) }

    /// One `@` with text on both sides, a dot in the domain, no spaces or angle brackets: enough to
    /// keep a typing mistake (or a header injection) out of an SMTP envelope.
    public static func looksLikeAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.contains { $0.isWhitespace || "<>,;\"".contains($0) }
    }

    /// Problems with the account as given, in Swedish; empty when it can be saved.
    public var problems: [String] {
        var found: [String] = []
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        if username.isEmpty || username.count > 64 || !username.allSatisfy({ allowed.contains($0) }) {
            found.append("Användarnamnet ”\(username)” går inte att använda: skriv 1–64 tecken, små bokstäver a–z, siffror, punkt, bindestreck eller understreck.")
        }
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            found.append("Kontot behöver ett namn.")
        }
        if let email, !Self.looksLikeAddress(email) {
            found.append("E-postadressen ”\(email)” går inte att använda: skriv den som namn@kommun.se.")
        }
        for grant in grants where grant.role.isPerCommittee && grant.committee == nil {
            found.append("Rollen \(grant.role.title.lowercased()) gäller en nämnd: välj vilken.")
        }
        for grant in grants where !grant.role.isPerCommittee && grant.committee != nil {
            found.append("Rollen administratör gäller hela systemet och knyts inte till en nämnd.")
        }
        return found
    }
}

/// Rules for passwords, checked before one is hashed.
public enum PasswordRule {
    public static let minimumLength = 12

    /// Why the password cannot be used, in Swedish; nil when it can.
    public static func problem(with password: String, username: String) -> String? {
        if password.count < minimumLength { return "Lösenordet ska ha minst \(minimumLength) tecken." }
        // bcrypt reads at most 72 bytes: anything longer would silently be ignored.
        if password.utf8.count > 72 { return "Lösenordet får vara högst 72 byte långt (bcrypt läser inte mer)." }
        if password.lowercased().contains(username.lowercased()) && !username.isEmpty {
            return "Lösenordet får inte innehålla användarnamnet."
        }
        return nil
    }
}
