import Logging
import ParagrafCore
import SQLKit
import Synchronization

/// The one store implementation, over SQLKit, for SQLite and PostgreSQL alike.
public struct SQLStore: Store {
    public let backend: any SQLBackend
    private let committed = WriteCounter()

    public init(backend: any SQLBackend) {
        self.backend = backend
    }

    public var changes: Int { committed.count.load(ordering: .acquiring) }

    /// Opens the store at a location; with `migrate`, brings its schema up to date first.
    public static func open(_ location: StoreLocation, migrate: Bool, logger: Logger = Logger(label: "paragraf.store")) async throws -> SQLStore {
        let backend = try await openBackend(location, logger: logger)
        if migrate {
            do {
                try await Migrator(backend: backend).migrate()
            } catch {
                await backend.shutdown()
                throw error
            }
        }
        return SQLStore(backend: backend)
    }

    public func close() async { await backend.shutdown() }

    /// For benchmarks: bare one-row inserts into a scratch table, one transaction per batch: the
    /// floor that any write path through this backend pays, measured beside the real one.
    public func referenceInserts(_ batches: [[String]]) async throws {
        try await backend.withConnection { db in
            try await db.raw("CREATE TABLE IF NOT EXISTS bench_reference (id INTEGER PRIMARY KEY, text TEXT NOT NULL)").run()
        }
        for batch in batches {
            try await write { db in
                for text in batch { try await db.insert(into: "bench_reference").columns("text").values(SQLBind(text)).run() }
            }
        }
    }

    func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await backend.withConnection(body)
    }

    /// One write transaction. `counted` writes change what public pages show; the page cache
    /// drops what it kept when their count moves.
    func write<R: Sendable>(counted: Bool = true, _ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        // Counted after the commit too, so that a page cached meanwhile is not taken for current.
        if counted { committed.count.add(1, ordering: .releasing) }
        defer { if counted { committed.count.add(1, ordering: .releasing) } }
        guard backend.kind == .sqlite else { return try await backend.transaction(body) }
        return try await backend.transaction { db in
            let result = try await body(db)
            try await Self.catchUpSearchIndex(db)
            return result
        }
    }
}

// MARK: - Organisation

extension SQLStore {
    public func save(_ municipality: Municipality) async throws -> Municipality {
        var saved = municipality
        let row = Row([("name", municipality.name), ("code", municipality.code)])
        saved.id = MunicipalityID(try await write { db in try await db.upsert("municipalities", id: municipality.id?.rawValue, row) })
        return saved
    }

    public func municipalities() async throws -> [Municipality] {
        try await read { db in
            try await db.select().columns("id", "name", "code").from("municipalities").orderBy("name").all().map(Self.municipality)
        }
    }

    public func municipality(named name: String) async throws -> Municipality? {
        try await read { db in
            try await db.select().columns("id", "name", "code").from("municipalities").where("name", .equal, SQLBind(name))
                .first().map(Self.municipality)
        }
    }

    public func municipality(_ id: MunicipalityID) async throws -> Municipality? {
        try await read { db in
            try await db.select().columns("id", "name", "code").from("municipalities").where("id", .equal, SQLBind(id.rawValue))
                .first().map(Self.municipality)
        }
    }

    static func municipality(_ row: any SQLRow) throws -> Municipality {
        Municipality(id: MunicipalityID(try row.id()), name: try row.string("name"), code: try row.optionalString("code"))
    }

    public func save(_ committee: Committee) async throws -> Committee {
        let problems = committee.structuralProblems
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        var saved = committee
        let row = Row([("municipality_id", committee.municipalityID.rawValue), ("name", committee.name),
                       ("kind", committee.kind.rawValue), ("abbreviation", committee.abbreviation),
                       ("parent_id", committee.parentID?.rawValue)])
        saved.id = CommitteeID(try await write { db in try await db.upsert("committees", id: committee.id?.rawValue, row) })
        return saved
    }

    public func committee(_ id: CommitteeID) async throws -> Committee? {
        try await read { db in
            try await db.select().column("*").from("committees").where("id", .equal, SQLBind(id.rawValue)).first().map(Self.committee)
        }
    }

    public func committees(in municipality: MunicipalityID?) async throws -> [Committee] {
        try await read { db in
            var query = db.select().column("*").from("committees")
            if let municipality { query = query.where("municipality_id", .equal, SQLBind(municipality.rawValue)) }
            return try await query.orderBy("name").all().map(Self.committee)
        }
    }

    static func committee(_ row: any SQLRow) throws -> Committee {
        Committee(id: CommitteeID(try row.id()), municipalityID: MunicipalityID(try row.id("municipality_id")),
                  name: try row.string("name"), kind: try row.enumValue("kind", as: CommitteeKind.self),
                  abbreviation: try row.optionalString("abbreviation"),
                  parentID: try row.optionalID("parent_id").map(CommitteeID.init(rawValue:)))
    }

    public func save(_ person: Person) async throws -> Person {
        var saved = person
        let row = Row([("municipality_id", person.municipalityID.rawValue), ("name", person.name), ("party", person.party)])
        saved.id = PersonID(try await write { db in try await db.upsert("persons", id: person.id?.rawValue, row) })
        return saved
    }

    public func person(_ id: PersonID) async throws -> Person? {
        try await read { db in
            try await db.select().column("*").from("persons").where("id", .equal, SQLBind(id.rawValue)).first().map(Self.person)
        }
    }

    public func memberships(ofPerson person: PersonID) async throws -> [Membership] {
        try await read { db in
            try await db.select().column("*").from("memberships").where("person_id", .equal, SQLBind(person.rawValue))
                .orderBy("term_from", .descending).orderBy("id").all().map(Self.membership)
        }
    }

    public func activity(of person: PersonID) async throws -> PersonActivity {
        try await read { db in
            let id = person.rawValue
            let attended = try await db.raw("""
                SELECT a.meeting_id, a.role FROM attendances a JOIN meetings m ON m.id = a.meeting_id
                WHERE a.person_id = \(bind: id) ORDER BY m.year, m.date, m.id
                """).all().map { row in
                PersonActivity.Attended(meetingID: MeetingID(try row.id("meeting_id")), role: try row.enumValue("role", as: AttendanceRole.self))
            }
            func authored(_ table: String, _ owner: String, _ text: String) async throws -> [PersonActivity.Authored] {
                try await db.raw("""
                    SELECT DISTINCT p.meeting_id, p.number, p.title, p.is_public, o.id AS owner_id, o.\(unsafeRaw: text) AS text, p.year
                    FROM \(unsafeRaw: table) x JOIN \(unsafeRaw: owner) o ON o.id = x.\(unsafeRaw: String(owner.dropLast()))_id
                    JOIN paragraphs p ON p.id = o.paragraph_id
                    WHERE x.person_id = \(bind: id) ORDER BY p.year, p.meeting_id, p.number, o.id
                    """).all().map { row in
                    PersonActivity.Authored(meetingID: MeetingID(try row.id("meeting_id")), paragraphNumber: try row.int("number"),
                                            paragraphTitle: try row.string("title"), paragraphIsPublic: try row.bool("is_public"),
                                            text: try row.optionalString("text"))
                }
            }
            return PersonActivity(attended: attended, proposals: try await authored("proposal_authors", "proposals", "text"),
                                  reservations: try await authored("reservation_authors", "reservations", "reasons"))
        }
    }

    public func persons(in municipality: MunicipalityID) async throws -> [Person] {
        try await read { db in
            try await db.select().column("*").from("persons").where("municipality_id", .equal, SQLBind(municipality.rawValue))
                .orderBy("name").all().map(Self.person)
        }
    }

    public func person(named name: String, party: String?, in municipality: MunicipalityID) async throws -> Person? {
        try await read { db in
            var query = db.select().column("*").from("persons")
                .where("municipality_id", .equal, SQLBind(municipality.rawValue))
                .where("name", .equal, SQLBind(name))
            // Parties are printed in either case ("fp", "FP"): they match regardless.
            if let party {
                query = query.where(SQLFunction("upper", args: SQLIdentifier("party")), .equal, SQLBind(party.uppercased()))
            } else {
                query = query.where("party", .is, SQLLiteral.null)
            }
            return try await query.orderBy("id").first().map(Self.person)
        }
    }

    static func person(_ row: any SQLRow) throws -> Person {
        Person(id: PersonID(try row.id()), municipalityID: MunicipalityID(try row.id("municipality_id")),
               name: try row.string("name"), party: try row.optionalString("party"))
    }

    public func save(_ membership: Membership) async throws -> Membership {
        if membership.role == .ersattare, membership.callingOrder == nil {
            throw StoreError.invalid("en ersättare behöver en plats i tjänstgöringsordningen")
        }
        var saved = membership
        let row = Row([("person_id", membership.personID.rawValue), ("committee_id", membership.committeeID.rawValue),
                       ("role", membership.role.rawValue), ("term_from", membership.term.from.iso),
                       ("term_to", membership.term.to?.iso), ("calling_order", membership.callingOrder)])
        saved.id = MembershipID(try await write { db in try await db.upsert("memberships", id: membership.id?.rawValue, row) })
        return saved
    }

    public func memberships(of committee: CommitteeID, on date: LocalDate?) async throws -> [Membership] {
        let all = try await read { db in
            try await db.select().column("*").from("memberships").where("committee_id", .equal, SQLBind(committee.rawValue))
                .orderBy("id").all().map(Self.membership)
        }
        let roleOrder = Dictionary(uniqueKeysWithValues: MembershipRole.allCases.enumerated().map { ($1, $0) })
        return all.filter { date.map($0.term.contains) ?? true }.sorted {
            (roleOrder[$0.role]!, $0.callingOrder ?? 0, $0.id!.rawValue) < (roleOrder[$1.role]!, $1.callingOrder ?? 0, $1.id!.rawValue)
        }
    }

    static func membership(_ row: any SQLRow) throws -> Membership {
        Membership(id: MembershipID(try row.id()), personID: PersonID(try row.id("person_id")),
                   committeeID: CommitteeID(try row.id("committee_id")), role: try row.enumValue("role", as: MembershipRole.self),
                   term: Term(from: try row.date("term_from"), to: try row.optionalDate("term_to")),
                   callingOrder: try row.optionalInt("calling_order"))
    }

    public func save(_ official: Official) async throws -> Official {
        var saved = official
        let row = Row([("municipality_id", official.municipalityID.rawValue), ("name", official.name), ("title", official.title)])
        saved.id = OfficialID(try await write { db in try await db.upsert("officials", id: official.id?.rawValue, row) })
        return saved
    }

    public func officials(in municipality: MunicipalityID) async throws -> [Official] {
        try await read { db in
            try await db.select().column("*").from("officials").where("municipality_id", .equal, SQLBind(municipality.rawValue))
                .orderBy("name").all().map { row in
                    Official(id: OfficialID(try row.id()), municipalityID: MunicipalityID(try row.id("municipality_id")),
                             name: try row.string("name"), title: try row.optionalString("title"))
                }
        }
    }
}

// MARK: - Diary

extension SQLStore {
    public func save(_ matter: Case) async throws -> Case {
        var saved = matter
        let dnr = matter.diaryNumber
        let row = Self.caseRow(matter)
        saved.id = CaseID(try await write { db in
            if matter.id == nil {
                let clash = try await db.select().column("id").from("cases")
                    .where("committee_id", .equal, SQLBind(matter.committeeID.rawValue))
                    .where("diary_number", .equal, SQLBind(dnr.description)).first()
                if clash != nil { throw StoreError.conflict("diarienumret \(dnr) finns redan i nämndens diarium") }
            }
            return try await db.upsert("cases", id: matter.id?.rawValue, row)
        })
        return saved
    }

    /// A case's columns, as both saving and registering store them.
    static func caseRow(_ matter: Case) -> Row {
        let dnr = matter.diaryNumber
        return Row([("committee_id", matter.committeeID.rawValue), ("diary_number", dnr.description),
                    ("classification", dnr.classification?.code), ("series", dnr.series), ("year", dnr.year),
                    ("serial", dnr.serial), ("title", matter.title), ("registered", matter.registered?.iso),
                    ("handler", matter.handler), ("secret_provision", matter.secrecy.provision),
                    ("status", matter.status.rawValue)])
    }

    public func register(_ matter: Case, year: Int, actor: String) async throws -> Case {
        guard matter.id == nil else { throw StoreError.invalid("ärendet är redan registrerat") }
        guard let committee = try await self.committee(matter.committeeID) else {
            throw StoreError.notFound("nämnd \(matter.committeeID.rawValue)")
        }
        guard let series = committee.abbreviation, !series.isEmpty else {
            throw StoreError.invalid("\(committee.name) har ingen förkortning att börja diarienumren med")
        }
        let highest = try await highestSerial(in: matter.committeeID, year: year) ?? 0
        let kind = backend.kind
        let id = CaseID(try await write { db in
            try await Self.serializeFilings(db, kind)
            // One statement takes the next number: concurrent registrations each get their own.
            guard let next = try await db.raw("""
                INSERT INTO diary_series (committee_id, year, last_serial) VALUES (\(bind: matter.committeeID.rawValue), \(bind: year), \(bind: highest + 1))
                ON CONFLICT (committee_id, year) DO UPDATE SET last_serial = diary_series.last_serial + 1 RETURNING last_serial
                """).first()?.int("last_serial") else { throw StoreError.invalid("inget nummer gavs") }
            var numbered = matter
            numbered.diaryNumber = .inSeries(series, year: year, serial: next, classification: matter.diaryNumber.classification)
            let id = try await db.insertReturningID("cases", Self.caseRow(numbered))
            numbered.id = CaseID(id)
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor, action: "registrerade", subjectKind: "ärende",
                                                 subjectID: id, after: try JSONText.encode(numbered)), db: db)
            return id
        })
        // The number was given inside the transaction; read it back as stored.
        guard let stored = try await self.matter(id) else { throw StoreError.notFound("ärende \(id.rawValue)") }
        return stored
    }

    public func matter(_ id: CaseID) async throws -> Case? {
        try await read { db in
            try await db.select().column("*").from("cases").where("id", .equal, SQLBind(id.rawValue)).first().map(Self.matter)
        }
    }

    public func cases(diaryNumber: DiaryNumber) async throws -> [Case] {
        try await read { db in
            try await db.select().column("*").from("cases").where("diary_number", .equal, SQLBind(diaryNumber.description))
                .orderBy("id").all().map(Self.matter)
        }
    }

    public func cases(in committee: CommitteeID) async throws -> [Case] {
        try await read { db in
            try await db.select().column("*").from("cases").where("committee_id", .equal, SQLBind(committee.rawValue))
                .orderBy("year", .descending).orderBy("serial", .descending).all().map(Self.matter)
        }
    }

    public func highestSerial(in committee: CommitteeID, year: Int) async throws -> Int? {
        let serials = try await read { db in
            try await db.select().column("serial").from("cases")
                .where("committee_id", .equal, SQLBind(committee.rawValue)).where("year", .equal, SQLBind(year))
                .all().map { try $0.string("serial") }
        }
        return serials.compactMap { Int($0) }.max()
    }

    static func matter(_ row: any SQLRow) throws -> Case {
        guard let dnr = try row.diaryNumber("diary_number", classification: "classification") else {
            throw StoreError.invalid("ärende utan diarienummer")
        }
        return Case(id: CaseID(try row.id()), committeeID: CommitteeID(try row.id("committee_id")), diaryNumber: dnr,
                    title: try row.string("title"), registered: try row.optionalDate("registered"),
                    handler: try row.optionalString("handler"), secrecy: try row.secrecy(),
                    status: try row.enumValue("status", as: CaseStatus.self))
    }

    public func save(_ document: Document) async throws -> Document {
        var saved = document
        let row = Self.documentRow(document)
        saved.id = DocumentID(try await write { db in try await db.upsert("documents", id: document.id?.rawValue, row) })
        return saved
    }

    /// A document's columns, as both saving and attaching store them.
    static func documentRow(_ document: Document) -> Row {
        Row([("case_id", document.caseID?.rawValue), ("meeting_id", document.meetingID?.rawValue),
             ("kind", document.kind.rawValue), ("title", document.title), ("date", document.date?.iso),
             ("secret_provision", document.secrecy.provision), ("file_name", document.file?.fileName),
             ("media_type", document.file?.mediaType), ("sha256", document.file?.sha256),
             ("byte_count", document.file.map { Int64($0.byteCount) })])
    }

    public func document(_ id: DocumentID) async throws -> Document? {
        try await documents(where: "id", id.rawValue).first
    }

    public func documents(for matter: CaseID) async throws -> [Document] {
        try await documents(where: "case_id", matter.rawValue)
    }

    public func documents(forMeeting meeting: MeetingID) async throws -> [Document] {
        try await documents(where: "meeting_id", meeting.rawValue)
    }

    private func documents(where column: String, _ id: Int64) async throws -> [Document] {
        try await read { db in
            try await db.select().column("*").from("documents").where(column, .equal, SQLBind(id))
                .orderBy("id").all().map { row in
                    var file: StoredFile? = nil
                    if let sha = try row.optionalString("sha256") {
                        file = StoredFile(fileName: try row.optionalString("file_name") ?? "", mediaType: try row.optionalString("media_type") ?? "",
                                          sha256: sha, byteCount: Int(try row.decode(column: "byte_count", as: Int64?.self) ?? 0))
                    }
                    return Document(id: DocumentID(try row.id()), caseID: try row.optionalID("case_id").map(CaseID.init(rawValue:)),
                                    meetingID: try row.optionalID("meeting_id").map(MeetingID.init(rawValue:)),
                                    kind: try row.enumValue("kind", as: DocumentKind.self), title: try row.string("title"),
                                    date: try row.optionalDate("date"), secrecy: try row.secrecy(), file: file)
                }
        }
    }
}

// MARK: - Meetings

extension SQLStore {
    public func save(_ meeting: Meeting) async throws -> Meeting {
        var saved = meeting
        let row = Self.meetingRow(meeting)
        saved.id = MeetingID(try await write { db in try await db.upsert("meetings", id: meeting.id?.rawValue, row) })
        return saved
    }

    /// A meeting's columns, as both saving and planning store them.
    static func meetingRow(_ meeting: Meeting) -> Row {
        Row([("committee_id", meeting.committeeID.rawValue), ("date", meeting.date?.iso), ("year", meeting.year),
             ("start_time", meeting.startTime?.description), ("end_time", meeting.endTime?.description),
             ("place", meeting.place), ("state", meeting.state.rawValue), ("open_to_public", meeting.isOpenToPublic)])
    }

    public func meeting(_ id: MeetingID) async throws -> Meeting? {
        try await read { db in
            try await db.select().column("*").from("meetings").where("id", .equal, SQLBind(id.rawValue)).first().map(Self.meeting)
        }
    }

    public func meetings(of committee: CommitteeID, year: Int?) async throws -> [Meeting] {
        try await read { db in
            var query = db.select().column("*").from("meetings").where("committee_id", .equal, SQLBind(committee.rawValue))
            if let year { query = query.where("year", .equal, SQLBind(year)) }
            // Undated (imported) meetings come last within their year.
            return try await query.orderBy("year").orderBy(SQLRaw("date IS NULL")).orderBy("date").orderBy("id").all().map(Self.meeting)
        }
    }

    public func meetings(from: LocalDate, through: LocalDate) async throws -> [Meeting] {
        try await read { db in
            try await db.select().column("*").from("meetings")
                .where("date", .greaterThanOrEqual, SQLBind(from.iso)).where("date", .lessThanOrEqual, SQLBind(through.iso))
                .orderBy("date").orderBy("id").all().map(Self.meeting)
        }
    }

    static func meeting(_ row: any SQLRow) throws -> Meeting {
        Meeting(id: MeetingID(try row.id()), committeeID: CommitteeID(try row.id("committee_id")),
                dating: try row.optionalDate("date").map(MeetingDating.on) ?? .undated(year: try row.int("year")),
                startTime: try row.optionalTime("start_time"), endTime: try row.optionalTime("end_time"),
                place: try row.optionalString("place"), state: try row.enumValue("state", as: MeetingState.self),
                isOpenToPublic: try row.bool("open_to_public"))
    }

    public func replaceAgenda(_ items: [AgendaItem], for meeting: MeetingID) async throws -> [AgendaItem] {
        try Self.checkAgenda(items, for: meeting)
        return try await write { db in try await Self.replaceAgenda(items, for: meeting, db: db) }
    }

    static func checkAgenda(_ items: [AgendaItem], for meeting: MeetingID) throws {
        guard items.allSatisfy({ $0.meetingID == meeting }) else {
            throw StoreError.invalid("föredragningslistans punkter hör till ett annat sammanträde")
        }
        guard Set(items.map(\.position)).count == items.count else {
            throw StoreError.invalid("två punkter har samma plats på föredragningslistan")
        }
    }

    static func replaceAgenda(_ items: [AgendaItem], for meeting: MeetingID, db: any SQLDatabase) async throws -> [AgendaItem] {
        try await requireMeeting(db, meeting)
        try await db.delete(from: "agenda_items").where("meeting_id", .equal, SQLBind(meeting.rawValue)).run()
        var saved: [AgendaItem] = []
        for item in items.sorted(by: { $0.position < $1.position }) {
            var copy = item
            copy.id = AgendaItemID(try await db.insertReturningID("agenda_items", Row([
                ("meeting_id", meeting.rawValue), ("position", item.position), ("kind", item.kind.rawValue),
                ("title", item.title), ("case_id", item.caseID?.rawValue), ("is_public", item.isPublic),
                ("proposed_decision", item.proposedDecision),
            ]), stamped: false))
            saved.append(copy)
        }
        return saved
    }

    public func agenda(for meeting: MeetingID) async throws -> [AgendaItem] {
        try await read { db in
            try await db.select().column("*").from("agenda_items").where("meeting_id", .equal, SQLBind(meeting.rawValue))
                .orderBy("position").all().map(Self.agendaItem)
        }
    }

    public func agendaItems(ofCase matter: CaseID) async throws -> [AgendaItem] {
        try await read { db in
            try await db.select().column("*").from("agenda_items").where("case_id", .equal, SQLBind(matter.rawValue))
                .orderBy("meeting_id").orderBy("position").all().map(Self.agendaItem)
        }
    }

    static func agendaItem(_ row: any SQLRow) throws -> AgendaItem {
        AgendaItem(id: AgendaItemID(try row.id()), meetingID: MeetingID(try row.id("meeting_id")), position: try row.int("position"),
                   kind: try row.enumValue("kind", as: AgendaItemKind.self), title: try row.string("title"),
                   caseID: try row.optionalID("case_id").map(CaseID.init(rawValue:)), isPublic: try row.bool("is_public"),
                   proposedDecision: try row.optionalString("proposed_decision"))
    }

    public func save(_ notice: Notice) async throws {
        try await write { db in try await Self.saveNotice(notice, db: db) }
    }

    static func saveNotice(_ notice: Notice, db: any SQLDatabase) async throws {
        let groups = try JSONText.encode(notice.groupMeetings)
        let signers = try JSONText.encode(notice.signedBy)
        try await requireMeeting(db, notice.meetingID)
        try await db.delete(from: "notices").where("meeting_id", .equal, SQLBind(notice.meetingID.rawValue)).run()
        try await db.insert(into: "notices").columns("meeting_id", "issued", "group_meetings", "signed_by")
            .values(SQLBind(notice.meetingID.rawValue), SQLBind(notice.issued.iso), SQLBind(groups), SQLBind(signers)).run()
    }

    public func notice(for meeting: MeetingID) async throws -> Notice? {
        try await read { db in
            try await db.select().column("*").from("notices").where("meeting_id", .equal, SQLBind(meeting.rawValue)).first().map { row in
                Notice(meetingID: meeting, issued: try row.date("issued"),
                       groupMeetings: try JSONText.decode([GroupMeeting].self, try row.string("group_meetings")),
                       signedBy: try JSONText.decode([String].self, try row.string("signed_by")))
            }
        }
    }

    @discardableResult
    static func requireMeeting(_ db: any SQLDatabase, _ meeting: MeetingID) async throws -> (committee: CommitteeID, year: Int) {
        guard let row = try await db.select().columns("committee_id", "year").from("meetings")
            .where("id", .equal, SQLBind(meeting.rawValue)).first() else {
            throw StoreError.notFound("sammanträde \(meeting)")
        }
        return (CommitteeID(try row.id("committee_id")), try row.int("year"))
    }
}

/// Write transactions begun and ended in this process, for caches of what was read.
final class WriteCounter: Sendable {
    let count = Atomic<Int>(0)
}
