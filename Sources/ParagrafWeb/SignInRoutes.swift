import Foundation
import Hummingbird
import HummingbirdBcrypt
import NIOPosix
import ParagrafCore
import ParagrafRender
import ParagrafStore

/// Checks and makes bcrypt password hashes away from the event loop: a hash takes a noticeable
/// fraction of a second by design.
struct Passwords: Sendable {
    let cost: UInt8
    /// Compared against when the username is unknown, so that a wrong name takes as long as a wrong password.
    private let decoy: String

    init(cost: UInt8) {
        self.cost = cost
        decoy = Bcrypt.hash(randomToken(), cost: cost)
    }

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String?) async throws -> Bool {
        let stored = hash ?? decoy
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: stored) }
        return matches && hash != nil
    }
}

/// Signing in and out, and the staff start page.
func addSignInRoutes(to router: Router<PortalContext>, staff: StaffRoutes, store: any Store, renderer: PageRenderer,
                     passwords: Passwords, sessionLength: Duration) {
    router.get("/logga-in") { request, context -> Response in
        let next = FormParameters(query: request.uri.query).get("till") ?? ""
        return HTML.response(try renderer.render(LoginPage(csrf: context.csrfToken(), next: next)))
    }
    router.post("/logga-in") { _, context -> Response in
        let form = context.form ?? SubmittedForm()
        let username = (form.get("username") ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let found = try await store.passwordHash(username: username)
        guard try await passwords.verify(form.get("password") ?? "", hash: found?.1), let (account, _) = found else {
            context.logger.notice("Misslyckad inloggning för användarnamnet \(username)")
            let page = LoginPage(csrf: context.csrfToken(), username: username, problem: "Fel användarnamn eller lösenord, eller så är kontot avstängt.",
                                 next: form.get("till") ?? "")
            return HTML.response(try renderer.render(page), status: .unauthorized)
        }
        // A new session (and cookie) at sign-in, so that a session id planted before cannot be taken over.
        context.sessions.createSession(.fresh(account: account), expiresIn: sessionLength)
        return seeOther(safeReturn(form.get("till")))
    }
    router.post("/logga-ut") { _, context -> Response in
        context.sessions.clearSession()
        return seeOther("/")
    }
    staff.get(StaffLinks.start, need: { _, _ in .signedIn }) { _, context, user in
        let committees = try await store.committees(in: nil)
        let names = Dictionary(committees.compactMap { c in c.id.map { ($0, c.name) } }, uniquingKeysWith: { a, _ in a })
        let rows = user.access.committees.map { committee in
            StaffStartPage.Committee(
                name: names[committee] ?? "nämnd \(committee.rawValue)",
                roles: user.account.grants.filter { $0.committee == committee }.map(\.role.title).joined(separator: ", "),
                diaryURL: user.access.allows(.readDiary(committee)) ? StaffLinks.diary(committee) : nil,
                planURL: user.access.allows(.planMeetings(committee)) ? StaffLinks.meetingPlan(committee) : nil,
                reportsURL: user.access.allows(.writeMemo(committee)) ? StaffLinks.reports(committee) : nil,
                followUpURL: user.access.allows(.readDiary(committee)) ? StaffLinks.followUp(committee) : nil)
        }
        // Notified meetings from today on, in the committees where the account attends.
        var notices: [StaffBar.Link] = []
        let today = LocalDate.today()
        for committee in user.access.committees where user.access.allows(.attend(committee)) {
            for meeting in try await store.meetings(of: committee, year: nil) where meeting.state == .notified && (meeting.date ?? today) >= today {
                notices.append(.init(title: "Kallelse: \(names[committee] ?? "") \(SwedishFormat.meetingDate(meeting))", url: StaffLinks.notice(meeting.id!)))
            }
        }
        let page = StaffStartPage(bar: staffBar(user, context), roles: Array(Set(user.account.grants.map(\.role.title))).sorted(),
                                  committees: rows, isAdministrator: user.access.isAdministrator, notices: notices)
        return HTML.response(try renderer.render(page))
    }
    staff.get(StaffLinks.auditLog, need: { _, _ in .readAuditLog }) { request, context, user in
        let parameters = FormParameters(query: request.uri.query)
        let kind = parameters.get("typ").flatMap { $0.isEmpty ? nil : $0 }
        let id = parameters.get("id").flatMap { Int64($0) }
        let entries = try await store.auditLog(subjectKind: kind, subjectID: id, limit: 200)
        let filter = kind.map { k in id.map { "\(k) \($0)" } ?? k }
        return HTML.response(try renderer.render(AuditLogPage(bar: staffBar(user, context), entries: entries, filter: filter)))
    }
}

/// Only an address inside the staff area is followed after signing in: never another site.
func safeReturn(_ next: String?) -> String {
    guard let next, next.hasPrefix("/intern"), !next.hasPrefix("//"), !next.contains("\\") else { return StaffLinks.start }
    return next
}

/// The staff bar for a signed-in user: the links their roles open.
func staffBar(_ user: StaffUser, _ context: PortalContext) -> StaffBar {
    var links: [StaffBar.Link] = []
    if user.account.grants.contains(where: { $0.role == .secretary || $0.role == .handler }) {
        links.append(.init(title: "Bevakning", url: StaffLinks.dueOverview))
    }
    if user.access.isAdministrator {
        links.append(.init(title: "Konton", url: StaffLinks.accounts))
        links.append(.init(title: "Granskningslogg", url: StaffLinks.auditLog))
    }
    return StaffBar(name: user.account.name, csrf: context.csrfToken(), links: links)
}
