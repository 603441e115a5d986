import Foundation
import Hummingbird
import NIOPosix
import ParagrafCore
import ParagrafRender
import ParagrafStore

/// The staff's follow-up: what is due in their committees (`/intern/bevakning`), and per committee
/// its assignments, remisser, delegation order, delegated decisions and anmälningsärenden
/// (`/intern/namnder/:committee/uppfoljning`).
func addFollowUpRoutes(to staff: StaffRoutes, store: any Store, renderer: PageRenderer, typst: TypstCompiler, remindersConfigured: Bool) {
    staff.get(StaffLinks.dueOverview, need: { _, _ in .signedIn }) { _, context, user in
        let committees = user.access.committees
        let items = DueOverview.followed(by: user.account, among: try await store.dueItems(committees: committees))
        return HTML.response(try renderer.render(DueOverviewPage(bar: staffBar(user, context), items: items, today: .today(),
                                                                 remindersConfigured: remindersConfigured)))
    }

    let base = "/intern/namnder/:committee/uppfoljning"
    let inPath = CommitteeInPath(store: store)
    @Sendable func committee(_ context: PortalContext) async throws -> Committee { try await inPath.committee(context) }
    @Sendable func comments(_ list: [RegisteredAssignment]) async throws -> [AssignmentID: [AssignmentComment]] {
        try await store.comments(on: list.compactMap(\.assignment.id))
    }
    @Sendable func page(_ user: StaffUser, _ context: PortalContext, _ committee: Committee, problems: [String] = [],
                        done: String? = nil) async throws -> String {
        let id = committee.id!
        let assignments = try await store.assignmentRegister(committee: id)
        let next = try await store.meetings(of: id, year: nil).filter { [.planned, .notified].contains($0.state) }
            .min { ($0.date?.iso ?? "9999") < ($1.date?.iso ?? "9999") }
        let pending: ReportedMatters
        if let next {
            pending = try await store.mattersFor(meeting: next.id!)
        } else {
            pending = ReportedMatters(delegatedDecisions: try await store.delegatedDecisions(of: id).filter { $0.reportedAt == nil },
                                      notifications: try await store.notifications(of: id).filter { $0.reportedAt == nil })
        }
        return try renderer.render(FollowUpWorkPage(
            bar: staffBar(user, context), committee: committee, assignments: assignments, comments: try await comments(assignments),
            referrals: try await store.referralList(committee: id), orders: try await store.delegationOrders(of: id), pending: pending,
            today: .today(), problems: problems, done: done))
    }
    /// Runs a change; a refusal shows the page again with the reason, nothing changed.
    @Sendable func change(_ user: StaffUser, _ context: PortalContext, done: String,
                          _ body: @Sendable (Committee, SubmittedForm) async throws -> [String]) async throws -> Response {
        let found = try await committee(context)
        let problems: [String]
        do {
            problems = try await body(found, context.form ?? SubmittedForm())
        } catch {
            guard let refusal = error as? StoreError else { throw error }
            problems = [refusal.description]
        }
        guard problems.isEmpty else {
            return HTML.response(try await page(user, context, found, problems: problems), status: .unprocessableContent)
        }
        return seeOther(StaffLinks.followUp(found.id!) + "?klart=" + done)
    }
    @Sendable func date(_ form: SubmittedForm, _ field: String, _ label: String, required: Bool, into problems: inout [String]) -> LocalDate? {
        guard let text = form.text(field) else {
            if required { problems.append("Ange \(label) (ÅÅÅÅ-MM-DD).") }
            return nil
        }
        guard let day = LocalDate(iso: text) else {
            problems.append("\(label.prefix(1).uppercased() + label.dropFirst()) ”\(text)” ska skrivas ÅÅÅÅ-MM-DD.")
            return nil
        }
        return day
    }
    @Sendable func diaryNumber(_ form: SubmittedForm, into problems: inout [String]) -> DiaryNumber? {
        guard let text = form.text("dnr") else { return nil }
        guard let dnr = DiaryNumber(text) else {
            problems.append("Diarienumret ”\(text)” går inte att läsa.")
            return nil
        }
        return dnr
    }
    let doneMessages = ["uppdrag": "Uppdraget är sparat.", "remiss": "Remissen är sparad.", "delegationsordning": "Delegationsordningen är antagen.",
                        "beslut": "Delegationsbeslutet är registrerat.", "anmalan": "Anmälningsärendet är registrerat.", "import": "Filen är importerad."]

    staff.get(base, need: inPath.need { .readDiary($0) }) { request, context, user in
        let done = FormParameters(query: request.uri.query).get("klart").flatMap { doneMessages[$0] }
        return HTML.response(try await page(user, context, try await committee(context), done: done))
    }
    staff.post(base + "/uppdrag/:assignment", need: inPath.need { .writeMemo($0) }) { _, context, user in
        try await change(user, context, done: "uppdrag") { committee, form in
            guard let assignment = try await store.assignment(AssignmentID(try context.id("assignment"))),
                  assignment.committeeID == committee.id else { throw HTTPError(.notFound) }
            guard let status = form.get("status").flatMap(AssignmentStatus.init(rawValue:)) else { return ["Välj en status."] }
            var closedBy: Int?
            if let text = form.text("closedBy") {
                guard let n = Int(text.replacingOccurrences(of: "§", with: "").trimmingCharacters(in: .whitespaces)), n > 0 else {
                    return ["Paragrafen ”\(text)” ska vara ett nummer."]
                }
                closedBy = n
            }
            var comment: AssignmentComment?
            if let text = form.text("comment") {
                guard let period = form.text("period") else { return ["Ange vilken period kommentaren gäller."] }
                comment = AssignmentComment(period: period, status: status, text: text, writtenBy: user.account.name, writtenOn: .today())
            }
            _ = try await store.report(on: assignment.id!, status: status, closedBy: closedBy, comment: comment, actor: user.actor)
            return []
        }
    }
    staff.post(base + "/uppdrag", need: inPath.need { .keepDiary($0) }) { _, context, user in
        try await change(user, context, done: "uppdrag") { committee, form in
            var problems: [String] = []
            guard let text = form.text("text"), let giver = form.text("giver"), let givenBy = form.text("givenBy") else {
                return ["Ange vem som gav uppdraget, genom vilket beslut, och uppdraget."]
            }
            var due: LocalDate?
            if let dueText = form.text("due") {
                do { due = try ReportBackTime.lastDay(dueText) } catch { problems.append((error as? ReportBackTime.Unreadable)?.description ?? "\(error)") }
            }
            guard problems.isEmpty else { return problems }
            _ = try await store.save(Assignment(committeeID: committee.id!, giver: giver, givenBy: givenBy, receiver: form.text("receiver"), text: text,
                                                reportBackBy: due, outsideBudget: form.get("outsideBudget") != nil))
            return []
        }
    }
    staff.post(base + "/remisser", need: inPath.need { .keepDiary($0) }) { _, context, user in
        try await change(user, context, done: "remiss") { committee, form in
            var problems: [String] = []
            let direction = form.get("direction").flatMap(ReferralDirection.init(rawValue:)) ?? .incoming
            let deadline = date(form, "deadline", "svarsdagen", required: false, into: &problems)
            let counterparts = (form.get("counterparts") ?? "").components(separatedBy: .newlines)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard problems.isEmpty else { return problems }
            _ = try await store.save(Referral(committeeID: committee.id!, direction: direction, counterparts: counterparts,
                                              title: form.text("title") ?? "", theirReference: form.text("reference"), deadline: deadline),
                                     actor: user.actor)
            return []
        }
    }
    staff.post(base + "/remisser/:referral", need: inPath.need { .keepDiary($0) }) { _, context, user in
        try await change(user, context, done: "remiss") { committee, form in
            guard var referral = try await store.referrals(of: committee.id!).first(where: { $0.id?.rawValue == (try? context.id("referral")) }) else {
                throw HTTPError(.notFound)
            }
            var problems: [String] = []
            if let day = date(form, "extension", "den nya svarsdagen", required: false, into: &problems) {
                if let current = referral.deadlineInForce, day <= current {
                    problems.append("Den nya svarsdagen \(day.iso) ska vara senare än den som gäller, \(current.iso).")
                } else {
                    referral.extensions.append(day)
                }
            }
            if let from = form.text("answerFrom") { referral.answers.append(ReferralAnswer(from: from, received: .today())) }
            guard problems.isEmpty else { return problems }
            _ = try await store.save(referral, actor: user.actor)
            return []
        }
    }
    staff.post(base + "/delegationsordning", need: inPath.need { .keepDiary($0) }) { _, context, user in
        try await change(user, context, done: "delegationsordning") { committee, form in
            var problems: [String] = []
            let from = date(form, "validFrom", "första dagen", required: true, into: &problems)
            let to = date(form, "validTo", "sista dagen", required: false, into: &problems)
            var points: [DelegationPoint] = []
            for (index, line) in (form.get("points") ?? "").components(separatedBy: .newlines).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let cells = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count >= 3 else {
                    problems.append("Rad \(index + 1): skriv punkt;ärende;delegat (och gärna vidaredelegation och anmäls som ja/nej).")
                    continue
                }
                func yes(_ i: Int, _ otherwise: Bool) -> Bool { cells.count > i ? ["ja", "j", "x", "1"].contains(cells[i].lowercased()) : otherwise }
                points.append(DelegationPoint(code: cells[0], matter: cells[1], delegate: cells[2], subDelegation: yes(3, false),
                                              reportingRequired: yes(4, true)))
            }
            guard problems.isEmpty, let from else { return problems }
            _ = try await store.adopt(DelegationOrder(committeeID: committee.id!, version: 0, adoptedBy: form.text("adoptedBy") ?? "",
                                                      validFrom: from, validTo: to, points: points), actor: user.actor)
            return []
        }
    }
    staff.post(base + "/delegationsbeslut", need: inPath.need { .keepDiary($0) }) { _, context, user in
        try await change(user, context, done: "beslut") { committee, form in
            var problems: [String] = []
            let day = date(form, "date", "beslutsdatumet", required: true, into: &problems)
            let dnr = diaryNumber(form, into: &problems)
            guard problems.isEmpty else { return problems }
            _ = try await store.register(DelegatedDecision(committeeID: committee.id!, decidedBy: form.text("decidedBy"), delegationPoint: form.text("point"),
                                                           decided: day, title: form.text("title") ?? "", diaryNumber: dnr), actor: user.actor)
            return []
        }
    }
    staff.post(base + "/anmalningsarenden", need: inPath.need { .keepDiary($0) }) { _, context, user in
        try await change(user, context, done: "anmalan") { committee, form in
            var problems: [String] = []
            let day = date(form, "date", "datumet", required: true, into: &problems)
            let dnr = diaryNumber(form, into: &problems)
            guard problems.isEmpty else { return problems }
            _ = try await store.register(Notification(committeeID: committee.id!, title: form.text("title") ?? "", sender: form.text("sender"),
                                                      received: day, diaryNumber: dnr), actor: user.actor)
            return []
        }
    }
    staff.post(base + "/import", need: inPath.need { .keepDiary($0) }) { _, context, user in
        try await change(user, context, done: "import") { committee, form in
            guard let file = form.file("file") else { return ["Välj en CSV-fil."] }
            let kind: AgendaItemKind = form.get("kind") == AgendaItemKind.notifications.rawValue ? .notifications : .delegatedDecisions
            guard let text = String(bytes: file.bytes, encoding: .utf8) else { return ["\(file.fileName): filen är inte UTF-8-text; spara den som CSV (UTF-8)."] }
            switch ReportedMatterCSV.read(text, kind: kind) {
            case .failure(let problems): return problems.list.map { $0.located(in: file.fileName) }
            case .success(let entries):
                do {
                    _ = try await store.importMatters(entries, kind: kind, committee: committee.id!, file: file.fileName, actor: user.actor)
                } catch StoreError.invalid(let message) {
                    // The store's refusal lists its problems a line each (`Rad 3: …`), as `SwedishCSV.Problems` prints them.
                    return message.components(separatedBy: "\n").map { "\(file.fileName), \($0.prefix(1).lowercased() + $0.dropFirst())" }
                }
                return []
            }
        }
    }

    @Sendable func outsideBudget(_ request: Request, _ context: PortalContext, pdfURL: String?) async throws -> OutsideBudgetReport {
        let found = try await committee(context)
        let assignments = try await store.assignmentRegister(committee: found.id!)
        let period = FormParameters(query: request.uri.query).get("period") ?? "per \(LocalDate.today().iso)"
        return OutsideBudgetReport(committee: found.name, period: period, assignments: assignments, comments: try await comments(assignments),
                                   pdfURL: pdfURL)
    }
    staff.get(base + "/uppdrag-utanfor-budget", need: inPath.need { .readDiary($0) }) { request, context, _ in
        let query = request.uri.query.map { "?" + $0 } ?? ""
        return HTML.response(try renderer.render(try await outsideBudget(request, context, pdfURL: request.uri.path + "/pdf" + query)))
    }
    staff.get(base + "/uppdrag-utanfor-budget/pdf", need: inPath.need { .readDiary($0) }) { request, context, _ in
        let source = try await outsideBudget(request, context, pdfURL: nil).typst
        let pdf = try await NIOThreadPool.singleton.runIfActive { try typst.pdf(source) }
        return pdfResponse(pdf, name: "uppdrag-utanfor-budget.pdf")
    }
}
