import Foundation
import ParagrafCore
import SQLKit

extension SQLStore {
    public func file(_ record: MeetingRecord) async throws -> FilingOutcome {
        try Self.validate(record.minutes)
        let kind = backend.kind
        return try await write { db in
            try await Self.serializeFilings(db, kind)
            return try await Self.fileLogged(record, db: db)
        }
    }

    /// Files a record and logs what it changed, in the caller's transaction: an import changes
    /// meetings and minutes as surely as a form does.
    static func fileLogged(_ record: MeetingRecord, db: any SQLDatabase) async throws -> FilingOutcome {
        let outcome = try await Filing(db: db, record: record).run()
        let action: String
        switch outcome {
        case .unchanged: return outcome
        case .added: action = "importerade"
        case .replaced: action = "importerade en ny version av"
        case .keptDocumentOnly: action = "importerade handling till"
        }
        let source = record.source.file
        _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: "import", action: "\(action) \(record.kind.rawValue)", subjectKind: "sammanträde",
                                        subjectID: outcome.meetingID.rawValue,
                                        after: try JSONText.encode(["fil": source.fileName, "sha256": source.sha256])), db: db)
        return outcome
    }

    public func file(_ records: [MeetingRecord]) async throws -> [Result<FilingOutcome, StoreError>] {
        // Fewer commits: each commit writes the pages every document touches and flushes the
        // search index, which costs more than filing a small document. No savepoints: SQLite's
        // full-text index flushes at every one. Should any record fail, the batch is rolled
        // back and each record filed alone, so that it fails alone, as it would have by itself.
        var results: [Result<FilingOutcome, StoreError>?] = records.map { record in
            do { try Self.validate(record.minutes); return nil } catch { return .failure(StoreError(error)) }
        }
        let valid = records.indices.filter { results[$0] == nil }
        let kind = backend.kind
        do {
            let outcomes = try await write { db in
                try await Self.serializeFilings(db, kind)
                var outcomes: [FilingOutcome] = []
                for index in valid { outcomes.append(try await Self.fileLogged(records[index], db: db)) }
                return outcomes
            }
            for (index, outcome) in zip(valid, outcomes) { results[index] = .success(outcome) }
        } catch {
            for index in valid {
                do { results[index] = .success(try await file(records[index])) } catch { results[index] = .failure(StoreError(error)) }
            }
        }
        return results.map { $0 ?? .failure(.invalid("inte arkiverad")) }
    }

    /// Filings look up municipalities, committees, persons and cases before creating them, so two
    /// at once would both create the same one. SQLite's writers already take turns; PostgreSQL's
    /// take a lock held to the end of the transaction.
    static func serializeFilings(_ db: any SQLDatabase, _ kind: BackendKind) async throws {
        guard kind == .postgres else { return }
        try await db.raw("SELECT pg_advisory_xact_lock(\(literal: filingLock))").run()
    }

    /// The advisory lock's key: any constant of Paragraf's own ("PARAGRAF" in ASCII).
    static let filingLock = 0x5041_5241_4752_4146

    public func sourceFile(sha256: String) async throws -> Data? {
        try await read { db in
            try await db.select().column("content").from("files").where("sha256", .equal, SQLBind(sha256)).first()?
                .decode(column: "content", as: Data.self)
        }
    }
}

/// Filing one record, inside the caller's transaction: any error rolls all of it back.
private struct Filing {
    let db: any SQLDatabase
    let record: MeetingRecord

    struct Source {
        var id: Int64
        var kind: DocumentKind
        var fileName: String
        var sha256: String
        var title: String
    }

    func run() async throws -> FilingOutcome {
        let storedMunicipality = try await municipality(named: record.municipality)
        if let storedMunicipality, let same = try await alreadyFiled(in: storedMunicipality) { return .unchanged(MeetingID(same)) }
        // In a municipality or committee created just now there is nothing else to find.
        var storedCommittee: Int64? = nil
        if let storedMunicipality { storedCommittee = try await committee(named: record.committee, in: storedMunicipality) }
        let municipality = try await storedMunicipality.asyncMap(onlyIfMissing: createMunicipality)
        let committee = try await storedCommittee.asyncMap(onlyIfMissing: { try await createCommittee(in: municipality) })
        var people = PersonLinker(db: db, municipality: municipality)
        let cases = CaseFinder(db: db, municipality: municipality, committee: committee)
        let (found, numbersFree) = storedCommittee == nil ? (nil, true) : try await existingMeeting(committee: committee)
        let newMeeting = found == nil ? SQLStore.NewMeeting(committee: CommitteeID(committee), year: record.dating.year,
                                                           numbersFree: numbersFree) : nil
        let sources = try await found.asyncMap(importSources) ?? []
        let hasMinutes = try await found.asyncMap(hasMinutes) ?? false
        // Cases the meeting refers to before this filing: those it replaces may be left with nothing.
        let casesBefore = sources.isEmpty ? [] : try await found.asyncMap(referencedCases) ?? []
        let meeting: Int64
        if let found { meeting = found } else { meeting = try await createMeeting(committee: committee) }
        let when = record.dating.description
        // Minutes and extracts file the record's paragraphs, linked to persons and cases.
        func linkedMinutes() async throws -> Minutes {
            var minutes = record.minutes.assigned(to: MeetingID(meeting))
            try await people.link(&minutes)
            try await cases.link(&minutes.paragraphs, status: .decided)
            return minutes
        }

        let previous: Source?
        switch record.kind {
        case .minutes:
            previous = sources.first { $0.kind == .protokoll }
            if hasMinutes, previous == nil, !sources.contains(where: { $0.kind == .protokollsutdrag }) {
                throw StoreError.conflict("protokollet från sammanträdet \(when) är upprättat i Paragraf och ersätts inte av en import")
            }
            if found != nil { try await updateMeeting(meeting, fromMinutes: true) }
            if let previous { try await remove(previous) }
            // A meeting created just now has nothing to replace.
            if found != nil { try await dropFollowUp(meeting: meeting, numbers: nil) }
            let saved = try await SQLStore.writeMinutes(try await linkedMinutes(), db: db, newMeeting: newMeeting)
            try await fileFollowUp(saved.paragraphs, meeting: meeting, committee: committee)
        case .extract:
            if sources.contains(where: { $0.kind == .protokoll })
                || hasMinutes && !sources.contains(where: { $0.kind == .protokollsutdrag }) {
                try await keep(meeting: meeting, committee: committee, cases: cases)
                return .keptDocumentOnly(MeetingID(meeting))
            }
            previous = sources.first { $0.kind == .protokollsutdrag && $0.title == sourceTitle }
            if let previous { try await remove(previous) }
            let minutes = try await linkedMinutes()
            let numbers = minutes.paragraphs.map(\.number)
            if found != nil { try await dropFollowUp(meeting: meeting, numbers: numbers) }
            if hasMinutes {
                // Extracts of other paragraphs of the same meeting stay; these paragraphs are replaced.
                try await db.delete(from: "paragraphs").where("meeting_id", .equal, SQLBind(meeting))
                    .where("number", .in, SQLGroupExpression(numbers.map { SQLBind($0) })).run()
                let place = try await SQLStore.requireMeeting(db, MeetingID(meeting))
                let saved = try await SQLStore.insertParagraphs(minutes.paragraphs, into: MeetingID(meeting), of: place, db: db)
                try await fileFollowUp(saved, meeting: meeting, committee: committee)
            } else {
                let saved = try await SQLStore.writeMinutes(minutes, db: db, newMeeting: newMeeting)
                try await fileFollowUp(saved.paragraphs, meeting: meeting, committee: committee)
            }
        case .notice:
            previous = sources.first { $0.kind == .kallelse }
            if previous == nil, found != nil, try await hasAgenda(meeting) {
                throw StoreError.conflict("föredragningslistan för sammanträdet \(when) är upprättad i Paragraf och ersätts inte av en import")
            }
            if let previous { try await remove(previous) }
            if found != nil { try await updateMeeting(meeting, fromMinutes: false) }
            try await db.delete(from: "agenda_items").where("meeting_id", .equal, SQLBind(meeting)).run()
            let caseIDs = try await cases.ids(for: record.agenda.compactMap { item in
                item.diaryNumber.map { CaseFinder.Wanted(dnr: $0, title: item.title, handler: item.handler) }
            }, status: .ready)
            try await db.insertRows("agenda_items", columns: ["meeting_id", "position", "kind", "title", "case_id", "is_public",
                                                              "proposed_decision"], rows: record.agenda.map { item in
                [meeting, item.position, AgendaItemKind.matter.rawValue, item.title,
                 item.diaryNumber.flatMap { caseIDs[$0.description] }, item.isPublic, item.proposedDecision]
            })
            try await fileNoticeFollowUp(meeting: meeting, committee: committee)
            try await db.delete(from: "notices").where("meeting_id", .equal, SQLBind(meeting)).run()
            if let issued = record.issued {
                try await db.insert(into: "notices").columns("meeting_id", "issued", "group_meetings", "signed_by")
                    .values(SQLBind(meeting), SQLBind(issued.iso), SQLBind(try JSONText.encode(record.groupMeetings)),
                            SQLBind(try JSONText.encode([String]()))).run()
            }
        }
        try await keep(meeting: meeting, committee: committee, cases: cases)
        if previous != nil { try await dropForgottenCases(casesBefore) }
        return previous.map { .replaced(MeetingID(meeting), previousFile: $0.fileName) } ?? .added(MeetingID(meeting))
    }

    // MARK: Organisation

    func municipality(named name: String) async throws -> Int64? {
        try await db.select().column("id").from("municipalities").where("name", .equal, SQLBind(name)).orderBy("id").first()?.id()
    }

    func createMunicipality() async throws -> Int64 {
        try await db.insertReturningID("municipalities", Row([("name", record.municipality), ("code", nil as String?)]))
    }

    /// Creates the record's committee (and its parent when that is new too).
    func createCommittee(in municipality: Int64) async throws -> Int64 {
        var parent: Int64? = nil
        if let parentName = record.parentCommittee {
            if let id = try await committee(named: parentName, in: municipality) {
                parent = id
            } else {
                let kind = CommitteeKind.inferred(fromName: parentName).kind
                parent = try await db.insertReturningID("committees", Row([
                    ("municipality_id", municipality), ("name", parentName), ("kind", kind == .utskott ? CommitteeKind.namnd.rawValue : kind.rawValue),
                    ("abbreviation", nil as String?), ("parent_id", nil as Int64?),
                ]))
            }
        }
        let kind = record.committeeKind == .utskott && parent == nil ? CommitteeKind.namnd : record.committeeKind
        return try await db.insertReturningID("committees", Row([
            ("municipality_id", municipality), ("name", record.committee), ("kind", kind.rawValue),
            ("abbreviation", nil as String?), ("parent_id", parent),
        ]))
    }

    func committee(named name: String, in municipality: Int64) async throws -> Int64? {
        try await db.select().column("id").from("committees").where("municipality_id", .equal, SQLBind(municipality))
            .where("name", .equal, SQLBind(name)).orderBy("id").first()?.id()
    }

    /// The same bytes filed before in this municipality: the meeting that holds them.
    func alreadyFiled(in municipality: Int64) async throws -> Int64? {
        try await db.raw("""
            SELECT d.meeting_id FROM documents d JOIN meetings m ON m.id = d.meeting_id JOIN committees c ON c.id = m.committee_id
            WHERE d.imported = \(bind: true) AND d.sha256 = \(bind: record.source.file.sha256) AND c.municipality_id = \(bind: municipality)
            ORDER BY d.id
            """).first()?.id("meeting_id")
    }

    // MARK: The meeting

    /// The meeting this record is about: the committee's meeting on that date, or the one that
    /// already holds one of its § numbers in that year (numbers are unique in a committee's year),
    /// so that an undated extract finds its minutes and dated minutes find their undated extracts.
    /// With no meeting found, says whether the numbers are free in the committee's year.
    func existingMeeting(committee: Int64) async throws -> (meeting: Int64?, numbersFree: Bool) {
        if let date = record.dating.date,
           let row = try await db.select().column("id").from("meetings").where("committee_id", .equal, SQLBind(committee))
            .where("date", .equal, SQLBind(date.iso)).orderBy("id").first() {
            return (try row.id(), false)
        }
        let numbers = record.minutes.paragraphs.map(\.number)
        guard !numbers.isEmpty else { return (nil, true) }
        let rows = try await db.raw("""
            SELECT p.meeting_id, m.date FROM paragraphs p JOIN meetings m ON m.id = p.meeting_id
            WHERE p.committee_id = \(bind: committee) AND p.year = \(bind: record.dating.year)
            AND p.number IN (\(binds: numbers)) ORDER BY p.meeting_id
            """).all()
        for row in rows {
            let date = try row.optionalString("date")
            // A dated meeting holding these numbers on another date is a conflict, reported when the numbers are checked.
            if date == nil || record.dating.date == nil { return (try row.id("meeting_id"), false) }
        }
        return (nil, rows.isEmpty)
    }

    func createMeeting(committee: Int64) async throws -> Int64 {
        try await db.insertReturningID("meetings", Row([
            ("committee_id", committee), ("date", record.dating.date?.iso), ("year", record.dating.year),
            ("start_time", record.startTime?.description), ("end_time", record.endTime?.description), ("place", record.place),
            ("state", record.state.rawValue), ("open_to_public", record.isOpenToPublic ?? (record.committeeKind == .fullmaktige)),
        ]))
    }

    /// Minutes know how the meeting went: their time, place and state win. A notice only fills
    /// in what is missing and never moves a held meeting back.
    func updateMeeting(_ meeting: Int64, fromMinutes: Bool) async throws {
        guard let row = try await db.select().column("*").from("meetings").where("id", .equal, SQLBind(meeting)).first() else { return }
        var update = Row([])
        func set(_ column: String, _ value: String?) throws {
            guard let value else { return }
            let current = try row.optionalString(column)
            if fromMinutes || current == nil { update.pairs.append((column, value)) }
        }
        try set("date", record.dating.date?.iso)
        try set("start_time", record.startTime?.description)
        try set("end_time", record.endTime?.description)
        try set("place", record.place)
        if fromMinutes { update.pairs.append(("state", record.state.rawValue)) }
        if let open = record.isOpenToPublic { update.pairs.append(("open_to_public", open)) }
        guard !update.pairs.isEmpty else { return }
        try await db.updateByID("meetings", id: meeting, update)
    }

    func importSources(_ meeting: Int64) async throws -> [Source] {
        try await db.select().columns("id", "kind", "file_name", "sha256", "title").from("documents")
            .where("meeting_id", .equal, SQLBind(meeting)).where("imported", .equal, SQLBind(true)).orderBy("id").all().map { row in
                Source(id: try row.id(), kind: try row.enumValue("kind", as: DocumentKind.self),
                       fileName: try row.optionalString("file_name") ?? "", sha256: try row.optionalString("sha256") ?? "",
                       title: try row.string("title"))
            }
    }

    func hasMinutes(_ meeting: Int64) async throws -> Bool {
        try await db.select().column("meeting_id").from("minutes").where("meeting_id", .equal, SQLBind(meeting)).first() != nil
    }

    func hasAgenda(_ meeting: Int64) async throws -> Bool {
        try await db.select().column("id").from("agenda_items").where("meeting_id", .equal, SQLBind(meeting)).limit(1).first() != nil
    }

    /// Assignments given and matters listed in the meeting's paragraphs (those with these
    /// numbers, or all) go with them; so do matters a notice of the meeting listed.
    func dropFollowUp(meeting: Int64, numbers: [Int]?) async throws {
        var scope = "SELECT id FROM paragraphs WHERE meeting_id = \(meeting)"
        if let numbers { scope += " AND number IN (\(numbers.map(String.init).joined(separator: ",")))" }
        try await db.delete(from: "assignments").where("paragraph_id", .in, SQLGroupExpression(SQLRaw(scope))).run()
        try await db.raw("""
            DELETE FROM reported_matters WHERE imported AND reported_at = \(bind: meeting)
            AND (paragraph_id IS NULL OR paragraph_id IN (\(unsafeRaw: scope)))
            """).run()
    }

    func fileFollowUp(_ paragraphs: [Paragraph], meeting: Int64, committee: Int64) async throws {
        var rows: [[Value]] = []
        let now = Timestamp.now()
        for paragraph in paragraphs {
            for a in record.assignments[paragraph.number] ?? [] {
                rows.append([committee, paragraph.id?.rawValue, a.receiver, a.text, a.reportBackBy?.iso,
                             AssignmentStatus.notStarted.rawValue, nil as Int?, now, now])
            }
        }
        try await db.insertRows("assignments", columns: ["committee_id", "paragraph_id", "receiver", "text", "report_back_by",
                                                         "status", "closed_by_paragraph", "created_at", "modified_at"], rows: rows)
        for paragraph in paragraphs {
            for sentence in record.closedAssignments[paragraph.number] ?? [] {
                try await closeAssignment(sentence, paragraph: paragraph, committee: committee)
            }
            if let referral = record.referrals[paragraph.number] {
                try await fileReferral(referral, meeting: meeting, committee: committee, paragraph: paragraph.id?.rawValue,
                                       caseID: paragraph.caseID?.rawValue)
            }
        }
        try await fileMatters(paragraphs.map { ($0.number, $0.id?.rawValue) }, meeting: meeting, committee: committee)
    }

    /// "Nämnden avslutar uppdraget om …": the open assignment of the committee the sentence names
    /// (most of its longer words in the assignment's text) is closed by the paragraph. When none
    /// is on record (it was given before the records begin), the closing is kept as an assignment
    /// given and closed here, so the register still shows it.
    func closeAssignment(_ sentence: String, paragraph: Paragraph, committee: Int64) async throws {
        guard let paragraphID = paragraph.id?.rawValue else { return }
        let open = try await db.select().column("*").from("assignments").where("committee_id", .equal, SQLBind(committee))
            .where("status", .notIn, SQLGroupExpression([SQLBind(AssignmentStatus.done.rawValue), SQLBind(AssignmentStatus.closed.rawValue)]))
            .all().map(SQLStore.assignment)
        let match = AssignmentMatch.best(for: sentence, among: open)
        if let match, let id = match.id {
            try await db.update("assignments").set("status", to: SQLBind(AssignmentStatus.closed.rawValue))
                .set("closed_by_paragraph", to: SQLBind(paragraph.number)).where("id", .equal, SQLBind(id.rawValue)).run()
        } else {
            _ = try await db.insertReturningID("assignments", SQLStore.assignmentRow(Assignment(
                committeeID: CommitteeID(committee), paragraphID: ParagraphID(paragraphID), text: sentence, status: .closed,
                closedByParagraph: paragraph.number)))
        }
    }

    /// A notice's remisser and listed matters: the paragraph that answers or reports them comes with the minutes.
    func fileNoticeFollowUp(meeting: Int64, committee: Int64) async throws {
        for item in record.agenda {
            if let referral = record.referrals[item.position] {
                let caseID = try await db.select().column("case_id").from("agenda_items").where("meeting_id", .equal, SQLBind(meeting))
                    .where("position", .equal, SQLBind(item.position)).first()?.optionalID("case_id")
                try await fileReferral(referral, meeting: meeting, committee: committee, paragraph: nil, caseID: caseID)
            }
        }
        try await db.raw("DELETE FROM reported_matters WHERE imported AND reported_at = \(bind: meeting) AND paragraph_id IS NULL").run()
        try await fileMatters(record.agenda.map { ($0.position, nil) }, meeting: meeting, committee: committee)
    }

    func fileMatters(_ places: [(number: Int, paragraph: Int64?)], meeting: Int64, committee: Int64) async throws {
        let now = Timestamp.now()
        var rows: [[Value]] = []
        for place in places {
            for (position, m) in (record.listedMatters[place.number] ?? []).enumerated() {
                rows.append([committee, m.kind.rawValue, m.title, m.from, m.date?.iso, nil as String?, m.diaryNumber, meeting,
                             place.paragraph, position + 1, true, nil as String?, now, now])
            }
        }
        try await db.insertRows("reported_matters", columns: SQLStore.matterColumns(), rows: rows)
    }

    /// The same remiss from the notice and then the minutes is one referral: found by the
    /// meeting and its diary number or title, completed with what the later document adds.
    func fileReferral(_ r: MeetingRecord.RecordedReferral, meeting: Int64, committee: Int64, paragraph: Int64?, caseID: Int64?) async throws {
        let candidates = try await db.select().column("*").from("referrals").where("meeting_id", .equal, SQLBind(meeting))
            .where("imported", .equal, SQLBind(true)).all().map(SQLStore.referral)
        let same = candidates.first { c in
            if let a = c.diaryNumber?.caseNumber, let b = r.diaryNumber?.caseNumber { return a == b }
            return c.title.lowercased() == r.title.lowercased()
        }
        var referral = same ?? Referral(committeeID: CommitteeID(committee), direction: .incoming, counterparts: [], title: r.title,
                                        deadline: nil, meetingID: MeetingID(meeting))
        referral.diaryNumber = referral.diaryNumber ?? r.diaryNumber
        if referral.counterparts.isEmpty, let from = r.from { referral.counterparts = [from] }
        referral.theirReference = referral.theirReference ?? r.theirReference
        referral.deadline = referral.deadline ?? r.deadline
        if referral.extensions.isEmpty { referral.extensions = r.extensions }
        if let paragraph { referral.answeredByParagraph = ParagraphID(paragraph) }
        referral.caseID = referral.caseID ?? caseID.map(CaseID.init(rawValue:))
        var row = try SQLStore.referralRow(referral)
        row.pairs.append(("imported", true))
        _ = try await db.upsert("referrals", id: referral.id?.rawValue, row)
    }

    // MARK: The source document

    var sourceTitle: String {
        switch record.kind {
        case .minutes: return "Protokoll"
        case .notice: return "Kallelse"
        case .extract:
            let numbers = record.minutes.paragraphs.map { String($0.number) }
            return "Protokollsutdrag " + (numbers.count == 1 ? "§ " : "§§ ") + numbers.joined(separator: ", ")
        }
    }

    /// Keeps the source file and the handlingar it lists.
    func keep(meeting: Int64, committee: Int64, cases: CaseFinder) async throws {
        let file = record.source.file
        try await db.keepFile(sha256: file.sha256, mediaType: file.mediaType, content: record.source.content)
        let source = try await db.insertReturningID("documents", Row([
            ("meeting_id", meeting), ("kind", record.kind.documentKind.rawValue), ("title", sourceTitle),
            ("date", record.dating.date?.iso), ("file_name", file.fileName), ("media_type", file.mediaType),
            ("sha256", file.sha256), ("byte_count", Int64(file.byteCount)), ("imported", true),
        ]))
        let caseIDs = try await cases.ids(for: record.documents.compactMap { listed in
            listed.diaryNumber.map { CaseFinder.Wanted(dnr: $0, title: listed.title, handler: nil) }
        }, status: .ready)
        let now = Timestamp.now()
        try await db.insertRows("documents", columns: ["meeting_id", "case_id", "kind", "title", "date", "listed_in", "created_at",
                                                       "modified_at"], rows: record.documents.map { listed in
            [meeting, listed.diaryNumber.flatMap { caseIDs[$0.description] }, listed.kind.rawValue, listed.title,
             record.dating.date?.iso, source, now, now]
        })
    }

    /// The cases a meeting's paragraphs, agenda and documents refer to.
    func referencedCases(_ meeting: Int64) async throws -> [Int64] {
        try await db.raw("""
            SELECT case_id FROM paragraphs WHERE meeting_id = \(bind: meeting) AND case_id IS NOT NULL
            UNION SELECT case_id FROM agenda_items WHERE meeting_id = \(bind: meeting) AND case_id IS NOT NULL
            UNION SELECT case_id FROM documents WHERE meeting_id = \(bind: meeting) AND case_id IS NOT NULL
            """).all().map { try $0.id("case_id") }
    }

    /// Of these cases, removes those that only an import made (never registered in Paragraf's
    /// diary) and that nothing refers to any more: a corrected version printed another number.
    func dropForgottenCases(_ ids: [Int64]) async throws {
        guard !ids.isEmpty else { return }
        try await db.raw("""
            DELETE FROM cases WHERE id IN (\(binds: ids)) AND registered IS NULL
            AND NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.case_id = cases.id)
            AND NOT EXISTS (SELECT 1 FROM agenda_items a WHERE a.case_id = cases.id)
            AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.case_id = cases.id)
            """).run()
    }

    /// Removes an earlier version's source document (its listed handlingar cascade) and its
    /// bytes when nothing else refers to them.
    func remove(_ source: Source) async throws {
        try await db.delete(from: "documents").where("id", .equal, SQLBind(source.id)).run()
        guard !source.sha256.isEmpty,
              try await db.select().column("id").from("documents").where("sha256", .equal, SQLBind(source.sha256)).first() == nil
        else { return }
        try await db.delete(from: "files").where("sha256", .equal, SQLBind(source.sha256)).run()
    }
}

/// Links persons as printed to the municipality's persons: those in the attendance list (and the
/// chair, adjusters and members they replace) are created when new; names elsewhere in the
/// paragraphs are linked only when they match one of them, since they may name a party group.
private struct PersonLinker {
    let db: any SQLDatabase
    let municipality: Int64
    /// The municipality's persons with the record's names, by `key`.
    var known: [String: Int64] = [:]

    init(db: any SQLDatabase, municipality: Int64) {
        self.db = db
        self.municipality = municipality
    }

    static func key(_ ref: PersonRef) -> String { key(ref.name, ref.party) }
    static func key(_ name: String, _ party: String?) -> String { name + "\u{1F}" + (party?.uppercased() ?? "") }

    /// Persons the attendance list, the chair and the adjusters name: these are created when new.
    static func creatable(in minutes: Minutes) -> [PersonRef] {
        minutes.attendance.flatMap { [$0.person] + ($0.replacing.map { [$0] } ?? []) }
            + (minutes.chair.map { [$0] } ?? []) + (minutes.adjustment?.adjusters ?? [])
    }

    /// Every name the minutes print for a person.
    static func names(in minutes: Minutes) -> Set<String> {
        var names = Set(creatable(in: minutes).map(\.name))
        for p in minutes.paragraphs {
            names.formUnion(p.proposals.flatMap(\.by).map(\.name))
            names.formUnion(p.reservations.flatMap(\.by).map(\.name))
            names.formUnion(p.statements.flatMap(\.by).map(\.name))
            names.formUnion(p.votes.flatMap(\.ballots).map(\.voter.name))
            names.formUnion(p.disqualifications.map(\.person.name))
        }
        return names
    }

    /// Loads the municipality's persons with these names, in one query.
    mutating func prefetch(_ names: Set<String>) async throws {
        guard !names.isEmpty else { return }
        let rows = try await db.select().columns("id", "name", "party").from("persons")
            .where("municipality_id", .equal, SQLBind(municipality))
            .where("name", .in, SQLGroupExpression(names.sorted().map { SQLBind($0) })).orderBy("id").all()
        for row in rows {
            let key = Self.key(try row.string("name"), try row.optionalString("party"))
            if known[key] == nil { known[key] = try row.id() }
        }
    }

    mutating func link(_ minutes: inout Minutes) async throws {
        let creatable = Self.creatable(in: minutes)
        try await prefetch(Self.names(in: minutes))
        // New persons, each once, in one statement; then their ids.
        var seen = Set<String>()
        let missing = creatable.filter { known[Self.key($0)] == nil && seen.insert(Self.key($0)).inserted }
        if !missing.isEmpty {
            let now = Timestamp.now()
            let created = try await db.insertRows("persons", columns: ["municipality_id", "name", "party", "created_at", "modified_at"],
                                                  rows: missing.map { [municipality, $0.name, $0.party, now, now] },
                                                  returning: ["id", "name", "party"])
            for row in created { known[Self.key(try row.string("name"), try row.optionalString("party"))] = try row.id() }
        }
        func id(_ ref: PersonRef) -> PersonID? { known[Self.key(ref)].map(PersonID.init(rawValue:)) }
        for i in minutes.attendance.indices {
            minutes.attendance[i].person.personID = id(minutes.attendance[i].person)
            if let replacing = minutes.attendance[i].replacing { minutes.attendance[i].replacing?.personID = id(replacing) }
        }
        if let chair = minutes.chair { minutes.chair?.personID = id(chair) }
        if let adjusters = minutes.adjustment?.adjusters {
            minutes.adjustment?.adjusters = adjusters.map { var r = $0; r.personID = id($0); return r }
        }
        func linked(_ refs: [PersonRef]) -> [PersonRef] { refs.map { var r = $0; r.personID = id($0); return r } }
        for p in minutes.paragraphs.indices {
            for i in minutes.paragraphs[p].proposals.indices { minutes.paragraphs[p].proposals[i].by = linked(minutes.paragraphs[p].proposals[i].by) }
            for i in minutes.paragraphs[p].reservations.indices { minutes.paragraphs[p].reservations[i].by = linked(minutes.paragraphs[p].reservations[i].by) }
            for i in minutes.paragraphs[p].statements.indices { minutes.paragraphs[p].statements[i].by = linked(minutes.paragraphs[p].statements[i].by) }
            for v in minutes.paragraphs[p].votes.indices {
                for b in minutes.paragraphs[p].votes[v].ballots.indices {
                    minutes.paragraphs[p].votes[v].ballots[b].voter.personID = id(minutes.paragraphs[p].votes[v].ballots[b].voter)
                }
            }
            for i in minutes.paragraphs[p].disqualifications.indices {
                minutes.paragraphs[p].disqualifications[i].person.personID = id(minutes.paragraphs[p].disqualifications[i].person)
            }
        }
    }
}

/// Finds a case by its diary number anywhere in the municipality (a matter moves between
/// committees under one number), or registers it with the committee that names it.
private final class CaseFinder {
    let db: any SQLDatabase
    let municipality: Int64
    let committee: Int64
    struct Stored {
        var id: Int64
        var handler: String?
    }
    /// Cases already looked up or registered by this filing, by number as printed.
    var known: [String: Stored] = [:]

    init(db: any SQLDatabase, municipality: Int64, committee: Int64) {
        self.db = db
        self.municipality = municipality
        self.committee = committee
    }

    struct Wanted {
        var dnr: DiaryNumber
        var title: String
        var handler: String?
    }

    /// The cases with these diary numbers, by number as printed: a handler fills in one not yet
    /// known, and the new are registered in one statement.
    func ids(for wanted: [Wanted], status: CaseStatus) async throws -> [String: Int64] {
        var byNumber: [String: Wanted] = [:]
        for w in wanted where byNumber[w.dnr.description] == nil { byNumber[w.dnr.description] = w }
        guard !byNumber.isEmpty else { return [:] }
        let unknown = byNumber.keys.filter { known[$0] == nil }.sorted()
        if !unknown.isEmpty {
            let rows = try await db.raw("""
                SELECT cs.id, cs.diary_number, cs.handler FROM cases cs JOIN committees c ON c.id = cs.committee_id
                WHERE c.municipality_id = \(bind: municipality) AND cs.diary_number IN (\(binds: unknown)) ORDER BY cs.id
                """).all()
            for row in rows where known[try row.string("diary_number")] == nil {
                known[try row.string("diary_number")] = .init(id: try row.id(), handler: try row.optionalString("handler"))
            }
        }
        for (number, w) in byNumber.sorted(by: { $0.key < $1.key }) {
            guard let stored = known[number], stored.handler == nil, let handler = w.handler else { continue }
            try await db.updateByID("cases", id: stored.id, Row([("handler", handler)]))
            known[number]?.handler = handler
        }
        let missing = byNumber.filter { known[$0.key] == nil }.sorted { $0.key < $1.key }
        if !missing.isEmpty {
            let now = Timestamp.now()
            let created = try await db.insertRows("cases", columns: ["committee_id", "diary_number", "classification", "series", "year",
                                                                     "serial", "title", "handler", "status", "created_at", "modified_at"],
                                                  rows: missing.map { key, w in
                                                      [committee, key, w.dnr.classification?.code, w.dnr.series, w.dnr.year, w.dnr.serial,
                                                       w.title, w.handler, status.rawValue, now, now]
                                                  }, returning: ["id", "diary_number", "handler"])
            for row in created { known[try row.string("diary_number")] = .init(id: try row.id(), handler: try row.optionalString("handler")) }
        }
        return byNumber.keys.reduce(into: [:]) { ids, number in ids[number] = known[number]?.id }
    }

    /// Links paragraphs to their cases.
    func link(_ paragraphs: inout [Paragraph], status: CaseStatus) async throws {
        let ids = try await ids(for: paragraphs.compactMap { p in p.diaryNumber.map { Wanted(dnr: $0, title: p.title) } }, status: status)
        for i in paragraphs.indices {
            if let dnr = paragraphs[i].diaryNumber { paragraphs[i].caseID = ids[dnr.description].map(CaseID.init(rawValue:)) }
        }
    }
}

extension Minutes {
    /// The record's minutes with the meeting's id in place of the placeholder.
    func assigned(to meeting: MeetingID) -> Minutes {
        var copy = self
        copy.meetingID = meeting
        for i in copy.paragraphs.indices { copy.paragraphs[i].meetingID = meeting }
        return copy
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }

    /// The value, or what `make` makes when there is none.
    func asyncMap(onlyIfMissing make: () async throws -> Wrapped) async rethrows -> Wrapped {
        if let value = self { return value }
        return try await make()
    }
}

extension MeetingDating {
    /// `den 2024-04-16`, or the year alone when the date is not known, for messages.
    var description: String {
        switch self {
        case .on(let date): return "den \(date.iso)"
        case .undated(let year): return "utan datum år \(year)"
        }
    }
}
