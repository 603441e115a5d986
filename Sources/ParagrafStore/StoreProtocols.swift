import struct Foundation.Data
import ParagrafCore

/// Municipalities, committees, persons, memberships and officials.
public protocol OrganisationStore: Sendable {
    func save(_ municipality: Municipality) async throws -> Municipality
    func municipalities() async throws -> [Municipality]
    func municipality(named name: String) async throws -> Municipality?
    func municipality(_ id: MunicipalityID) async throws -> Municipality?

    func save(_ committee: Committee) async throws -> Committee
    func committee(_ id: CommitteeID) async throws -> Committee?
    /// Committees of one municipality, or of all when nil, by name.
    func committees(in municipality: MunicipalityID?) async throws -> [Committee]

    func save(_ person: Person) async throws -> Person
    func person(_ id: PersonID) async throws -> Person?
    /// A person's memberships in any committee, the latest term first.
    func memberships(ofPerson person: PersonID) async throws -> [Membership]
    /// What the minutes record of a person, in meeting order.
    func activity(of person: PersonID) async throws -> PersonActivity
    func persons(in municipality: MunicipalityID) async throws -> [Person]
    /// A person matched by name and party within one municipality; never across municipalities.
    func person(named name: String, party: String?, in municipality: MunicipalityID) async throws -> Person?

    func save(_ membership: Membership) async throws -> Membership
    /// Memberships of a committee, those valid on `date` only when it is given; ledamöter first, then
    /// ersättare in calling order.
    func memberships(of committee: CommitteeID, on date: LocalDate?) async throws -> [Membership]

    func save(_ official: Official) async throws -> Official
    func officials(in municipality: MunicipalityID) async throws -> [Official]
}

/// The diary: cases and their documents.
public protocol DiaryStore: Sendable {
    func save(_ matter: Case) async throws -> Case
    func matter(_ id: CaseID) async throws -> Case?
    /// Cases with this diary number (as printed, without classification), in any committee.
    func cases(diaryNumber: DiaryNumber) async throws -> [Case]
    func cases(in committee: CommitteeID) async throws -> [Case]
    /// The highest serial used in a committee's series for a year, for numbering the next case.
    func highestSerial(in committee: CommitteeID, year: Int) async throws -> Int?
    /// Registers a new case under the next number of the committee's series for the year
    /// (`ALN 2025-00001`): numbers follow on from any already in the diary and are never given twice.
    /// The registration is logged as `actor`'s.
    func register(_ matter: Case, year: Int, actor: String) async throws -> Case
    /// Changes a registered case (never its diary number) and logs it, before and after.
    func update(_ matter: Case, actor: String) async throws -> Case
    /// Attaches a document with its file's bytes (kept by SHA-256) to a case, and logs it.
    func attach(_ document: Document, content: [UInt8], actor: String) async throws -> Document
    /// Saves a case's tjänsteskrivelse whole, and logs it.
    func save(_ memo: Memo, actor: String) async throws -> Memo
    func memo(for matter: CaseID) async throws -> Memo?

    func save(_ document: Document) async throws -> Document
    func document(_ id: DocumentID) async throws -> Document?
    func documents(for matter: CaseID) async throws -> [Document]
    func documents(forMeeting meeting: MeetingID) async throws -> [Document]
}

/// Meetings, their agenda and notice.
public protocol MeetingStore: Sendable {
    func save(_ meeting: Meeting) async throws -> Meeting
    func meeting(_ id: MeetingID) async throws -> Meeting?
    func meetings(of committee: CommitteeID, year: Int?) async throws -> [Meeting]
    /// Meetings of all committees in a date range, in date order.
    func meetings(from: LocalDate, through: LocalDate) async throws -> [Meeting]

    /// Replaces a meeting's agenda whole.
    func replaceAgenda(_ items: [AgendaItem], for meeting: MeetingID) async throws -> [AgendaItem]
    func agenda(for meeting: MeetingID) async throws -> [AgendaItem]
    /// The agenda items, in any committee's meetings, that a case stood on.
    func agendaItems(ofCase matter: CaseID) async throws -> [AgendaItem]

    func save(_ notice: Notice) async throws
    func notice(for meeting: MeetingID) async throws -> Notice?

    /// Plans a meeting or changes a planned or notified one; logged as `actor`'s.
    func plan(_ meeting: Meeting, actor: String) async throws -> Meeting
    /// Replaces a planned or notified meeting's agenda whole; logged.
    func setAgenda(_ items: [AgendaItem], for meeting: MeetingID, actor: String) async throws -> [AgendaItem]
    /// Issues the notice: the meeting becomes notified; logged.
    func issue(_ notice: Notice, actor: String) async throws
    func reportAbsence(_ absence: Absence, actor: String) async throws
    func withdrawAbsence(meeting: MeetingID, person: PersonID, actor: String) async throws
    func absences(for meeting: MeetingID) async throws -> [Absence]
}

/// The minutes of meetings with their paragraphs.
public protocol MinutesStore: Sendable {
    /// Stores a meeting's minutes, replacing any earlier version whole, in one transaction.
    func save(_ minutes: Minutes) async throws -> Minutes
    func minutes(for meeting: MeetingID) async throws -> Minutes?
    func paragraph(_ id: ParagraphID) async throws -> Paragraph?
    func paragraph(meeting: MeetingID, number: Int) async throws -> Paragraph?
    /// The paragraphs, in any committee's minutes, that decided on a case.
    func paragraphs(ofCase matter: CaseID) async throws -> [Paragraph]
    /// The § numbers of a meeting's minutes, in order.
    func paragraphNumbers(meeting: MeetingID) async throws -> [Int]
    /// The highest § number a committee used in a year (numbers run on through the year).
    func highestParagraphNumber(committee: CommitteeID, year: Int) async throws -> Int?
    func paragraphCount() async throws -> Int
    /// Public decisions matching a search, best first; every word of the query must match.
    func search(_ query: SearchQuery) async throws -> SearchResults
    /// Notices of adjustment posted in a date range (both days included), for the notice board.
    func noticesOfAdjustment(postedFrom: LocalDate, through: LocalDate) async throws -> [NoticeOfAdjustment]
}

/// Minutes being written at and after the meeting, until adjustment.
public protocol DraftStore: Sendable {
    /// Opens a notified meeting: it becomes held and its draft is kept at version 1; logged. Refused
    /// when the draft's § numbers do not run on from the year's highest.
    func open(_ draft: MinutesDraft, actor: String) async throws
    /// The highest § number a committee used in a year, in filed minutes and in other meetings' drafts.
    func highestParagraphNumber(inDraftsOrMinutesOf committee: CommitteeID, year: Int, except meeting: MeetingID) async throws -> Int
    /// The draft and its version; nil before the meeting is opened.
    func minutesDraft(for meeting: MeetingID) async throws -> (draft: MinutesDraft, version: Int)?
    /// Saves a changed draft if it is still at `version` (else a conflict: someone else saved
    /// meanwhile); logged as `action` with the paragraph (or the attendance) before and after.
    /// Returns the new version.
    func save(_ draft: MinutesDraft, version: Int, actor: String, action: String, paragraph: Int?) async throws -> Int

    /// Keeps the PDF/A made from the closed draft (part 0), or an immediately adjusted paragraph's
    /// extract (part = its § number), for signing; what it was made from is frozen from then on.
    func prepareSigning(meeting: MeetingID, part: Int, pdf: [UInt8], pdfSHA256: String, content: String, contentSHA256: String, actor: String) async throws
    func signedMinutes(for meeting: MeetingID, part: Int) async throws -> SignedMinutes?
    func addSignature(_ signature: SignedMinutes.Signed, meeting: MeetingID, part: Int, actor: String) async throws
    /// Locks an immediately adjusted paragraph's signed extract.
    func lockImmediate(meeting: MeetingID, paragraph: Int, actor: String) async throws
    /// Files the adjusted minutes, posts the notice of adjustment and locks them; one transaction.
    func lock(_ minutes: Minutes, assignments: [Int: [DraftAssignment]], endTime: LocalTime?, posted: LocalDate, actor: String) async throws

    /// Records an extract sent, with its signed file; the same paragraph to the same recipient once.
    func dispatch(_ record: DispatchRecord, extract: [UInt8]) async throws
    func dispatches(for meeting: MeetingID) async throws -> [DispatchRecord]
}

extension DraftStore {
    /// The whole minutes (part 0).
    public func prepareSigning(meeting: MeetingID, pdf: [UInt8], pdfSHA256: String, content: String, contentSHA256: String, actor: String) async throws {
        try await prepareSigning(meeting: meeting, part: 0, pdf: pdf, pdfSHA256: pdfSHA256, content: content, contentSHA256: contentSHA256, actor: actor)
    }
    public func signedMinutes(for meeting: MeetingID) async throws -> SignedMinutes? { try await signedMinutes(for: meeting, part: 0) }
    public func addSignature(_ signature: SignedMinutes.Signed, meeting: MeetingID, actor: String) async throws {
        try await addSignature(signature, meeting: meeting, part: 0, actor: actor)
    }
}

/// Assignments, referrals, delegation orders, delegated decisions and notifications.
public protocol FollowUpStore: Sendable {
    func save(_ assignment: Assignment) async throws -> Assignment
    func assignment(_ id: AssignmentID) async throws -> Assignment?
    func assignments(of committee: CommitteeID) async throws -> [Assignment]
    /// The register: assignments of one committee (or all) with committee and giving paragraph.
    func assignmentRegister(committee: CommitteeID?) async throws -> [RegisteredAssignment]
    /// A new status with the period's report, logged; closing needs the closing decision's §.
    func report(on id: AssignmentID, status: AssignmentStatus, closedBy paragraph: Int?, comment: AssignmentComment?,
                actor: String) async throws -> Assignment
    func comments(on id: AssignmentID) async throws -> [AssignmentComment]
    func comments(on ids: [AssignmentID]) async throws -> [AssignmentID: [AssignmentComment]]

    func save(_ referral: Referral) async throws -> Referral
    func save(_ referral: Referral, actor: String) async throws -> Referral
    func referrals(of committee: CommitteeID) async throws -> [Referral]
    /// Referrals of one committee (or all) with where they are answered, and whether public.
    func referralList(committee: CommitteeID?) async throws -> [ListedReferral]

    func delegationOrders(of committee: CommitteeID) async throws -> [DelegationOrder]
    /// Adopts the next version; its number is given by the store.
    func adopt(_ order: DelegationOrder, actor: String) async throws -> DelegationOrder
    /// Refused unless its point was in the order in force on its date.
    func register(_ decision: DelegatedDecision, actor: String) async throws -> DelegatedDecision
    func register(_ notification: Notification, actor: String) async throws -> Notification
    func save(_ decision: DelegatedDecision) async throws -> DelegatedDecision
    func save(_ notification: Notification) async throws -> Notification
    /// Whole or not at all; problems name their lines.
    func importMatters(_ entries: [ReportedMatterCSV.Entry], kind: AgendaItemKind, committee: CommitteeID, file: String,
                       actor: String) async throws -> Int
    func delegatedDecisions(of committee: CommitteeID) async throws -> [DelegatedDecision]
    func notifications(of committee: CommitteeID) async throws -> [Notification]
    /// What a meeting's Delegationsbeslut and Anmälningsärenden items lay before the committee.
    func mattersFor(meeting: MeetingID) async throws -> ReportedMatters
    /// The entries listed in a meeting's public paragraphs, by § number.
    func publicMatters(meeting: MeetingID) async throws -> [Int: [ListedMatter]]

    /// Open assignments and referrals with their day, of these committees (or all).
    func dueItems(committees: [CommitteeID]?) async throws -> [DueItem]
    /// Of these reminder keys, those already sent.
    func remindersSent(keys: [String]) async throws -> Set<String>
    func markRemindersSent(keys: [String]) async throws

    func save(_ report: PeriodicReport, actor: String) async throws -> PeriodicReport
    func periodicReport(_ id: PeriodicReportID) async throws -> PeriodicReport?
    func periodicReports(committee: CommitteeID?, meeting: MeetingID?) async throws -> [PeriodicReport]
}

/// Whole meetings read from documents: the importer's way in.
public protocol RecordStore: Sendable {
    /// Files a record in one transaction, with its source file. The same file again changes
    /// nothing; another version of the same document replaces what the earlier one brought in;
    /// minutes or an agenda made in Paragraf are never replaced by an import. On any error
    /// nothing is changed.
    func file(_ record: MeetingRecord) async throws -> FilingOutcome
    /// Files several records together, with the result each would have had if filed by itself: a
    /// record that fails is undone alone and reported (as a `StoreError`), the others are kept.
    func file(_ records: [MeetingRecord]) async throws -> [Result<FilingOutcome, StoreError>]
    /// The bytes of a kept file.
    func sourceFile(sha256: String) async throws -> Data?
}

/// The append-only log of changes to cases, meetings and minutes.
public protocol AuditStore: Sendable {
    func record(_ entry: AuditEntry) async throws -> AuditEntry
    /// Newest first, of one record or of everything.
    func auditLog(subjectKind: String?, subjectID: Int64?, limit: Int) async throws -> [AuditEntry]
}

/// Staff accounts and their signed-in sessions.
public protocol AccountStore: Sendable {
    /// Saves an account and its grants whole and logs the change as `actor`; a nil hash keeps the password.
    func save(_ account: Account, passwordHash: String?, actor: String) async throws -> Account
    func account(_ id: AccountID) async throws -> Account?
    func account(username: String) async throws -> Account?
    func accounts() async throws -> [Account]
    /// An enabled account's id and password hash, for signing in.
    func passwordHash(username: String) async throws -> (AccountID, String)?

    func putSession(keyHash: String, value: String, expiresAt: String?) async throws
    func session(keyHash: String, now: String) async throws -> (value: String, expiresAt: String?)?
    func removeSession(keyHash: String) async throws
    @discardableResult func removeExpiredSessions(now: String) async throws -> Int
}

/// What open data needs beyond the records themselves.
public protocol OpenDataStore: Sendable {
    /// Grows with every write in this process: what was read at one value may be reused while it holds.
    var changes: Int { get }
    /// The stamps of the records with these ids; an id with no record is left out.
    func stamps(_ kind: StampedRecord, ids: [Int64]) async throws -> [Int64: Stamps]
}

/// Everything Paragraf stores, as one contract that both SQL backends fulfil.
public typealias Store = OrganisationStore & DiaryStore & MeetingStore & MinutesStore & FollowUpStore & RecordStore
    & OpenDataStore & AuditStore & AccountStore & DraftStore
