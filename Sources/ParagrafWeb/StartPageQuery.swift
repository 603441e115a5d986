import ParagrafCore
import ParagrafRender
import ParagrafStore

/// Gathers the start page's model from the store.
struct StartPageQuery {
    let store: any Store

    func load(today: LocalDate) async throws -> StartPage {
        var sections: [StartPage.MunicipalitySection] = []
        var committeeNames: [CommitteeID: String] = [:]
        for municipality in try await store.municipalities() {
            let committees = try await store.committees(in: municipality.id!)
            for c in committees { committeeNames[c.id!] = c.name }
            var rows: [StartPage.CommitteeRow] = []
            for committee in committees {
                // The committee's meetings in the latest year it has any, up to this year.
                let all = try await store.meetings(of: committee.id!, year: nil)
                let year = all.map(\.date.year).filter { $0 <= today.year }.max() ?? all.first?.date.year
                let meetings = all.filter { $0.date.year == year }
                rows.append(StartPage.CommitteeRow(
                    name: committee.name, kind: committee.kind, parent: committee.parentID.flatMap { committeeNames[$0] },
                    year: year, meetings: meetings.map { StartPage.MeetingRow(committee: committee.name, meeting: $0) }))
            }
            sections.append(StartPage.MunicipalitySection(name: municipality.name, committees: rows))
        }
        let window = try await store.meetings(from: today.adding(days: -60), through: today.adding(days: 60))
        let upcoming = window.filter { $0.date >= today && $0.state != .cancelled }.prefix(10)
        let recent = window.filter { $0.date < today }.suffix(10).reversed()
        func row(_ m: Meeting) -> StartPage.MeetingRow {
            StartPage.MeetingRow(committee: committeeNames[m.committeeID] ?? "", meeting: m)
        }
        return StartPage(municipalities: sections, upcoming: upcoming.map(row), recent: recent.map(row))
    }
}
