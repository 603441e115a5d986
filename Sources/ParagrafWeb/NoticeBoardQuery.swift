import ParagrafCore
import ParagrafRender
import ParagrafStore

/// Gathers the official notice board from the store for a day.
struct NoticeBoardQuery {
    let store: any Store
    /// How far ahead a fullmäktige meeting is shown as convened.
    static let convenedAhead = 60

    /// The notices of adjustment on the board that day, for the board and the start page.
    func noticesUp(on today: LocalDate) async throws -> [NoticeOfAdjustment] {
        let posted = try await store.noticesOfAdjustment(postedFrom: today.adding(days: -NoticeOfAdjustment.longestTimeUp),
                                                          through: today)
        return NoticeBoard.notices(posted, on: today)
    }

    func load(today: LocalDate) async throws -> NoticeBoardPage {
        var councils: [CommitteeID: (committee: String, municipality: String)] = [:]
        for municipality in try await store.municipalities() {
            for committee in try await store.committees(in: municipality.id!) where committee.kind == .fullmaktige {
                councils[committee.id!] = (committee.name, municipality.name)
            }
        }
        let convened = try await store.meetings(from: today, through: today.adding(days: Self.convenedAhead))
            .filter { councils[$0.committeeID] != nil && $0.state != .cancelled }
            .map { meeting in
                let council = councils[meeting.committeeID]!
                return NoticeBoardPage.Convened(committee: council.committee, municipality: council.municipality, meeting: meeting)
            }
        return NoticeBoardPage(today: today, notices: try await noticesUp(on: today), convened: convened)
    }
}
