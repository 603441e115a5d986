/// The föredragningslista as a secretary starts it: the standard items around the cases that
/// are ready for decision.
public enum AgendaPlan {
    /// A case ready for the agenda, with the proposed decision of its tjänsteskrivelse.
    public struct Ready: Sendable {
        public var matter: Case
        public var proposedDecision: String?
        public init(matter: Case, proposedDecision: String?) {
            self.matter = matter
            self.proposedDecision = proposedDecision
        }
    }

    /// Upprop och val av justerare, godkännande av föredragningslistan, the cases in diary order,
    /// anmälningsärenden, delegationsbeslut, övriga frågor. A secret case's item is closed (not
    /// published); every other item is public.
    public static func standard(meeting: MeetingID, cases: [Ready]) -> [AgendaItem] {
        var items: [AgendaItem] = []
        func add(_ kind: AgendaItemKind, _ title: String, matter: Case? = nil, proposal: String? = nil) {
            items.append(AgendaItem(meetingID: meeting, position: items.count + 1, kind: kind, title: title, caseID: matter?.id,
                                    isPublic: !(matter?.secrecy.isSecret ?? false), proposedDecision: proposal))
        }
        add(.rollCallAndAdjusters, "Upprop och val av justerare")
        add(.approveAgenda, "Godkännande av föredragningslistan")
        for ready in cases.sorted(by: { ($0.matter.id?.rawValue ?? 0) < ($1.matter.id?.rawValue ?? 0) }) {
            add(.matter, ready.matter.title, matter: ready.matter, proposal: ready.proposedDecision)
        }
        add(.notifications, "Anmälningsärenden")
        add(.delegatedDecisions, "Redovisning av delegationsbeslut")
        add(.otherQuestions, "Övriga frågor")
        return items
    }

    /// Adds cases to an agenda, before its closing standard items (anmälningsärenden,
    /// delegationsbeslut, övriga frågor), skipping cases already on it; positions run 1, 2, 3 …
    public static func adding(_ cases: [Ready], to agenda: [AgendaItem], meeting: MeetingID) -> [AgendaItem] {
        let present = Set(agenda.compactMap(\.caseID))
        let closing: Set<AgendaItemKind> = [.notifications, .delegatedDecisions, .otherQuestions]
        let sorted = agenda.sorted { $0.position < $1.position }
        let head = sorted.prefix { !closing.contains($0.kind) }
        let tail = sorted.dropFirst(head.count)
        let added = cases.filter { $0.matter.id.map { !present.contains($0) } ?? false }
            .sorted { ($0.matter.id?.rawValue ?? 0) < ($1.matter.id?.rawValue ?? 0) }
            .map { AgendaItem(meetingID: meeting, position: 0, kind: .matter, title: $0.matter.title, caseID: $0.matter.id,
                              isPublic: !$0.matter.secrecy.isSecret, proposedDecision: $0.proposedDecision) }
        return (Array(head) + added + Array(tail)).enumerated().map { offset, item in
            var numbered = item
            numbered.position = offset + 1
            return numbered
        }
    }
}

/// A member's report that they cannot attend (förhinder).
public struct Absence: Hashable, Sendable, Codable {
    public var meetingID: MeetingID
    public var personID: PersonID
    /// ISO 8601 UTC, as the store stamps it.
    public var reportedAt: String
    /// Who reported it: the member, or the secretary on their behalf.
    public var reportedBy: String

    public init(meetingID: MeetingID, personID: PersonID, reportedAt: String, reportedBy: String) {
        self.meetingID = meetingID
        self.personID = personID
        self.reportedAt = reportedAt
        self.reportedBy = reportedBy
    }
}
