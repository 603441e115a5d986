import ParagrafCore
import ParagrafRender
import ParagrafStore

/// Gathers the committee pages from the store.
struct CommitteeQueries {
    let store: any Store

    func committeesPage() async throws -> CommitteesPage {
        var rows: [(municipality: String, committee: Committee)] = []
        for municipality in try await store.municipalities() {
            for committee in try await store.committees(in: municipality.id!) { rows.append((municipality.name, committee)) }
        }
        return CommitteesPage(rows)
    }

    /// A committee's page: its decided memberships valid today, or else those present at its
    /// latest meeting with minutes (imported minutes bring no memberships), and the officials
    /// there.
    func committeePage(_ id: CommitteeID, today: LocalDate) async throws -> CommitteePage? {
        guard let committee = try await store.committee(id) else { return nil }
        let municipality = try await store.municipality(committee.municipalityID)?.name ?? ""
        var parent: String? = nil
        if let parentID = committee.parentID { parent = try await store.committee(parentID)?.name }
        let meetings = try await store.meetings(of: id, year: nil)
        var seats: [CommitteePage.Seat] = []
        let persons = Dictionary(try await store.persons(in: committee.municipalityID).map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        for membership in try await store.memberships(of: id, on: today) {
            guard let person = persons[membership.personID] else { continue }
            seats.append(.init(person: PersonRef(personID: person.id, name: person.name, party: person.party),
                               role: membership.role.rawValue + (membership.callingOrder.map { " (\($0))" } ?? ""),
                               isSubstitute: !membership.role.holdsSeat))
        }
        var latest: Meeting? = nil
        var officials: [(name: String, title: String?)] = []
        // The latest minutes tell who serves, when no memberships are kept, and which officials attend.
        for meeting in meetings.sorted(by: { ($0.year, $0.date?.dayNumber ?? 0) > ($1.year, $1.date?.dayNumber ?? 0) }) {
            guard let minutes = try await store.minutes(for: meeting.id!), !minutes.attendance.isEmpty || !minutes.officials.isEmpty else { continue }
            if seats.isEmpty {
                latest = meeting
                seats = minutes.attendance.map {
                    .init(person: $0.person, role: $0.role.rawValue, isSubstitute: $0.role == .ersattare)
                }
            }
            officials = minutes.officials.map { ($0.name, $0.title) }
            break
        }
        return CommitteePage(committee: committee, municipality: municipality, parent: parent, seats: seats, fromMinutesOf: latest,
                             officials: officials, meetings: meetings)
    }
}
