public enum AssignmentStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case notStarted = "ej påbörjat"
    case ongoing = "pågående"
    case partlyDone = "delvis genomfört"
    case done = "genomfört"
    case closed = "avslutat"
}

/// An uppdrag given in a paragraph, with its återrapportering.
public struct Assignment: Hashable, Sendable, Codable {
    public var id: AssignmentID?
    public var committeeID: CommitteeID
    public var paragraphID: ParagraphID?
    /// Who must carry it out: förvaltningen, another committee.
    public var receiver: String?
    public var text: String
    public var reportBackBy: LocalDate?
    public var status: AssignmentStatus
    /// The paragraph number of the decision that closed it.
    public var closedByParagraph: Int?

    public init(id: AssignmentID? = nil, committeeID: CommitteeID, paragraphID: ParagraphID? = nil, receiver: String? = nil,
                text: String, reportBackBy: LocalDate? = nil, status: AssignmentStatus = .notStarted,
                closedByParagraph: Int? = nil) {
        self.id = id
        self.committeeID = committeeID
        self.paragraphID = paragraphID
        self.receiver = receiver
        self.text = text
        self.reportBackBy = reportBackBy
        self.status = status
        self.closedByParagraph = closedByParagraph
    }

    public func isOverdue(on day: LocalDate) -> Bool {
        guard let reportBackBy else { return false }
        return reportBackBy < day && status != .done && status != .closed
    }
}

public enum ReferralDirection: String, Hashable, Sendable, Codable {
    case incoming = "inkommande"
    case outgoing = "utgående"
}

/// A remiss: received for a statement (remissvar), or sent out to consulted bodies.
public struct Referral: Hashable, Sendable, Codable {
    public var id: ReferralID?
    public var committeeID: CommitteeID
    public var direction: ReferralDirection
    /// The sender of an incoming referral, or the consulted bodies of an outgoing one.
    public var counterparts: [String]
    public var title: String
    public var diaryNumber: DiaryNumber?
    public var deadline: LocalDate
    /// Later deadlines granted, oldest first; the last one is in force.
    public var extensions: [LocalDate]
    public var answeredByParagraph: ParagraphID?

    public init(id: ReferralID? = nil, committeeID: CommitteeID, direction: ReferralDirection, counterparts: [String],
                title: String, diaryNumber: DiaryNumber? = nil, deadline: LocalDate, extensions: [LocalDate] = [],
                answeredByParagraph: ParagraphID? = nil) {
        self.id = id
        self.committeeID = committeeID
        self.direction = direction
        self.counterparts = counterparts
        self.title = title
        self.diaryNumber = diaryNumber
        self.deadline = deadline
        self.extensions = extensions
        self.answeredByParagraph = answeredByParagraph
    }

    public var deadlineInForce: LocalDate { extensions.last ?? deadline }
}

/// A decision taken under delegation, reported to the committee (KL 7 kap. 8 §).
public struct DelegatedDecision: Hashable, Sendable, Codable {
    public var id: DelegatedDecisionID?
    public var committeeID: CommitteeID
    public var decidedBy: String
    /// The point of the delegation order the decision rests on (`3.2`).
    public var delegationPoint: String
    public var decided: LocalDate
    public var title: String
    public var diaryNumber: DiaryNumber?
    /// The meeting at which it was reported, once it has been.
    public var reportedAt: MeetingID?

    public init(id: DelegatedDecisionID? = nil, committeeID: CommitteeID, decidedBy: String, delegationPoint: String,
                decided: LocalDate, title: String, diaryNumber: DiaryNumber? = nil, reportedAt: MeetingID? = nil) {
        self.id = id
        self.committeeID = committeeID
        self.decidedBy = decidedBy
        self.delegationPoint = delegationPoint
        self.decided = decided
        self.title = title
        self.diaryNumber = diaryNumber
        self.reportedAt = reportedAt
    }
}

/// An anmälningsärende: a letter, judgment or report laid before the committee for its information.
public struct Notification: Hashable, Sendable, Codable {
    public var id: NotificationID?
    public var committeeID: CommitteeID
    public var title: String
    public var sender: String?
    public var received: LocalDate
    public var diaryNumber: DiaryNumber?
    public var reportedAt: MeetingID?

    public init(id: NotificationID? = nil, committeeID: CommitteeID, title: String, sender: String? = nil,
                received: LocalDate, diaryNumber: DiaryNumber? = nil, reportedAt: MeetingID? = nil) {
        self.id = id
        self.committeeID = committeeID
        self.title = title
        self.sender = sender
        self.received = received
        self.diaryNumber = diaryNumber
        self.reportedAt = reportedAt
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
