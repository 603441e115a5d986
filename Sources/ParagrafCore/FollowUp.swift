public enum AssignmentStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case notStarted = "ej påbörjat"
    case ongoing = "pågående"
    case partlyDone = "delvis genomfört"
    case done = "genomfört"
    case closed = "avslutat"
}

/// An uppdrag given in a paragraph, or by another body's decision (fullmäktige's to the nämnd),
/// with its återrapportering.
public struct Assignment: Hashable, Sendable, Codable {
    public var id: AssignmentID?
    public var committeeID: CommitteeID
    public var paragraphID: ParagraphID?
    /// Who gave it, when not the committee itself in one of its paragraphs (`Kommunfullmäktige`).
    public var giver: String?
    /// The giving decision as cited, when it is not a paragraph in Paragraf (`KF 2023-02-22 § 12`).
    public var givenBy: String?
    /// Who must carry it out: förvaltningen, another committee.
    public var receiver: String?
    public var text: String
    public var reportBackBy: LocalDate?
    public var status: AssignmentStatus
    /// The paragraph number of the decision that closed it.
    public var closedByParagraph: Int?
    /// An uppdrag that the budget does not cover, reported as "uppdrag som inte ingår i budget".
    public var outsideBudget: Bool

    public init(id: AssignmentID? = nil, committeeID: CommitteeID, paragraphID: ParagraphID? = nil, giver: String? = nil,
                givenBy: String? = nil, receiver: String? = nil, text: String, reportBackBy: LocalDate? = nil,
                status: AssignmentStatus = .notStarted, closedByParagraph: Int? = nil, outsideBudget: Bool = false) {
        self.id = id
        self.committeeID = committeeID
        self.paragraphID = paragraphID
        self.giver = giver
        self.givenBy = givenBy
        self.receiver = receiver
        self.text = text
        self.reportBackBy = reportBackBy
        self.status = status
        self.closedByParagraph = closedByParagraph
        self.outsideBudget = outsideBudget
    }

    public var isFinished: Bool { status == .done || status == .closed }

    public func isOverdue(on day: LocalDate) -> Bool {
        guard let reportBackBy else { return false }
        return reportBackBy < day && !isFinished
    }
}

/// A report on an assignment for one period (`tertial 2 2023`): its status then and what was done.
public struct AssignmentComment: Hashable, Sendable, Codable {
    public var period: String
    public var status: AssignmentStatus
    public var text: String
    public var writtenBy: String
    public var writtenOn: LocalDate

    public init(period: String, status: AssignmentStatus, text: String, writtenBy: String, writtenOn: LocalDate) {
        self.period = period
        self.status = status
        self.text = text
        self.writtenBy = writtenBy
        self.writtenOn = writtenOn
    }
}

public enum ReferralDirection: String, Hashable, Sendable, Codable {
    case incoming = "inkommande"
    case outgoing = "utgående"
}

/// An answer received to an outgoing remiss.
public struct ReferralAnswer: Hashable, Sendable, Codable {
    public var from: String
    public var received: LocalDate

    public init(from: String, received: LocalDate) {
        self.from = from
        self.received = received
    }
}

/// A remiss: received for a statement (remissvar), or sent out to consulted bodies.
public struct Referral: Hashable, Sendable, Codable {
    public var id: ReferralID?
    public var committeeID: CommitteeID
    public var direction: ReferralDirection
    /// The sender of an incoming referral, or the consulted bodies of an outgoing one.
    public var counterparts: [String]
    public var title: String
    /// The committee's own diary number for the matter.
    public var diaryNumber: DiaryNumber?
    /// The sender's diary number, as printed (`KS 2023-00440`), to be quoted in the answer.
    public var theirReference: String?
    /// The first answer deadline; nil when the documents do not state it.
    public var deadline: LocalDate?
    /// Later deadlines granted, oldest first; the last one is in force.
    public var extensions: [LocalDate]
    /// Outgoing: the answers received so far.
    public var answers: [ReferralAnswer]
    /// The meeting whose agenda or minutes carry the statement.
    public var meetingID: MeetingID?
    /// The committee's case for it, whose handläggare writes the statement.
    public var caseID: CaseID?
    /// The paragraph that adopted the statement (incoming), once it has.
    public var answeredByParagraph: ParagraphID?

    public init(id: ReferralID? = nil, committeeID: CommitteeID, direction: ReferralDirection, counterparts: [String],
                title: String, diaryNumber: DiaryNumber? = nil, theirReference: String? = nil, deadline: LocalDate?,
                extensions: [LocalDate] = [], answers: [ReferralAnswer] = [], meetingID: MeetingID? = nil,
                caseID: CaseID? = nil, answeredByParagraph: ParagraphID? = nil) {
        self.caseID = caseID
        self.id = id
        self.committeeID = committeeID
        self.direction = direction
        self.counterparts = counterparts
        self.title = title
        self.diaryNumber = diaryNumber
        self.theirReference = theirReference
        self.deadline = deadline
        self.extensions = extensions
        self.answers = answers
        self.meetingID = meetingID
        self.answeredByParagraph = answeredByParagraph
    }

    public var deadlineInForce: LocalDate? { extensions.last ?? deadline }

    /// Incoming: until a paragraph adopts the statement. Outgoing: until every body consulted has answered.
    public var isOpen: Bool {
        switch direction {
        case .incoming: return answeredByParagraph == nil
        case .outgoing: return Set(answers.map(\.from)).count < Set(counterparts).count
        }
    }

    /// Whether the deadline in force falls before `day` while the referral is still open: the
    /// agenda's warning when `day` is the next meeting.
    public func isDue(before day: LocalDate) -> Bool {
        guard isOpen, let due = deadlineInForce else { return false }
        return due < day
    }
}

/// A decision taken under delegation, reported to the committee (KL 7 kap. 8 §). Registered ones
/// cite their point and date; those read from old minutes may know only their title.
public struct DelegatedDecision: Hashable, Sendable, Codable {
    public var id: DelegatedDecisionID?
    public var committeeID: CommitteeID
    public var decidedBy: String?
    /// The point of the delegation order the decision rests on (`3.2`).
    public var delegationPoint: String?
    public var decided: LocalDate?
    public var title: String
    public var diaryNumber: DiaryNumber?
    /// The meeting at which it was reported, once it has been.
    public var reportedAt: MeetingID?
    /// The paragraph that reported it (Delegationsbeslut), once the minutes are filed.
    public var paragraphID: ParagraphID?

    public init(id: DelegatedDecisionID? = nil, committeeID: CommitteeID, decidedBy: String?, delegationPoint: String?,
                decided: LocalDate?, title: String, diaryNumber: DiaryNumber? = nil, reportedAt: MeetingID? = nil,
                paragraphID: ParagraphID? = nil) {
        self.id = id
        self.committeeID = committeeID
        self.decidedBy = decidedBy
        self.delegationPoint = delegationPoint
        self.decided = decided
        self.title = title
        self.diaryNumber = diaryNumber
        self.reportedAt = reportedAt
        self.paragraphID = paragraphID
    }
}

/// An anmälningsärende: a letter, judgment or report laid before the committee for its information.
public struct Notification: Hashable, Sendable, Codable {
    public var id: NotificationID?
    public var committeeID: CommitteeID
    public var title: String
    public var sender: String?
    /// The day it came in or was dated; nil when an imported list does not say.
    public var received: LocalDate?
    public var diaryNumber: DiaryNumber?
    public var reportedAt: MeetingID?
    public var paragraphID: ParagraphID?

    public init(id: NotificationID? = nil, committeeID: CommitteeID, title: String, sender: String? = nil,
                received: LocalDate?, diaryNumber: DiaryNumber? = nil, reportedAt: MeetingID? = nil, paragraphID: ParagraphID? = nil) {
        self.id = id
        self.committeeID = committeeID
        self.title = title
        self.sender = sender
        self.received = received
        self.diaryNumber = diaryNumber
        self.reportedAt = reportedAt
        self.paragraphID = paragraphID
    }
}

/// An assignment as the register lists it: with its committee and the paragraph that gave it.
public struct RegisteredAssignment: Hashable, Sendable {
    public var assignment: Assignment
    public var committee: String
    /// The giving paragraph's meeting and number, when known.
    public var meetingID: MeetingID?
    public var paragraphNumber: Int?
    public var paragraphTitle: String?
    /// Whether the giving paragraph is public: the assignment is shown only where it is.
    public var isPublic: Bool

    public init(assignment: Assignment, committee: String, meetingID: MeetingID?, paragraphNumber: Int?, paragraphTitle: String?, isPublic: Bool) {
        self.assignment = assignment
        self.committee = committee
        self.meetingID = meetingID
        self.paragraphNumber = paragraphNumber
        self.paragraphTitle = paragraphTitle
        self.isPublic = isPublic
    }

    /// Overdue first (oldest first), then by report-back day, those without one last.
    public static func registerOrder(_ list: [RegisteredAssignment], on day: LocalDate) -> [RegisteredAssignment] {
        list.sorted { a, b in
            let (x, y) = (a.assignment, b.assignment)
            if x.isOverdue(on: day) != y.isOverdue(on: day) { return x.isOverdue(on: day) }
            switch (x.reportBackBy, y.reportBackBy) {
            case let (p?, q?) where p != q: return p < q
            case (_?, nil): return true
            case (nil, _?): return false
            default: return (x.id?.rawValue ?? 0) < (y.id?.rawValue ?? 0)
            }
        }
    }
}

/// A referral as the public list shows it: with its committee and where it was answered.
public struct ListedReferral: Hashable, Sendable {
    public var referral: Referral
    public var committee: String
    /// The meeting that answers it (its date), and the answering paragraph's number once it has.
    public var meetingDate: LocalDate?
    public var paragraphNumber: Int?
    public var isPublic: Bool

    public init(referral: Referral, committee: String, meetingDate: LocalDate?, paragraphNumber: Int?, isPublic: Bool) {
        self.referral = referral
        self.committee = committee
        self.meetingDate = meetingDate
        self.paragraphNumber = paragraphNumber
        self.isPublic = isPublic
    }

    /// Open ones by the deadline in force (soonest first, unknown last), then answered ones, newest first.
    public static func listOrder(_ list: [ListedReferral]) -> [ListedReferral] {
        list.sorted { a, b in
            let (x, y) = (a.referral, b.referral)
            if x.isOpen != y.isOpen { return x.isOpen }
            switch (x.deadlineInForce, y.deadlineInForce) {
            case let (p?, q?) where p != q: return x.isOpen ? p < q : p > q
            case (_?, nil): return true
            case (nil, _?): return false
            default: return (x.id?.rawValue ?? 0) < (y.id?.rawValue ?? 0)
            }
        }
    }
}

/// What a meeting's standard items Delegationsbeslut and Anmälningsärenden lay before the committee.
public struct ReportedMatters: Hashable, Sendable {
    public var delegatedDecisions: [DelegatedDecision]
    public var notifications: [Notification]

    public init(delegatedDecisions: [DelegatedDecision], notifications: [Notification]) {
        self.delegatedDecisions = delegatedDecisions
        self.notifications = notifications
    }
}

/// One entry of a Delegationsbeslut or Anmälningsärenden paragraph, as the public record lists it.
public struct ListedMatter: Hashable, Sendable {
    public var kind: AgendaItemKind
    public var title: String
    /// Who decided (delegated decisions) or sent it (anmälningsärenden).
    public var party: String?
    public var date: LocalDate?
    public var delegationPoint: String?
    public var diaryNumber: String?

    public init(kind: AgendaItemKind, title: String, party: String?, date: LocalDate?, delegationPoint: String?, diaryNumber: String?) {
        self.kind = kind
        self.title = title
        self.party = party
        self.date = date
        self.delegationPoint = delegationPoint
        self.diaryNumber = diaryNumber
    }
}

/// Which assignment a closing decision names, when the decision quotes it in its own words.
public enum AssignmentMatch {
    /// Words of five letters or more, less those every assignment decision shares.
    static func words(_ text: String) -> Set<String> {
        let common: Set<String> = ["nämnden", "uppdraget", "uppdrag", "avslutar", "avslutas", "förvaltningen", "återrapporteras", "senast"]
        return Set(text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 5 && !common.contains($0) })
    }

    /// The assignment sharing most of the sentence's words, at least half of them.
    public static func best(for sentence: String, among assignments: [Assignment]) -> Assignment? {
        let wanted = words(sentence)
        guard !wanted.isEmpty else { return nil }
        let scored = assignments.map { ($0, Double(wanted.intersection(words($0.text)).count) / Double(wanted.count)) }
        guard let top = scored.max(by: { $0.1 < $1.1 }), top.1 >= 0.5 else { return nil }
        return top.0
    }
}

extension ReportedMatters {
    /// The entries a standard item lists, one a line, as the minutes print them (seed-000 § 43).
    public func entries(_ kind: AgendaItemKind) -> [String] {
        switch kind {
        case .delegatedDecisions:
            return delegatedDecisions.map { d in
                [d.decided?.iso, d.decidedBy.map { "\($0):" }, d.title, d.delegationPoint.map { "(punkt \($0))" }]
                    .compactMap { $0 }.joined(separator: " ") + (d.diaryNumber.map { "\nDnr \($0.withClassification)" } ?? "")
            }
        case .notifications:
            return notifications.map { n in
                [n.sender.map { "\($0)," }, n.received?.iso, n.title].compactMap { $0 }.joined(separator: " ")
                    + (n.diaryNumber.map { "\nDnr \($0.withClassification)" } ?? "")
            }
        default:
            return []
        }
    }

    /// The numbered list for a standard item's summary, nil when there is nothing to lay before the committee.
    public func summary(_ kind: AgendaItemKind) -> String? {
        let list = entries(kind)
        return list.isEmpty ? nil : list.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
    }

    /// The decision such an item takes.
    public static func decision(_ kind: AgendaItemKind, committee: String) -> String? {
        switch kind {
        case .delegatedDecisions: return "\(committee) lägger redovisade delegationsbeslut till handlingarna."
        case .notifications: return "\(committee) lägger redovisade anmälningsärenden till handlingarna."
        default: return nil
        }
    }
}

/// Remisser that the agenda of a meeting should answer: those whose deadline in force falls before
/// the committee's next meeting after it, and so would be late if left for that one.
public enum ReferralWarnings {
    public static func warnings(meetingDate: LocalDate, nextMeeting: LocalDate?, referrals: [Referral], onAgenda: Set<CaseID>,
                                agendaTitles: Set<String>) -> [String] {
        referrals.filter { r in
            guard r.direction == .incoming, r.isOpen, let due = r.deadlineInForce else { return false }
            if let id = r.caseID, onAgenda.contains(id) { return false }
            if agendaTitles.contains(r.title.lowercased()) { return false }
            return nextMeeting.map { due < $0 } ?? true
        }.sorted { ($0.deadlineInForce!, $0.title) < ($1.deadlineInForce!, $1.title) }.map { r in
            let due = r.deadlineInForce!
            let from = r.counterparts.first.map { " från \($0)" } ?? ""
            if due < meetingDate {
                return "Remissen ”\(r.title)”\(from) skulle ha besvarats senast \(due.iso), före detta sammanträde: begär anstånd eller svara genast."
            }
            let next = nextMeeting.map { ", före nästa sammanträde \($0.iso)" } ?? ""
            return "Remissen ”\(r.title)”\(from) ska besvaras senast \(due.iso)\(next): ta upp den på detta sammanträde eller begär anstånd."
        }
    }
}
