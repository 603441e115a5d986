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
                let all = try await store.meetings(of: committee.id!, year: nil)
                let years = Dictionary(grouping: all, by: \.year).sorted { $0.key > $1.key }.map { year, meetings in
                    StartPage.YearGroup(year: year, meetings: meetings.map { StartPage.MeetingRow(committee: committee.name, meeting: $0) })
                }
                rows.append(StartPage.CommitteeRow(
                    name: committee.name, kind: committee.kind, parent: committee.parentID.flatMap { committeeNames[$0] },
                    years: years))
            }
            sections.append(StartPage.MunicipalitySection(name: municipality.name, committees: rows))
        }
        let window = try await store.meetings(from: today.adding(days: -60), through: today.adding(days: 60))
        // The window holds dated meetings only.
        let upcoming = window.filter { $0.date.map { $0 >= today } == true && $0.state != .cancelled }.prefix(10)
        let recent = window.filter { $0.date.map { $0 < today } == true }.suffix(10).reversed()
        func row(_ m: Meeting) -> StartPage.MeetingRow {
            StartPage.MeetingRow(committee: committeeNames[m.committeeID] ?? "", meeting: m)
        }
        return StartPage(municipalities: sections, upcoming: upcoming.map(row), recent: recent.map(row),
                         board: try await NoticeBoardQuery(store: store).noticesUp(on: today))
    }
}
