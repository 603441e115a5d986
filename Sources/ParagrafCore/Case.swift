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

/// A case's tjänsteskrivelse as the handläggare writes it in Paragraf: what the case is about,
/// the proposed decision (one clause a line), the documents the decision rests on, and who
/// should receive the decision.
public struct Memo: Hashable, Sendable, Codable {
    public var caseID: CaseID
    public var author: String
    public var date: LocalDate
    public var summary: String
    public var proposedClauses: [String]
    public var basis: [String]
    public var recipients: [String]

    public init(caseID: CaseID, author: String, date: LocalDate, summary: String, proposedClauses: [String],
                basis: [String] = [], recipients: [String] = []) {
        self.caseID = caseID
        self.author = author
        self.date = date
        self.summary = summary
        self.proposedClauses = proposedClauses
        self.basis = basis
        self.recipients = recipients
    }

    /// Problems with the memo as written, in Swedish; empty when it can be saved.
    public var problems: [String] {
        var found: [String] = []
        if summary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { found.append("Skriv en sammanfattning av ärendet.") }
        if proposedClauses.isEmpty { found.append("Skriv förslaget till beslut, en att-sats per rad.") }
        return found
    }

    /// The proposed decision as the minutes print it: each clause begun with `att`.
    public var proposedDecision: String {
        proposedClauses.map { $0.lowercased().hasPrefix("att ") ? $0 : "att " + $0 }.joined(separator: "\n")
    }

    /// Lines of a text field: trimmed, blank ones dropped.
    public static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
