import Hummingbird
import ParagrafCore
import ParagrafRender
import ParagrafStore

/// The staff's follow-up: what is due in their committees (`/intern/bevakning`).
func addFollowUpRoutes(to staff: StaffRoutes, store: any Store, renderer: PageRenderer, remindersConfigured: Bool) {
    staff.get(StaffLinks.dueOverview, need: { _, _ in .signedIn }) { _, context, user in
        let committees = user.access.committees
        let items = DueOverview.followed(by: user.account, among: try await store.dueItems(committees: committees))
        return HTML.response(try renderer.render(DueOverviewPage(bar: staffBar(user, context), items: items, today: .today(),
                                                                 remindersConfigured: remindersConfigured)))
    }
}
