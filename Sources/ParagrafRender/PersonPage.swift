import ParagrafCore

/// A person: the committees they sit on, the meetings they attended, the proposals they made
/// and the reservations they entered. Closed paragraphs are left out.
public struct PersonPage: Page {
    public static let template = "person"

    public struct Seat: Sendable, Equatable {
        public var committee: String
        public var url: String
        public var role: String
        public var term: String
    }

    public struct Row: Sendable, Equatable {
        public var date: String
        public var isoDate: String?
        public var committee: String
        public var what: String
        public var text: String?
        public var url: String
    }

    /// The meeting and committee of each meeting id the activity names.
    public typealias Place = MeetingPlace

    public var title: String
    public var party: String?
    public var municipality: String
    public var seats: [Seat]
    public var attended: [Row]
    public var proposals: [Row]
    public var reservations: [Row]
    public var hasSeats: Bool
    public var hasAttended: Bool
    public var hasProposals: Bool
    public var hasReservations: Bool

    public init(person: Person, municipality: String, memberships: [(Membership, Committee)], activity: PersonActivity,
                places: [MeetingID: Place]) {
        title = person.name
        party = person.party
        self.municipality = municipality
        seats = memberships.map { membership, committee in
            Seat(committee: committee.name, url: Links.committee(committee.id ?? membership.committeeID), role: membership.role.rawValue,
                 term: "\(SwedishFormat.date(membership.term.from))–\(membership.term.to.map(SwedishFormat.date) ?? "")")
        }
        attended = activity.attended.compactMap { a in
            places[a.meetingID].map { p in
                Row(date: SwedishFormat.meetingDate(p.meeting), isoDate: p.meeting.date?.iso, committee: p.committee, what: a.role.rawValue,
                    text: nil, url: Links.meeting(a.meetingID))
            }
        }
        func rows(_ authored: [PersonActivity.Authored]) -> [Row] {
            authored.filter(\.paragraphIsPublic).compactMap { a in
                places[a.meetingID].map { p in
                    Row(date: SwedishFormat.meetingDate(p.meeting), isoDate: p.meeting.date?.iso, committee: p.committee,
                        what: "§ \(a.paragraphNumber) \(a.paragraphTitle)", text: a.text,
                        url: Links.paragraph(meeting: a.meetingID, number: a.paragraphNumber))
                }
            }
        }
        proposals = rows(activity.proposals)
        reservations = rows(activity.reservations)
        hasSeats = !seats.isEmpty
        hasAttended = !attended.isEmpty
        hasProposals = !proposals.isEmpty
        hasReservations = !reservations.isEmpty
    }
}
