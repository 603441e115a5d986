import Foundation
import Hummingbird
import ParagrafCore
import ParagrafRender
import ParagrafStore

/// Administrators' pages: accounts and their roles.
func addAccountRoutes(to staff: StaffRoutes, store: any Store, renderer: PageRenderer, admin: AccountAdmin) {
    @Sendable func page(_ user: StaffUser, _ context: PortalContext, editing: Account?, form: Account, problems: [String] = [],
                        done: String? = nil) async throws -> String {
        let committees = try await store.committees(in: nil)
        var persons: [Person] = []
        for municipality in try await store.municipalities() { persons += try await store.persons(in: municipality.id!) }
        return try renderer.render(AccountsPage(bar: staffBar(user, context), accounts: try await store.accounts(), committees: committees,
                                                persons: persons, editing: editing, form: form, problems: problems, done: done))
    }
    @Sendable func account(_ context: PortalContext) async throws -> Account {
        guard let found = try await store.account(AccountID(try context.id("account"))) else { throw HTTPError(.notFound) }
        return found
    }
    /// The account as the form describes it, and what could not be read.
    @Sendable func read(_ form: SubmittedForm, into account: Account) -> (Account, [String]) {
        var changed = account
        var problems: [String] = []
        changed.username = (form.text("username") ?? "").lowercased()
        changed.name = form.text("name") ?? ""
        changed.email = form.text("email")
        changed.disabled = form.get("disabled") != nil
        changed.person = form.text("person").flatMap { Int64($0) }.map { PersonID($0) }
        changed.grants = form.getAll("grant").compactMap { value in
            let parts = value.split(separator: ":")
            guard let role = StaffRole(rawValue: String(parts[0])) else {
                problems.append("Rollen ”\(value)” finns inte.")
                return nil
            }
            return Grant(role, committee: parts.count > 1 ? Int64(parts[1]).map { CommitteeID($0) } : nil)
        }
        return (changed, problems)
    }
    @Sendable func save(_ user: StaffUser, _ context: PortalContext, editing: Account?) async throws -> Response {
        let form = context.form ?? SubmittedForm()
        let (changed, problems) = read(form, into: editing ?? Account(username: "", name: ""))
        let password = form.get("password").flatMap { $0.isEmpty ? nil : $0 }
        if editing?.id == user.account.id, !changed.grants.contains(where: { $0.role == .administrator }) || changed.disabled {
            // An administrator cannot lock themselves out: another must do it.
            let html = try await page(user, context, editing: editing, form: changed,
                                      problems: ["Du kan inte ta bort din egen administratörsroll eller stänga av ditt eget konto."])
            return HTML.response(html, status: .unprocessableContent)
        }
        do {
            guard problems.isEmpty else { throw AccountAdmin.Problem.invalid(problems) }
            let saved = try await admin.save(changed, password: password, actor: user.actor)
            return seeOther(StaffLinks.accounts + "/\(saved.id!.rawValue)?klart=sparat")
        } catch let error as AccountAdmin.Problem {
            guard case .invalid(let list) = error else { throw error }
            return HTML.response(try await page(user, context, editing: editing, form: changed, problems: list), status: .unprocessableContent)
        } catch let error as StoreError {
            return HTML.response(try await page(user, context, editing: editing, form: changed, problems: [error.description]),
                                 status: .unprocessableContent)
        }
    }

    staff.get(StaffLinks.accounts, need: { _, _ in .manageAccounts }) { _, context, user in
        HTML.response(try await page(user, context, editing: nil, form: Account(username: "", name: "")))
    }
    staff.post(StaffLinks.accounts, need: { _, _ in .manageAccounts }) { _, context, user in
        try await save(user, context, editing: nil)
    }
    staff.get(StaffLinks.accounts + "/:account", need: { _, _ in .manageAccounts }) { request, context, user in
        let found = try await account(context)
        let done = FormParameters(query: request.uri.query).get("klart") == "sparat" ? "Kontot är sparat." : nil
        return HTML.response(try await page(user, context, editing: found, form: found, done: done))
    }
    staff.post(StaffLinks.accounts + "/:account", need: { _, _ in .manageAccounts }) { _, context, user in
        try await save(user, context, editing: try await account(context))
    }
}
