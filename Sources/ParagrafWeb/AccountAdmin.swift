import Foundation
import ParagrafCore
import ParagrafStore

/// Creating and changing accounts, for the command line and the administrators' pages alike:
/// the password rules are checked and the hash made here, and nowhere else.
public struct AccountAdmin: Sendable {
    let store: any Store
    let passwords: Passwords

    public init(store: any Store, passwordCost: UInt8 = 12) {
        self.store = store
        passwords = Passwords(cost: passwordCost)
    }

    public enum Problem: Error, CustomStringConvertible, Equatable {
        case invalid([String])
        public var description: String {
            switch self { case .invalid(let problems): return problems.joined(separator: " ") }
        }
    }

    /// Saves an account; with a password, sets it (checked against the rules first). A new
    /// account needs a password.
    public func save(_ account: Account, password: String?, actor: String) async throws -> Account {
        var problems = account.problems
        if account.id == nil, password == nil { problems.append("Ett nytt konto behöver ett lösenord.") }
        if let password, let problem = PasswordRule.problem(with: password, username: account.username) { problems.append(problem) }
        for grant in account.grants {
            if let committee = grant.committee, try await store.committee(committee) == nil {
                problems.append("Nämnd \(committee.rawValue) finns inte.")
            }
        }
        if let person = account.person, try await store.person(person) == nil { problems.append("Person \(person.rawValue) finns inte.") }
        guard problems.isEmpty else { throw Problem.invalid(problems) }
        let hash: String? = if let password { try await passwords.hash(password) } else { nil }
        return try await store.save(account, passwordHash: hash, actor: actor)
    }
}
