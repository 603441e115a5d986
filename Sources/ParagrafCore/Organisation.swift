import Foundation

/// A kommun or region.
public struct Municipality: Hashable, Sendable, Codable {
    public var id: MunicipalityID?
    public var name: String
    /// The four-digit kommunkod (SCB), when known: `1490` for Borås.
    public var code: String?

    public init(id: MunicipalityID? = nil, name: String, code: String? = nil) {
        self.id = id
        self.name = name
        self.code = code
    }
}

public enum CommitteeKind: String, Hashable, Sendable, Codable, CaseIterable {
    case fullmaktige = "fullmäktige"
    case styrelse
    case namnd = "nämnd"
    case utskott
    case beredning

    public var swedishName: String { rawValue }

    /// A committee's kind as its name tells it, with the committee an utskott belongs to, read
    /// from the genitive before it (`Kommunstyrelsens arbetsutskott` → `Kommunstyrelsen`). An
    /// utskott whose parent the name does not give is taken for a nämnd.
    public static func inferred(fromName name: String) -> (kind: CommitteeKind, parent: String?) {
        let lower = name.lowercased()
        if lower.contains("fullmäktige") { return (.fullmaktige, nil) }
        if lower.contains("utskott") {
            let words = name.split(separator: " ")
            if words.count >= 2, let genitive = words.first, genitive.hasSuffix("s"), genitive.count > 4 {
                return (.utskott, String(genitive.dropLast()))
            }
            return (.namnd, nil)
        }
        if lower.contains("beredning") { return (.beredning, nil) }
        if lower.hasSuffix("styrelsen") || lower.hasSuffix("styrelse") { return (.styrelse, nil) }
        return (.namnd, nil)
    }
}

/// A nämnd, styrelse, utskott or fullmäktige.
public struct Committee: Hashable, Sendable, Codable {
    public var id: CommitteeID?
    public var municipalityID: MunicipalityID
    public var name: String
    public var kind: CommitteeKind
    /// The diary series letters (`ALN`), which also prefix its diary numbers.
    public var abbreviation: String?
    /// An utskott belongs to the committee that appointed it.
    public var parentID: CommitteeID?

    public init(id: CommitteeID? = nil, municipalityID: MunicipalityID, name: String, kind: CommitteeKind,
                abbreviation: String? = nil, parentID: CommitteeID? = nil) {
        self.id = id
        self.municipalityID = municipalityID
        self.name = name
        self.kind = kind
        self.abbreviation = abbreviation
        self.parentID = parentID
    }

    /// The errors in how this committee hangs together; empty when it is well formed.
    public var structuralProblems: [String] {
        var problems: [String] = []
        if kind == .utskott && parentID == nil { problems.append("Utskottet \(name) saknar nämnd eller styrelse som det tillhör.") }
        if kind == .fullmaktige && parentID != nil { problems.append("Fullmäktige kan inte tillhöra en annan nämnd.") }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("Namnet är tomt.") }
        return problems
    }
}

/// An elected person (ledamot or ersättare) in one municipality.
public struct Person: Hashable, Sendable, Codable {
    public var id: PersonID?
    public var municipalityID: MunicipalityID
    public var name: String
    /// The party as printed (`S`, `M`, `fp`), nil for non-party persons.
    public var party: String?

    public init(id: PersonID? = nil, municipalityID: MunicipalityID, name: String, party: String? = nil) {
        self.id = id
        self.municipalityID = municipalityID
        self.name = name
        self.party = party
    }
}

/// A person as a document names them, linked to a stored `Person` when known.
public struct PersonRef: Hashable, Sendable, Codable, CustomStringConvertible {
    public var personID: PersonID?
    public var name: String
    public var party: String?

    public init(personID: PersonID? = nil, name: String, party: String? = nil) {
        self.personID = personID
        self.name = name
        self.party = party
    }

    /// `Marie Samuelsson (S)`, as minutes print a member.
    public var description: String { party.map { "\(name) (\($0))" } ?? name }
}

public enum MembershipRole: String, Hashable, Sendable, Codable, CaseIterable {
    case ordforande = "ordförande"
    case forsteViceOrdforande = "1:e vice ordförande"
    case andreViceOrdforande = "2:e vice ordförande"
    case ledamot
    case ersattare = "ersättare"

    /// Ordförande and vice ordförande are ledamöter too; only ersättare hold no seat.
    public var holdsSeat: Bool { self != .ersattare }
}

/// A term of office, from and to inclusive (mandatperiod, usually 1 January to 31 December four years on).
public struct Term: Hashable, Sendable, Codable {
    public var from: LocalDate
    public var to: LocalDate?

    public init(from: LocalDate, to: LocalDate? = nil) {
        self.from = from
        self.to = to
    }

    public func contains(_ date: LocalDate) -> Bool {
        date >= from && (to.map { date <= $0 } ?? true)
    }
}

/// A seat, or a place as ersättare, in a committee for a term.
public struct Membership: Hashable, Sendable, Codable {
    public var id: MembershipID?
    public var personID: PersonID
    public var committeeID: CommitteeID
    public var role: MembershipRole
    public var term: Term
    /// The ersättare's place in the calling order fullmäktige decided (1 is called first); nil for ledamöter.
    public var callingOrder: Int?

    public init(id: MembershipID? = nil, personID: PersonID, committeeID: CommitteeID, role: MembershipRole,
                term: Term, callingOrder: Int? = nil) {
        self.id = id
        self.personID = personID
        self.committeeID = committeeID
        self.role = role
        self.term = term
        self.callingOrder = callingOrder
    }
}

/// A tjänsteperson: present at meetings without a vote.
public struct Official: Hashable, Sendable, Codable {
    public var id: OfficialID?
    public var municipalityID: MunicipalityID
    public var name: String
    public var title: String?

    public init(id: OfficialID? = nil, municipalityID: MunicipalityID, name: String, title: String? = nil) {
        self.id = id
        self.municipalityID = municipalityID
        self.name = name
        self.title = title
    }
}

/// What the minutes record of one person: the meetings they attended, the proposals they made
/// and the reservations they entered, each with the paragraph it stands in.
public struct PersonActivity: Hashable, Sendable {
    public struct Attended: Hashable, Sendable {
        public var meetingID: MeetingID
        public var role: AttendanceRole
        public init(meetingID: MeetingID, role: AttendanceRole) {
            self.meetingID = meetingID
            self.role = role
        }
    }

    /// A proposal or reservation and the paragraph it belongs to.
    public struct Authored: Hashable, Sendable {
        public var meetingID: MeetingID
        public var paragraphNumber: Int
        public var paragraphTitle: String
        public var paragraphIsPublic: Bool
        public var text: String?
        public init(meetingID: MeetingID, paragraphNumber: Int, paragraphTitle: String, paragraphIsPublic: Bool, text: String?) {
            self.meetingID = meetingID
            self.paragraphNumber = paragraphNumber
            self.paragraphTitle = paragraphTitle
            self.paragraphIsPublic = paragraphIsPublic
            self.text = text
        }
    }

    public var attended: [Attended]
    public var proposals: [Authored]
    public var reservations: [Authored]

    public init(attended: [Attended] = [], proposals: [Authored] = [], reservations: [Authored] = []) {
        self.attended = attended
        self.proposals = proposals
        self.reservations = reservations
    }
}
