import ParagrafCore
import ParagrafRender
import ParagrafStore

/// Meetings with their committee's name, for pages that list several committees' meetings; each
/// committee is read once. Meetings that do not exist are left out.
func meetingPlaces(_ meetings: some Sequence<MeetingID>, in store: any Store) async throws -> [MeetingID: MeetingPlace] {
    var places: [MeetingID: MeetingPlace] = [:]
    var committees: [CommitteeID: String] = [:]
    for id in Set(meetings) {
        guard let meeting = try await store.meeting(id) else { continue }
        if committees[meeting.committeeID] == nil { committees[meeting.committeeID] = try await store.committee(meeting.committeeID)?.name }
        places[id] = MeetingPlace(meeting: meeting, committee: committees[meeting.committeeID] ?? "")
    }
    return places
}
