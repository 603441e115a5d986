import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafStore
@testable import ParagrafWeb
import Testing

@Suite("Staff: accounts")
struct AccountWebTests {
    @Test("an administrator creates an account with roles, and it signs in; a weak password or a taken name is refused")
    func create() async throws {
        try await withTemporaryStore { store, _ in
            let world = try await StaffWorld.make(store)
            let app = try await buildApplication(store: store, configuration: staffTestConfiguration, logger: quiet)
            try await app.test(.router) { client in
                let ada = try await TestSession.signIn(client, "admin")
                let aln = world.aln.id!.rawValue
                let created = try await ada.postReading(client, "/intern/konton", [
                    "username": "Lisa.Ledamot", "name": "Marie Samuelsson", "password": "ett långt lösenord", "person": String(world.members[1].id!.rawValue),
                    "grant": "ledamot:\(aln)",
                ])
                #expect(created.status == .seeOther)
                let lisa = try #require(try await store.account(username: "lisa.ledamot"))
                #expect(lisa.grants == [Grant(.member, committee: world.aln.id)] && lisa.person == world.members[1].id)
                _ = try await TestSession.signIn(client, "lisa.ledamot", password: "ett långt lösenord")

                for (fields, message) in [
                    (["username": "ny", "name": "Ny", "password": "kort"] as KeyValuePairs<String, String>, "minst 12 tecken"),
                    (["username": "sekr.aln", "name": "Dubblett", "password": "ett långt lösenord"], "används redan"),
                    (["username": "ny", "name": "Ny", "password": "ett långt lösenord", "grant": "kung:1"], "finns inte"),
                ] {
                    let refused = try await ada.postReading(client, "/intern/konton", fields)
                    #expect(refused.status == .unprocessableContent && refused.body.contains(message), "\(message)")
                }
                #expect(try await store.accounts().count == 6)

                // An administrator cannot remove their own role.
                let adaID = world.accounts["admin"]!.id!.rawValue
                let locked = try await ada.postReading(client, "/intern/konton/\(adaID)", ["username": "admin", "name": "Ada Admin"])
                #expect(locked.status == .unprocessableContent && locked.body.contains("egen administratörsroll"))
                #expect(try await store.account(AccountID(adaID))?.access.isAdministrator == true)

                // A new password replaces the old; leaving it blank keeps it.
                let saraID = world.accounts["sekr.aln"]!.id!.rawValue
                #expect(try await ada.post(client, "/intern/konton/\(saraID)", ["username": "sekr.aln", "name": "Sara Sekreterare",
                                                                              "password": "nytt långt lösenord", "grant": "nämndsekreterare:\(aln)"]) == .seeOther)
                _ = try await TestSession.signIn(client, "sekr.aln", password: "nytt långt lösenord")
                #expect(try await ada.post(client, "/intern/konton/\(saraID)", ["username": "sekr.aln", "name": "Sara S.", "password": "",
                                                                              "grant": "nämndsekreterare:\(aln)"]) == .seeOther)
                _ = try await TestSession.signIn(client, "sekr.aln", password: "nytt långt lösenord")
            }
        }
    }
}
