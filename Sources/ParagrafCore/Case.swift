/// Whether a matter or document may be shown to the public.
public enum Secrecy: Hashable, Sendable, Codable {
    case open
    /// Covered by secrecy, with the provision of offentlighets- och sekretesslagen it rests on.
    case secret(provision: String)

    public var isSecret: Bool { if case .secret = self { return true } else { return false } }
}

public enum CaseStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case registered = "registrerat"
    case inPreparation = "under beredning"
    case ready = "klart för beslut"
    case decided = "beslutat"
    case closed = "avslutat"
}

/// An ärende in the diary.
public struct Case: Hashable, Sendable, Codable {
    public var id: CaseID?
    public var committeeID: CommitteeID
    public var diaryNumber: DiaryNumber
    public var title: String
    public var registered: LocalDate?
    /// The handläggare's name.
    public var handler: String?
    public var secrecy: Secrecy
    public var status: CaseStatus

    public init(id: CaseID? = nil, committeeID: CommitteeID, diaryNumber: DiaryNumber, title: String,
                registered: LocalDate? = nil, handler: String? = nil, secrecy: Secrecy = .open,
                status: CaseStatus = .registered) {
        self.id = id
        self.committeeID = committeeID
        self.diaryNumber = diaryNumber
        self.title = title
        self.registered = registered
        self.handler = handler
        self.secrecy = secrecy
        self.status = status
    }

    public var classification: Classification? { diaryNumber.classification }
}

public enum DocumentKind: String, Hashable, Sendable, Codable, CaseIterable {
    case tjansteskrivelse = "tjänsteskrivelse"
    case bilaga
    case beslutsunderlag
    case remiss
    case remissvar
    case utredning
    case kallelse
    case protokoll
    case protokollsutdrag
    case other = "övrigt"
}

/// A handling: a tjänsteskrivelse, bilaga, remiss, or the source file of imported minutes.
public struct Document: Hashable, Sendable, Codable {
    public var id: DocumentID?
    public var caseID: CaseID?
    public var meetingID: MeetingID?
    public var kind: DocumentKind
    public var title: String
    public var date: LocalDate?
    public var secrecy: Secrecy
    public var file: StoredFile?

    public init(id: DocumentID? = nil, caseID: CaseID? = nil, meetingID: MeetingID? = nil, kind: DocumentKind,
                title: String, date: LocalDate? = nil, secrecy: Secrecy = .open, file: StoredFile? = nil) {
        self.id = id
        self.caseID = caseID
        self.meetingID = meetingID
        self.kind = kind
        self.title = title
        self.date = date
        self.secrecy = secrecy
        self.file = file
    }
}

/// A file's identity: its bytes are kept by content hash.
public struct StoredFile: Hashable, Sendable, Codable {
    public var fileName: String
    public var mediaType: String
    public var sha256: String
    public var byteCount: Int

    public init(fileName: String, mediaType: String, sha256: String, byteCount: Int) {
        self.fileName = fileName
        self.mediaType = mediaType
        self.sha256 = sha256
        self.byteCount = byteCount
    }
}
