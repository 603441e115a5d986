import ParagrafCore
import ParagrafRender
import ParagrafStore

/// Gathers a person's page from the store.
struct PersonQueries {
    let store: any Store

    func personPage(_ id: PersonID) async throws -> PersonPage? {
        guard let person = try await store.person(id) else { return nil }
        let municipality = try await store.municipality(person.municipalityID)?.name ?? ""
        var memberships: [(Membership, Committee)] = []
        for membership in try await store.memberships(ofPerson: id) {
            if let committee = try await store.committee(membership.committeeID) { memberships.append((membership, committee)) }
        }
        let activity = try await store.activity(of: id)
        let places = try await meetingPlaces(
            activity.attended.map(\.meetingID) + activity.proposals.map(\.meetingID) + activity.reservations.map(\.meetingID), in: store)
        return PersonPage(person: person, municipality: municipality, memberships: memberships, activity: activity, places: places)
    }
}
