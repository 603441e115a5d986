import Foundation

/// One meeting as one source document tells it (minutes, a notice or an extract), ready to be
/// filed: committees and persons are named rather than linked, and nothing has an id yet. The
/// importer builds it from a document; the store files all of it in one transaction.
public struct MeetingRecord: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case minutes = "protokoll"
        case notice = "kallelse"
        case extract = "protokollsutdrag"

        public var documentKind: DocumentKind {
            switch self {
            case .minutes: return .protokoll
            case .notice: return .kallelse
            case .extract: return .protokollsutdrag
            }
        }
    }

    /// The file the record was read from, kept whole in the archive.
    public struct Source: Hashable, Sendable {
        public var file: StoredFile
        public var content: Data

        public init(file: StoredFile, content: Data) {
            self.file = file
            self.content = content
        }
    }

    public struct RecordedAssignment: Hashable, Sendable {
        public var text: String
        public var receiver: String?
        public var reportBackBy: LocalDate?

        public init(text: String, receiver: String? = nil, reportBackBy: LocalDate? = nil) {
            self.text = text
            self.receiver = receiver
            self.reportBackBy = reportBackBy
        }
    }

    /// The remiss a paragraph or agenda item answers, as the document tells it.
    public struct RecordedReferral: Hashable, Sendable {
        public var title: String
        public var diaryNumber: DiaryNumber?
        public var from: String?
        public var theirReference: String?
        public var deadline: LocalDate?
        public var extensions: [LocalDate]

        public init(title: String, diaryNumber: DiaryNumber? = nil, from: String? = nil, theirReference: String? = nil,
                    deadline: LocalDate? = nil, extensions: [LocalDate] = []) {
            self.title = title
            self.diaryNumber = diaryNumber
            self.from = from
            self.theirReference = theirReference
            self.deadline = deadline
            self.extensions = extensions
        }
    }

    /// An entry of a standard item that lays matters before the committee.
    public struct RecordedMatter: Hashable, Sendable {
        /// `.delegatedDecisions` or `.notifications`.
        public var kind: AgendaItemKind
        public var title: String
        public var date: LocalDate?
        public var from: String?
        public var diaryNumber: String?

        public init(kind: AgendaItemKind, title: String, date: LocalDate? = nil, from: String? = nil, diaryNumber: String? = nil) {
            self.kind = kind
            self.title = title
            self.date = date
            self.from = from
            self.diaryNumber = diaryNumber
        }
    }

    /// A point on a notice's agenda with the tjänsteskrivelse behind it.
    public struct RecordedAgendaItem: Hashable, Sendable {
        public var position: Int
        public var title: String
        public var diaryNumber: DiaryNumber?
        public var handler: String?
        public var proposedDecision: String?
        public var isPublic: Bool

        public init(position: Int, title: String, diaryNumber: DiaryNumber? = nil, handler: String? = nil,
                    proposedDecision: String? = nil, isPublic: Bool = true) {
            self.position = position
            self.title = title
            self.diaryNumber = diaryNumber
            self.handler = handler
            self.proposedDecision = proposedDecision
            self.isPublic = isPublic
        }
    }

    /// A handling named in the document (a tjänsteskrivelse, bilaga, remiss), without its own file.
    public struct RecordedDocument: Hashable, Sendable {
        public var kind: DocumentKind
        public var title: String
        public var diaryNumber: DiaryNumber?

        public init(kind: DocumentKind, title: String, diaryNumber: DiaryNumber? = nil) {
            self.kind = kind
            self.title = title
            self.diaryNumber = diaryNumber
        }
    }

    /// Stands for the meeting's id in `minutes` and `paragraphs` until the store assigns one.
    public static let unsavedMeeting = MeetingID(rawValue: 0)

    public var kind: Kind
    public var source: Source
    public var municipality: String
    public var committee: String
    public var committeeKind: CommitteeKind
    /// The nämnd or styrelse an utskott belongs to.
    public var parentCommittee: String?
    public var dating: MeetingDating
    public var startTime: LocalTime?
    public var endTime: LocalTime?
    public var place: String?
    public var state: MeetingState
    /// Minutes and extracts: attendance, adjustment and paragraphs; `meetingID` is `unsavedMeeting`.
    public var minutes: Minutes
    /// Assignments given in the paragraphs, by § number.
    public var assignments: [Int: [RecordedAssignment]]
    /// Decision sentences closing earlier assignments, by § number.
    public var closedAssignments: [Int: [String]] = [:]
    /// Remisser answered, by § number (minutes) or agenda position (notices).
    public var referrals: [Int: RecordedReferral] = [:]
    /// Delegated decisions and anmälningsärenden listed, by § number or agenda position.
    public var listedMatters: [Int: [RecordedMatter]] = [:]
    /// Notices: the agenda, the day the notice was issued and the party groups' meetings.
    public var agenda: [RecordedAgendaItem]
    public var issued: LocalDate?
    public var groupMeetings: [GroupMeeting] = []
    /// Whether the meeting is open to the public, when the document says.
    public var isOpenToPublic: Bool?
    public var documents: [RecordedDocument]

    public init(kind: Kind, source: Source, municipality: String, committee: String, committeeKind: CommitteeKind,
                parentCommittee: String? = nil, dating: MeetingDating, startTime: LocalTime? = nil, endTime: LocalTime? = nil,
                place: String? = nil, state: MeetingState, minutes: Minutes = Minutes(meetingID: MeetingRecord.unsavedMeeting),
                assignments: [Int: [RecordedAssignment]] = [:], agenda: [RecordedAgendaItem] = [],
                documents: [RecordedDocument] = []) {
        self.kind = kind
        self.source = source
        self.municipality = municipality
        self.committee = committee
        self.committeeKind = committeeKind
        self.parentCommittee = parentCommittee
        self.dating = dating
        self.startTime = startTime
        self.endTime = endTime
        self.place = place
        self.state = state
        self.minutes = minutes
        self.assignments = assignments
        self.agenda = agenda
        self.documents = documents
    }
}

/// What filing a record did.
public enum FilingOutcome: Hashable, Sendable {
    /// The meeting's record is new, or this document adds to it (a notice, then its minutes).
    case added(MeetingID)
    /// The same file was filed before; nothing changed.
    case unchanged(MeetingID)
    /// A different version of the document was filed before; its content was replaced whole.
    case replaced(MeetingID, previousFile: String)
    /// Only the document was kept: the meeting's full minutes are already filed (an extract after them).
    case keptDocumentOnly(MeetingID)

    public var meetingID: MeetingID {
        switch self {
        case .added(let id), .unchanged(let id), .replaced(let id, _), .keptDocumentOnly(let id): return id
        }
    }
}
