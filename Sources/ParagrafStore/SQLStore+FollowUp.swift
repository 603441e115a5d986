import ParagrafCore
import SQLKit

// MARK: - Assignments

extension SQLStore {
    static func assignmentRow(_ a: Assignment) -> Row {
        Row([("committee_id", a.committeeID.rawValue), ("paragraph_id", a.paragraphID?.rawValue), ("giver", a.giver),
             ("given_by", a.givenBy), ("receiver", a.receiver), ("text", a.text), ("report_back_by", a.reportBackBy?.iso),
             ("status", a.status.rawValue), ("closed_by_paragraph", a.closedByParagraph), ("outside_budget", a.outsideBudget)])
    }

    static func assignment(_ row: any SQLRow) throws -> Assignment {
        Assignment(id: AssignmentID(try row.id()), committeeID: CommitteeID(try row.id("committee_id")),
                   paragraphID: try row.optionalID("paragraph_id").map(ParagraphID.init(rawValue:)),
                   giver: try row.optionalString("giver"), givenBy: try row.optionalString("given_by"),
                   receiver: try row.optionalString("receiver"), text: try row.string("text"),
                   reportBackBy: try row.optionalDate("report_back_by"),
                   status: try row.enumValue("status", as: AssignmentStatus.self),
                   closedByParagraph: try row.optionalInt("closed_by_paragraph"), outsideBudget: try row.bool("outside_budget"))
    }

    public func save(_ assignment: Assignment) async throws -> Assignment {
        var saved = assignment
        let row = Self.assignmentRow(assignment)
        saved.id = AssignmentID(try await write { db in try await db.upsert("assignments", id: assignment.id?.rawValue, row) })
        return saved
    }

    public func assignments(of committee: CommitteeID) async throws -> [Assignment] {
        try await rows("assignments", committee: committee, orderBy: "report_back_by").map(Self.assignment)
    }

    public func assignment(_ id: AssignmentID) async throws -> Assignment? {
        try await read { db in
            try await db.select().column("*").from("assignments").where("id", .equal, SQLBind(id.rawValue)).first().map(Self.assignment)
        }
    }

    /// Assignments of one committee, or of all, with their committee and giving paragraph.
    public func assignmentRegister(committee: CommitteeID?) async throws -> [RegisteredAssignment] {
        try await read { db in
            var sql: SQLQueryString = """
                SELECT a.*, c.name AS committee_name, p.meeting_id AS p_meeting, p.number AS p_number, p.title AS p_title, p.is_public AS p_public
                FROM assignments a JOIN committees c ON c.id = a.committee_id LEFT JOIN paragraphs p ON p.id = a.paragraph_id
                """
            if let committee { sql = sql + " WHERE a.committee_id = \(bind: committee.rawValue)" }
            return try await db.raw(sql + " ORDER BY a.id").all().map { row in
                RegisteredAssignment(assignment: try Self.assignment(row), committee: try row.string("committee_name"),
                                     meetingID: try row.optionalID("p_meeting").map { MeetingID($0) }, paragraphNumber: try row.optionalInt("p_number"),
                                     paragraphTitle: try row.optionalString("p_title"),
                                     // An assignment registered from another body's decision has no paragraph here; the decision it cites is public.
                                     isPublic: try row.decode(column: "p_public", as: Bool?.self) ?? (row.optionalString("given_by") != nil))
            }
        }
    }

    /// A new status for an assignment, with the period's report on it, in one logged change.
    /// Closing (`avslutat`) needs the § of the closing decision.
    public func report(on id: AssignmentID, status: AssignmentStatus, closedBy paragraph: Int?, comment: AssignmentComment?,
                       actor: String) async throws -> Assignment {
        guard let before = try await assignment(id) else { throw StoreError.notFound("uppdrag \(id.rawValue)") }
        if status == .closed, paragraph == nil {
            throw StoreError.invalid("ett uppdrag avslutas genom ett beslut; ange paragrafen (§) som avslutade det")
        }
        var after = before
        after.status = status
        after.closedByParagraph = status == .closed ? paragraph : nil
        let changed = after
        let row = Self.assignmentRow(changed)
        try await write { db in
            try await db.updateByID("assignments", id: id.rawValue, row)
            if let comment {
                try await db.insertRows("assignment_comments", columns: ["assignment_id", "period", "status", "text", "written_by", "written_on"],
                                        rows: [[id.rawValue, comment.period, comment.status.rawValue, comment.text, comment.writtenBy,
                                                comment.writtenOn.iso]])
            }
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor, action: "rapporterade uppdrag", subjectKind: "uppdrag",
                                                 subjectID: id.rawValue, before: try JSONText.encode(before),
                                                 after: try JSONText.encode(changed)), db: db)
        }
        return changed
    }

    /// The reports on an assignment, oldest first.
    public func comments(on id: AssignmentID) async throws -> [AssignmentComment] {
        try await comments(on: [id])[id] ?? []
    }

    /// The reports on each of these assignments, oldest first, in one query.
    public func comments(on ids: [AssignmentID]) async throws -> [AssignmentID: [AssignmentComment]] {
        guard !ids.isEmpty else { return [:] }
        return try await read { db in
            try await db.select().column("*").from("assignment_comments").where("assignment_id", .in, SQLBind.group(ids.map(\.rawValue)))
                .orderBy("id").all().reduce(into: [AssignmentID: [AssignmentComment]]()) { out, row in
                    out[AssignmentID(try row.id("assignment_id")), default: []].append(
                        AssignmentComment(period: try row.string("period"), status: try row.enumValue("status", as: AssignmentStatus.self),
                                          text: try row.string("text"), writtenBy: try row.string("written_by"), writtenOn: try row.date("written_on")))
                }
        }
    }

    func rows(_ table: String, committee: CommitteeID, orderBy column: String) async throws -> [any SQLRow] {
        try await read { db in
            try await db.select().column("*").from(table).where("committee_id", .equal, SQLBind(committee.rawValue))
                .orderBy(column).orderBy("id").all()
        }
    }
}

// MARK: - Referrals

extension SQLStore {
    static func referralRow(_ r: Referral) throws -> Row {
        Row([("committee_id", r.committeeID.rawValue), ("direction", r.direction.rawValue),
             ("counterparts", try JSONText.encode(r.counterparts)), ("title", r.title),
             ("diary_number", r.diaryNumber?.withClassification), ("their_reference", r.theirReference), ("deadline", r.deadline?.iso),
             ("extensions", try JSONText.encode(r.extensions)), ("answers", try JSONText.encode(r.answers)),
             ("meeting_id", r.meetingID?.rawValue), ("case_id", r.caseID?.rawValue), ("answered_by_paragraph", r.answeredByParagraph?.rawValue)])
    }

    static func referral(_ row: any SQLRow) throws -> Referral {
        Referral(id: ReferralID(try row.id()), committeeID: CommitteeID(try row.id("committee_id")),
                 direction: try row.enumValue("direction", as: ReferralDirection.self),
                 counterparts: try JSONText.decode([String].self, try row.string("counterparts")),
                 title: try row.string("title"), diaryNumber: try row.diaryNumber("diary_number"),
                 theirReference: try row.optionalString("their_reference"), deadline: try row.optionalDate("deadline"),
                 extensions: try JSONText.decode([LocalDate].self, try row.string("extensions")),
                 answers: try JSONText.decode([ReferralAnswer].self, try row.string("answers")),
                 meetingID: try row.optionalID("meeting_id").map(MeetingID.init(rawValue:)),
                 caseID: try row.optionalID("case_id").map(CaseID.init(rawValue:)),
                 answeredByParagraph: try row.optionalID("answered_by_paragraph").map(ParagraphID.init(rawValue:)))
    }

    public func save(_ referral: Referral) async throws -> Referral {
        var saved = referral
        let row = try Self.referralRow(referral)
        saved.id = ReferralID(try await write { db in try await db.upsert("referrals", id: referral.id?.rawValue, row) })
        return saved
    }

    /// A referral registered or changed by staff, logged.
    public func save(_ referral: Referral, actor: String) async throws -> Referral {
        if referral.title.isEmpty || referral.counterparts.isEmpty {
            throw StoreError.invalid("en remiss behöver rubrik och \(referral.direction == .incoming ? "avsändare" : "remissinstanser")")
        }
        let before = try await referral.id.asyncMap { id in try await read { db in
            try await db.select().column("*").from("referrals").where("id", .equal, SQLBind(id.rawValue)).first().map(Self.referral)
        } }
        var saved = referral
        let row = try Self.referralRow(referral)
        saved.id = ReferralID(try await write { db in
            let id = try await db.upsert("referrals", id: referral.id?.rawValue, row)
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor, action: referral.id == nil ? "registrerade remiss" : "ändrade remiss",
                                                 subjectKind: "remiss", subjectID: id, before: try before.map(JSONText.encode),
                                                 after: try JSONText.encode(referral)), db: db)
            return id
        })
        return saved
    }

    public func referrals(of committee: CommitteeID) async throws -> [Referral] {
        try await rows("referrals", committee: committee, orderBy: "deadline").map(Self.referral)
    }

    /// Referrals of one committee, or of all, with where they were answered. Public when the
    /// answering paragraph is, or, before that, when the agenda item that carries it is.
    public func referralList(committee: CommitteeID?) async throws -> [ListedReferral] {
        try await read { db in
            var sql: SQLQueryString = """
                SELECT r.*, c.name AS committee_name, m.date AS m_date, p.number AS p_number, p.is_public AS p_public,
                  (SELECT MAX(CASE WHEN ai.is_public THEN 1 ELSE 0 END) FROM agenda_items ai
                   WHERE ai.meeting_id = r.meeting_id AND LOWER(ai.title) = LOWER(r.title)) AS agenda_public
                FROM referrals r JOIN committees c ON c.id = r.committee_id
                LEFT JOIN meetings m ON m.id = r.meeting_id LEFT JOIN paragraphs p ON p.id = r.answered_by_paragraph
                """
            if let committee { sql = sql + " WHERE r.committee_id = \(bind: committee.rawValue)" }
            return try await db.raw(sql + " ORDER BY r.id").all().map { row in
                let paragraphPublic = try row.decode(column: "p_public", as: Bool?.self)
                return ListedReferral(referral: try Self.referral(row), committee: try row.string("committee_name"),
                                      meetingDate: try row.optionalDate("m_date"), paragraphNumber: try row.optionalInt("p_number"),
                                      isPublic: try paragraphPublic ?? (row.optionalInt("agenda_public") == 1))
            }
        }
    }
}

// MARK: - Delegation orders, delegated decisions and anmälningsärenden

extension SQLStore {
    public func delegationOrders(of committee: CommitteeID) async throws -> [DelegationOrder] {
        try await rows("delegation_orders", committee: committee, orderBy: "version").map { row in
            DelegationOrder(id: DelegationOrderID(try row.id()), committeeID: committee, version: try row.int("version"),
                            adoptedBy: try row.string("adopted_by"), validFrom: try row.date("valid_from"),
                            validTo: try row.optionalDate("valid_to"),
                            points: try JSONText.decode([DelegationPoint].self, try row.string("points")))
        }
    }

    /// Adopts a new version of a committee's delegation order; earlier versions stay as they were,
    /// since decisions taken under them cite them.
    public func adopt(_ order: DelegationOrder, actor: String) async throws -> DelegationOrder {
        let earlier = try await delegationOrders(of: order.committeeID)
        var adopted = order
        adopted.version = (earlier.map(\.version).max() ?? 0) + 1
        let problems = adopted.problems(after: earlier)
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        let row = Row([("committee_id", adopted.committeeID.rawValue), ("version", adopted.version), ("adopted_by", adopted.adoptedBy),
                       ("valid_from", adopted.validFrom.iso), ("valid_to", adopted.validTo?.iso), ("points", try JSONText.encode(adopted.points))])
        let logged = adopted
        adopted.id = DelegationOrderID(try await write { db in
            let id = try await db.insertReturningID("delegation_orders", row)
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor, action: "antog delegationsordning version \(logged.version)",
                                                 subjectKind: "delegationsordning", subjectID: id, after: try JSONText.encode(logged)), db: db)
            return id
        })
        return adopted
    }

    static func matterColumns() -> [String] {
        ["committee_id", "kind", "title", "party", "dated", "delegation_point", "diary_number", "reported_at", "paragraph_id",
         "position", "imported", "import_key", "created_at", "modified_at"]
    }

    /// Registers a delegated decision; refused when its point was not in the delegation order in
    /// force on its date.
    public func register(_ decision: DelegatedDecision, actor: String) async throws -> DelegatedDecision {
        guard let point = decision.delegationPoint, let decided = decision.decided, let by = decision.decidedBy, !by.isEmpty,
              !decision.title.isEmpty else {
            throw StoreError.invalid("ett delegationsbeslut anger beslutsfattare, delegationspunkt, datum och rubrik")
        }
        let orders = try await delegationOrders(of: decision.committeeID)
        if case .failure(let refusal) = DelegationCheck.point(point, on: decided, among: orders) { throw StoreError.invalid(refusal.message) }
        var saved = decision
        let now = Timestamp.now()
        let values: [Value] = [decision.committeeID.rawValue, AgendaItemKind.delegatedDecisions.rawValue, decision.title, by, decided.iso,
                               point, decision.diaryNumber?.withClassification, decision.reportedAt?.rawValue, decision.paragraphID?.rawValue,
                               0, false, nil as String?, now, now]
        saved.id = DelegatedDecisionID(try await insertMatter(values, logged: try JSONText.encode(decision), kind: "delegationsbeslut", actor: actor))
        return saved
    }

    /// One registered matter and its audit entry, in one transaction.
    private func insertMatter(_ values: [Value], logged: String, kind: String, actor: String) async throws -> Int64 {
        try await write { db in
            let id = try await db.insertRows("reported_matters", columns: Self.matterColumns(), rows: [values], returning: ["id"])[0].id()
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor, action: "registrerade \(kind)", subjectKind: kind,
                                                 subjectID: id, after: logged), db: db)
            return id
        }
    }

    public func save(_ decision: DelegatedDecision) async throws -> DelegatedDecision {
        try await register(decision, actor: "system")
    }

    public func save(_ notification: Notification) async throws -> Notification {
        try await register(notification, actor: "system")
    }

    public func register(_ notification: Notification, actor: String) async throws -> Notification {
        guard !notification.title.isEmpty, let received = notification.received else {
            throw StoreError.invalid("ett anmälningsärende anger rubrik och datum")
        }
        var saved = notification
        let now = Timestamp.now()
        let values: [Value] = [notification.committeeID.rawValue, AgendaItemKind.notifications.rawValue, notification.title, notification.sender,
                               received.iso, nil as String?, notification.diaryNumber?.withClassification, notification.reportedAt?.rawValue,
                               notification.paragraphID?.rawValue, 0, false, nil as String?, now, now]
        saved.id = NotificationID(try await insertMatter(values, logged: try JSONText.encode(notification), kind: "anmälningsärende", actor: actor))
        return saved
    }

    /// Imports the entries of a CSV export whole or not at all: an entry whose point was not in
    /// force on its date, or that an earlier import brought in, is reported with its line.
    public func importMatters(_ entries: [ReportedMatterCSV.Entry], kind: AgendaItemKind, committee: CommitteeID, file: String,
                              actor: String) async throws -> Int {
        let orders = kind == .delegatedDecisions ? try await delegationOrders(of: committee) : []
        var problems: [SwedishCSV.Problem] = []
        for entry in entries where kind == .delegatedDecisions {
            if case .failure(let refusal) = DelegationCheck.point(entry.point ?? "", on: entry.date, among: orders) {
                problems.append(.init(line: entry.line, message: refusal.message))
            }
        }
        let keys = entries.map(\.key)
        let known = try await read { db in
            try await db.select().column("import_key").from("reported_matters").where("committee_id", .equal, SQLBind(committee.rawValue))
                .where("kind", .equal, SQLBind(kind.rawValue)).where("import_key", .in, SQLGroupExpression(keys.map { SQLBind($0) }))
                .all().map { try $0.string("import_key") }
        }
        for entry in entries where known.contains(entry.key) {
            problems.append(.init(line: entry.line, message: "beslutet är redan importerat"))
        }
        guard problems.isEmpty else { throw StoreError.invalid(SwedishCSV.Problems(list: problems).description) }
        let now = Timestamp.now()
        let rows: [[Value]] = entries.map { e in
            [committee.rawValue, kind.rawValue, e.title, e.party, e.date.iso, e.point, e.diaryNumber?.withClassification,
             nil as Int64?, nil as Int64?, 0, true, e.key, now, now]
        }
        let count = entries.count
        try await write { db in
            try await db.insertRows("reported_matters", columns: Self.matterColumns(), rows: rows)
            _ = try await Self.record(AuditEntry(at: now, actor: actor, action: "importerade \(count) \(kind == .delegatedDecisions ? "delegationsbeslut" : "anmälningsärenden") från \(file)",
                                                 subjectKind: "nämnd", subjectID: committee.rawValue), db: db)
        }
        return count
    }

    static func delegatedDecision(_ row: any SQLRow) throws -> DelegatedDecision {
        DelegatedDecision(id: DelegatedDecisionID(try row.id()), committeeID: CommitteeID(try row.id("committee_id")),
                          decidedBy: try row.optionalString("party"), delegationPoint: try row.optionalString("delegation_point"),
                          decided: try row.optionalDate("dated"), title: try row.string("title"), diaryNumber: try row.diaryNumber("diary_number"),
                          reportedAt: try row.optionalID("reported_at").map(MeetingID.init(rawValue:)),
                          paragraphID: try row.optionalID("paragraph_id").map(ParagraphID.init(rawValue:)))
    }

    static func notification(_ row: any SQLRow) throws -> Notification {
        Notification(id: NotificationID(try row.id()), committeeID: CommitteeID(try row.id("committee_id")), title: try row.string("title"),
                     sender: try row.optionalString("party"), received: try row.optionalDate("dated"),
                     diaryNumber: try row.diaryNumber("diary_number"),
                     reportedAt: try row.optionalID("reported_at").map(MeetingID.init(rawValue:)),
                     paragraphID: try row.optionalID("paragraph_id").map(ParagraphID.init(rawValue:)))
    }

    public func delegatedDecisions(of committee: CommitteeID) async throws -> [DelegatedDecision] {
        try await matters(committee: committee, kind: .delegatedDecisions).map(Self.delegatedDecision)
    }

    public func notifications(of committee: CommitteeID) async throws -> [Notification] {
        try await matters(committee: committee, kind: .notifications).map(Self.notification)
    }

    private func matters(committee: CommitteeID, kind: AgendaItemKind) async throws -> [any SQLRow] {
        try await read { db in
            try await db.select().column("*").from("reported_matters").where("committee_id", .equal, SQLBind(committee.rawValue))
                .where("kind", .equal, SQLBind(kind.rawValue)).orderBy("reported_at").orderBy("position").orderBy("dated").orderBy("id").all()
        }
    }

    /// What a meeting's standard items lay before the committee: those reported at it, and, while
    /// it is the committee's next meeting (the earliest not yet held), those not yet reported that
    /// are dated no later than it.
    public func mattersFor(meeting id: MeetingID) async throws -> ReportedMatters {
        guard let meeting = try await meeting(id) else { throw StoreError.notFound("sammanträde \(id.rawValue)") }
        let committee = meeting.committeeID.rawValue
        return try await read { db in
            var sql: SQLQueryString = "SELECT * FROM reported_matters WHERE reported_at = \(bind: id.rawValue)"
            if [.planned, .notified].contains(meeting.state), let date = meeting.date {
                let next = try await db.raw("""
                    SELECT id FROM meetings WHERE committee_id = \(bind: committee) AND state IN ('planerat', 'kallat')
                    ORDER BY date, id LIMIT 1
                    """).first().map { try $0.id() }
                if next == id.rawValue {
                    sql = sql + " OR (committee_id = \(bind: committee) AND reported_at IS NULL AND (dated IS NULL OR dated <= \(bind: date.iso)))"
                }
            }
            let rows = try await db.raw(sql + " ORDER BY position, dated, id").all()
            return ReportedMatters(
                delegatedDecisions: try rows.filter { try $0.string("kind") == AgendaItemKind.delegatedDecisions.rawValue }.map(Self.delegatedDecision),
                notifications: try rows.filter { try $0.string("kind") == AgendaItemKind.notifications.rawValue }.map(Self.notification))
        }
    }

    /// At the lock: what was pending goes into the minutes, with the paragraph that reported it;
    /// an open remiss whose case a paragraph decided is answered by that paragraph.
    static func markReported(meeting: MeetingID, committee: Int64, date: LocalDate?, paragraphs: [Paragraph], db: any SQLDatabase) async throws {
        for paragraph in paragraphs {
            guard let caseID = paragraph.caseID?.rawValue, let id = paragraph.id?.rawValue else { continue }
            try await db.raw("""
                UPDATE referrals SET answered_by_paragraph = \(bind: id), meeting_id = \(bind: meeting.rawValue)
                WHERE case_id = \(bind: caseID) AND direction = \(bind: ReferralDirection.incoming.rawValue) AND answered_by_paragraph IS NULL
                """).run()
        }
        for kind in [AgendaItemKind.delegatedDecisions, .notifications] {
            let paragraph = paragraphs.first { AgendaItemKind.listing(titled: $0.title) == kind }?.id?.rawValue
            var sql: SQLQueryString = """
                UPDATE reported_matters SET reported_at = \(bind: meeting.rawValue), paragraph_id = \(bind: paragraph)
                WHERE committee_id = \(bind: committee) AND kind = \(bind: kind.rawValue) AND reported_at IS NULL
                """
            if let date { sql = sql + " AND (dated IS NULL OR dated <= \(bind: date.iso))" }
            try await db.raw(sql).run()
        }
    }

    /// Delegated decisions and anmälningsärenden listed in a meeting's public paragraphs, by § number.
    public func publicMatters(meeting id: MeetingID) async throws -> [Int: [ListedMatter]] {
        try await read { db in
            try await db.raw("""
                SELECT r.*, p.number AS p_number FROM reported_matters r JOIN paragraphs p ON p.id = r.paragraph_id
                WHERE r.reported_at = \(bind: id.rawValue) AND p.is_public ORDER BY p.number, r.position, r.id
                """).all().reduce(into: [Int: [ListedMatter]]()) { out, row in
                let kind = try row.enumValue("kind", as: AgendaItemKind.self)
                out[try row.int("p_number"), default: []].append(
                    ListedMatter(kind: kind, title: try row.string("title"), party: try row.optionalString("party"),
                                 date: try row.optionalDate("dated"), delegationPoint: try row.optionalString("delegation_point"),
                                 diaryNumber: try row.optionalString("diary_number")))
            }
        }
    }
}

// MARK: - What is due, and reminders

extension SQLStore {
    /// Open assignments with a report-back day and open referrals with a deadline, with the
    /// handläggare of the case behind each; of the given committees, or of all.
    public func dueItems(committees: [CommitteeID]?) async throws -> [DueItem] {
        if let committees, committees.isEmpty { return [] }
        let scope = committees.map { ids in SQLQueryString(" AND x.committee_id IN (\(binds: ids.map(\.rawValue)))") } ?? ""
        return try await read { db in
            let assignments = try await db.raw("""
                SELECT x.id, x.text, x.receiver, x.report_back_by, x.committee_id, c.name AS committee_name, k.handler
                FROM assignments x JOIN committees c ON c.id = x.committee_id
                LEFT JOIN paragraphs p ON p.id = x.paragraph_id LEFT JOIN cases k ON k.id = p.case_id
                WHERE x.report_back_by IS NOT NULL AND x.status NOT IN (\(bind: AssignmentStatus.done.rawValue), \(bind: AssignmentStatus.closed.rawValue))
                """ as SQLQueryString + scope).all().map { row in
                DueItem(kind: .assignment, id: try row.id(), title: try row.string("text"), committeeID: CommitteeID(try row.id("committee_id")),
                        committee: try row.string("committee_name"), due: try row.date("report_back_by"),
                        counterpart: try row.optionalString("receiver"), handler: try row.optionalString("handler"))
            }
            let referrals = try await db.raw("""
                SELECT x.*, c.name AS committee_name, k.handler FROM referrals x JOIN committees c ON c.id = x.committee_id
                LEFT JOIN cases k ON k.id = x.case_id WHERE x.answered_by_paragraph IS NULL
                """ as SQLQueryString + scope).all().compactMap { row -> DueItem? in
                let referral = try Self.referral(row)
                guard referral.isOpen, let due = referral.deadlineInForce else { return nil }
                return DueItem(kind: .referral, id: try row.id(), title: referral.title, committeeID: referral.committeeID,
                               committee: try row.string("committee_name"), due: due,
                               counterpart: referral.counterparts.joined(separator: ", "), handler: try row.optionalString("handler"))
            }
            return assignments + referrals
        }
    }

    public func remindersSent(keys: [String]) async throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return try await read { db in
            Set(try await db.select().column("key").from("reminders_sent").where("key", .in, SQLBind.group(keys)).all()
                .map { try $0.string("key") })
        }
    }

    /// Notes reminders as sent, once the SMTP server has taken the message.
    public func markRemindersSent(keys: [String]) async throws {
        let now = Timestamp.now()
        try await write(counted: false) { db in
            try await db.insertRows("reminders_sent", columns: ["key", "sent_at"], rows: keys.map { [$0, now] })
        }
    }
}

// MARK: - Periodic reports

extension SQLStore {
    static func periodicReport(_ row: any SQLRow) throws -> PeriodicReport {
        PeriodicReport(id: PeriodicReportID(try row.id()), committeeID: CommitteeID(try row.id("committee_id")), title: try row.string("title"),
                       period: try row.string("period"), tables: try JSONText.decode([ReportTable].self, try row.string("tables")),
                       meetingID: try row.optionalID("meeting_id").map(MeetingID.init(rawValue:)), paragraphNumber: try row.optionalInt("paragraph_number"))
    }

    /// Saves a report whole (its tables as read), logged.
    public func save(_ report: PeriodicReport, actor: String) async throws -> PeriodicReport {
        if report.title.trimmingCharacters(in: .whitespaces).isEmpty || report.tables.isEmpty {
            throw StoreError.invalid("en rapport behöver en rubrik och minst en tabell")
        }
        let row = Row([("committee_id", report.committeeID.rawValue), ("title", report.title), ("period", report.period),
                       ("tables", try JSONText.encode(report.tables)), ("meeting_id", report.meetingID?.rawValue),
                       ("paragraph_number", report.paragraphNumber)])
        var saved = report
        saved.id = PeriodicReportID(try await write { db in
            let id = try await db.upsert("periodic_reports", id: report.id?.rawValue, row)
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor, action: report.id == nil ? "lade in rapport" : "ändrade rapport",
                                                 subjectKind: "rapport", subjectID: id,
                                                 after: "{\"title\":\(try JSONText.encode(report.title))}"), db: db)
            return id
        })
        return saved
    }

    public func periodicReport(_ id: PeriodicReportID) async throws -> PeriodicReport? {
        try await read { db in
            try await db.select().column("*").from("periodic_reports").where("id", .equal, SQLBind(id.rawValue)).first().map(Self.periodicReport)
        }
    }

    /// The reports of a committee, or those attached to a meeting's paragraphs.
    public func periodicReports(committee: CommitteeID? = nil, meeting: MeetingID? = nil) async throws -> [PeriodicReport] {
        try await read { db in
            var query = db.select().column("*").from("periodic_reports")
            if let committee { query = query.where("committee_id", .equal, SQLBind(committee.rawValue)) }
            if let meeting { query = query.where("meeting_id", .equal, SQLBind(meeting.rawValue)) }
            return try await query.orderBy("id").all().map(Self.periodicReport)
        }
    }
}
