import Foundation
import ParagrafCore
import ParagrafStore

/// A municipality's committees, members and ersättare as a JSON file, for the start: what
/// fullmäktige elected, in the calling order it decided. Loading it again adds what is new and
/// leaves what is there.
///
/// ```json
/// {"municipality": "Borås Stad", "code": "1490",
///  "committees": [{"name": "Arbetslivsnämnden", "kind": "nämnd", "abbreviation": "ALN",
///                  "term": {"from": "2023-01-01", "to": "2026-12-31"},
///                  "members": [{"name": "Anna Ek", "party": "S", "role": "ordförande"}],
///                  "substitutes": [{"name": "Bo Berg", "party": "M"}]}]}
/// ```
public struct OrganisationFile: Decodable, Sendable {
    public struct Seat: Decodable, Sendable {
        public var name: String
        public var party: String?
        public var role: String?
    }

    public struct Period: Decodable, Sendable {
        public var from: String
        public var to: String?
    }

    public struct CommitteeEntry: Decodable, Sendable {
        public var name: String
        public var kind: String?
        public var abbreviation: String?
        public var term: Period
        public var members: [Seat]
        public var substitutes: [Seat]?
    }

    public var municipality: String
    public var code: String?
    public var committees: [CommitteeEntry]

    public struct Loaded: Sendable {
        public var committees: Int
        public var persons: Int
        public var memberships: Int
    }

    public enum Problem: Error, CustomStringConvertible {
        case invalid(String)
        public var description: String { switch self { case .invalid(let text): return text } }
    }

    public static func read(_ data: Data, name: String) throws -> OrganisationFile {
        do {
            return try JSONDecoder().decode(OrganisationFile.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw Problem.invalid("\(name): fältet ”\(key.stringValue)” saknas (\(context.codingPath.map(\.stringValue).joined(separator: ".")))")
        } catch {
            throw Problem.invalid("\(name) är ingen giltig organisationsfil: \(error)")
        }
    }

    /// Checks everything first, so that a bad file changes nothing.
    public func problems() -> [String] {
        var out: [String] = []
        for c in committees {
            if let kind = c.kind, CommitteeKind(rawValue: kind) == nil {
                out.append("\(c.name): slaget ”\(kind)” finns inte (\(CommitteeKind.allCases.map(\.rawValue).joined(separator: ", "))).")
            }
            if LocalDate(iso: c.term.from) == nil || c.term.to.map({ LocalDate(iso: $0) == nil }) == true {
                out.append("\(c.name): mandatperioden ska skrivas ÅÅÅÅ-MM-DD.")
            }
            for seat in c.members where seat.role.map({ MembershipRole(rawValue: $0) == nil || $0 == MembershipRole.ersattare.rawValue }) == true {
                out.append("\(c.name): rollen ”\(seat.role!)” för \(seat.name) finns inte (ordförande, 1:e vice ordförande, 2:e vice ordförande, ledamot).")
            }
            if c.members.isEmpty { out.append("\(c.name) har inga ledamöter.") }
        }
        return out
    }

    public func load(into store: any Store) async throws -> Loaded {
        let found = problems()
        guard found.isEmpty else { throw Problem.invalid(found.joined(separator: " ")) }
        var loaded = Loaded(committees: 0, persons: 0, memberships: 0)
        var stored = try await store.municipality(named: self.municipality)
        if stored == nil { stored = try await store.save(Municipality(name: self.municipality, code: code)) }
        let municipality = stored!
        let existing = try await store.committees(in: municipality.id)
        for entry in committees {
            var committee = existing.first { $0.name == entry.name }
            if committee == nil {
                let kind = entry.kind.flatMap(CommitteeKind.init(rawValue:)) ?? CommitteeKind.inferred(fromName: entry.name).kind
                committee = try await store.save(Committee(municipalityID: municipality.id!, name: entry.name, kind: kind, abbreviation: entry.abbreviation))
                loaded.committees += 1
            }
            let term = Term(from: LocalDate(iso: entry.term.from)!, to: entry.term.to.flatMap { LocalDate(iso: $0) })
            let held = try await store.memberships(of: committee!.id!, on: nil)
            let seats = entry.members.map { ($0, MembershipRole(rawValue: $0.role ?? "ledamot") ?? .ledamot, nil as Int?) }
                + (entry.substitutes ?? []).enumerated().map { ($0.element, MembershipRole.ersattare, $0.offset + 1) }
            for (seat, role, order) in seats {
                var person = try await store.person(named: seat.name, party: seat.party, in: municipality.id!)
                if person == nil {
                    person = try await store.save(Person(municipalityID: municipality.id!, name: seat.name, party: seat.party))
                    loaded.persons += 1
                }
                guard !held.contains(where: { $0.personID == person!.id && $0.term.from == term.from }) else { continue }
                _ = try await store.save(Membership(personID: person!.id!, committeeID: committee!.id!, role: role, term: term, callingOrder: order))
                loaded.memberships += 1
            }
        }
        return loaded
    }
}
