public enum MeetingState: String, Hashable, Sendable, Codable, CaseIterable {
    case planned = "planerat"
    case notified = "kallat"
    case held = "genomfört"
    case adjusted = "justerat"
    case announced = "anslaget"
    case cancelled = "inställt"

    /// The states a meeting may move to next: forward one step, or cancelled before it is held.
    public var successors: Set<MeetingState> {
        switch self {
        case .planned: return [.notified, .cancelled]
        case .notified: return [.held, .cancelled]
        case .held: return [.adjusted]
        case .adjusted: return [.announced]
        case .announced, .cancelled: return []
        }
    }
}

public struct MeetingStateError: Error, Hashable, Sendable, CustomStringConvertible {
    public let from: MeetingState
    public let to: MeetingState
    public var description: String {
        "Ett sammanträde som är \(from.rawValue) kan inte bli \(to.rawValue)."
    }
}

/// When a meeting was held. Meetings made in Paragraf always have a date; minutes imported from
/// an archive sometimes do not print one, and then only the year their § numbers run in is known.
public enum MeetingDating: Hashable, Sendable, Codable {
    case on(LocalDate)
    case undated(year: Int)

    public var date: LocalDate? {
        if case .on(let date) = self { return date } else { return nil }
    }

    /// The year the meeting's paragraphs are numbered in.
    public var year: Int {
        switch self {
        case .on(let date): return date.year
        case .undated(let year): return year
        }
    }
}

/// A sammanträde of one committee.
public struct Meeting: Hashable, Sendable, Codable {
    public var id: MeetingID?
    public var committeeID: CommitteeID
    public var dating: MeetingDating
    public var startTime: LocalTime?
    public var endTime: LocalTime?
    public var place: String?
    public var state: MeetingState
    /// Open to the public (KL 6 kap. 25 §: closed unless the committee decides otherwise).
    public var isOpenToPublic: Bool

    public init(id: MeetingID? = nil, committeeID: CommitteeID, date: LocalDate, startTime: LocalTime? = nil,
                endTime: LocalTime? = nil, place: String? = nil, state: MeetingState = .planned,
                isOpenToPublic: Bool = false) {
        self.init(id: id, committeeID: committeeID, dating: .on(date), startTime: startTime, endTime: endTime,
                  place: place, state: state, isOpenToPublic: isOpenToPublic)
    }

    public init(id: MeetingID? = nil, committeeID: CommitteeID, dating: MeetingDating, startTime: LocalTime? = nil,
                endTime: LocalTime? = nil, place: String? = nil, state: MeetingState = .planned,
                isOpenToPublic: Bool = false) {
        self.id = id
        self.committeeID = committeeID
        self.dating = dating
        self.startTime = startTime
        self.endTime = endTime
        self.place = place
        self.state = state
        self.isOpenToPublic = isOpenToPublic
    }

    /// The date, when the record states it.
    public var date: LocalDate? { dating.date }
    /// The year the meeting's paragraphs are numbered in.
    public var year: Int { dating.year }

    public mutating func advance(to next: MeetingState) throws(MeetingStateError) {
        guard state.successors.contains(next) else { throw MeetingStateError(from: state, to: next) }
        state = next
    }
}

public enum AgendaItemKind: String, Hashable, Sendable, Codable, CaseIterable {
    case rollCallAndAdjusters = "upprop och val av justerare"
    case approveAgenda = "godkännande av föredragningslistan"
    case matter = "ärende"
    case information
    case notifications = "anmälningsärenden"
    case delegatedDecisions = "delegationsbeslut"
    case otherQuestions = "övriga frågor"

    /// The standard item that lists matters laid before the committee, known by its title as
    /// municipalities word it ("Anmälningssärenden", "Redovisning av delegationsbeslut", "Meddelanden").
    public static func listing(titled title: String) -> AgendaItemKind? {
        let t = title.lowercased()
        if ["delegationsbeslut", "delegeringsbeslut", "delegationsärenden", "redovisning av delegation", "anmälan av delegation"]
            .contains(where: t.contains) { return .delegatedDecisions }
        if ["anmälningsärenden", "anmälningssärenden", "anmälningar", "anmälan av handlingar", "meddelanden", "delgivningar"]
            .contains(where: t.contains) { return .notifications }
        return nil
    }
}

/// A point on the föredragningslista.
public struct AgendaItem: Hashable, Sendable, Codable {
    public var id: AgendaItemID?
    public var meetingID: MeetingID
    public var position: Int
    public var kind: AgendaItemKind
    public var title: String
    public var caseID: CaseID?
    public var isPublic: Bool
    /// The förslag till beslut from the tjänsteskrivelse.
    public var proposedDecision: String?

    public init(id: AgendaItemID? = nil, meetingID: MeetingID, position: Int, kind: AgendaItemKind = .matter,
                title: String, caseID: CaseID? = nil, isPublic: Bool = true, proposedDecision: String? = nil) {
        self.id = id
        self.meetingID = meetingID
        self.position = position
        self.kind = kind
        self.title = title
        self.caseID = caseID
        self.isPublic = isPublic
        self.proposedDecision = proposedDecision
    }
}

/// A party group's meeting before the sammanträde (gruppmöte), listed in the notice.
public struct GroupMeeting: Hashable, Sendable, Codable {
    public var groups: String
    /// The day, when it is not the meeting's own.
    public var date: LocalDate?
    public var time: LocalTime?
    public var place: String?

    public init(groups: String, date: LocalDate? = nil, time: LocalTime? = nil, place: String? = nil) {
        self.groups = groups
        self.date = date
        self.time = time
        self.place = place
    }
}

/// The kallelse: sent to members and ersättare with the agenda and its documents.
public struct Notice: Hashable, Sendable, Codable {
    public var meetingID: MeetingID
    public var issued: LocalDate
    public var groupMeetings: [GroupMeeting]
    public var signedBy: [String]

    public init(meetingID: MeetingID, issued: LocalDate, groupMeetings: [GroupMeeting] = [], signedBy: [String] = []) {
        self.meetingID = meetingID
        self.issued = issued
        self.groupMeetings = groupMeetings
        self.signedBy = signedBy
    }
}
