import ParagrafCore

/// Every committee, by municipality: the way into a committee's page.
public struct CommitteesPage: Page {
    public static let template = "committees"

    public struct Row: Sendable, Equatable {
        public var name: String
        public var url: String
        public var kind: String
        public var parent: String?
    }

    public struct Section: Sendable, Equatable {
        public var municipality: String
        public var anchor: String
        public var committees: [Row]
    }

    public var title = "Nämnder och styrelser"
    public var sections: [Section]
    public var isEmpty: Bool

    /// `committees` by municipality name; an utskott names the committee it belongs to.
    public init(_ committees: [(municipality: String, committee: Committee)]) {
        let names = Dictionary(committees.compactMap { c in c.committee.id.map { ($0, c.committee.name) } }, uniquingKeysWith: { a, _ in a })
        sections = Dictionary(grouping: committees, by: \.municipality).sorted { $0.key < $1.key }.map { municipality, rows in
            Section(municipality: municipality, anchor: "kommun-" + Slug.make(municipality), committees: rows.map { row in
                Row(name: row.committee.name, url: Links.committee(row.committee.id ?? CommitteeID(0)), kind: row.committee.kind.swedishName,
                    parent: row.committee.parentID.flatMap { names[$0] })
            })
        }
        isEmpty = committees.isEmpty
    }
}

/// A committee: its members and ersättare by party, the officials at its meetings, and its
/// meetings by year.
public struct CommitteePage: Page {
    public static let template = "committee"

    public struct Member: Sendable, Equatable {
        public var name: String
        public var url: String?
        public var role: String
    }

    public struct PartyGroup: Sendable, Equatable {
        public var party: String
        public var members: [Member]
        public var substitutes: [Member]
        public var hasSubstitutes: Bool
    }

    public var title: String
    public var municipality: String
    public var kind: String
    public var parent: String?
    /// Where the list of members comes from: the decided memberships, or the latest minutes.
    public var membersSource: String
    public var parties: [PartyGroup]
    public var hasMembers: Bool
    public var officials: [Member]
    public var hasOfficials: Bool
    public var years: [StartPage.YearGroup]
    public var hasMeetings: Bool
    /// Feeds to subscribe to: the meetings as a calendar, the decisions as Atom.
    public var calendarURL: String
    public var decisionsFeedURL: String

    public struct Seat: Sendable {
        public var person: PersonRef
        public var role: String
        public var isSubstitute: Bool

        public init(person: PersonRef, role: String, isSubstitute: Bool) {
            self.person = person
            self.role = role
            self.isSubstitute = isSubstitute
        }
    }

    public init(committee: Committee, municipality: String, parent: String?, seats: [Seat], fromMinutesOf: Meeting?,
                officials: [(name: String, title: String?)], meetings: [Meeting]) {
        title = committee.name
        calendarURL = Links.committee(committee.id ?? CommitteeID(0)) + "/sammantraden.ics"
        decisionsFeedURL = Links.committee(committee.id ?? CommitteeID(0)) + "/beslut.atom"
        self.municipality = municipality
        kind = committee.kind.swedishName
        self.parent = parent
        membersSource = fromMinutesOf.map { "Enligt protokollet från sammanträdet \(SwedishFormat.meetingDate($0))." }
            ?? "Ledamöter och ersättare för mandatperioden."
        func member(_ seat: Seat) -> Member {
            Member(name: seat.person.name, url: seat.person.personID.map(Links.person), role: seat.role)
        }
        parties = Dictionary(grouping: seats, by: { $0.person.party?.uppercased() ?? "Partilös" }).sorted { $0.key < $1.key }.map { party, seats in
            let members = seats.filter { !$0.isSubstitute }.map(member)
            let substitutes = seats.filter(\.isSubstitute).map(member)
            return PartyGroup(party: party, members: members, substitutes: substitutes, hasSubstitutes: !substitutes.isEmpty)
        }
        hasMembers = !seats.isEmpty
        self.officials = officials.map { Member(name: $0.name, url: nil, role: $0.title ?? "") }
        hasOfficials = !officials.isEmpty
        years = Dictionary(grouping: meetings, by: \.year).sorted { $0.key > $1.key }.map { year, meetings in
            StartPage.YearGroup(year: year, meetings: meetings.map { StartPage.MeetingRow(committee: committee.name, meeting: $0) })
        }
        hasMeetings = !meetings.isEmpty
    }
}
