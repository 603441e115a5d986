import ParagrafCore
import SQLKit

private let refColumns = ["person_id", "name", "party"]

extension SQLStore {
    public func save(_ minutes: Minutes) async throws -> Minutes {
        try Self.validate(minutes)
        if let signed = try await signedMinutes(for: minutes.meetingID), signed.lockedAt != nil {
            throw StoreError.invalid("protokollet är justerat och låst; det ändras inte")
        }
        return try await write { db in try await Self.writeMinutes(minutes, db: db) }
    }

    /// A meeting its caller has just created: nothing to look up or replace, and perhaps its
    /// § numbers already found free in the committee's year.
    struct NewMeeting {
        var committee: CommitteeID
        var year: Int
        var numbersFree: Bool
    }

    /// Writes minutes inside the caller's transaction, replacing any earlier version whole.
    static func writeMinutes(_ minutes: Minutes, db: any SQLDatabase, newMeeting: NewMeeting? = nil) async throws -> Minutes {
        let meetingID = minutes.meetingID.rawValue
        let meeting: (committee: CommitteeID, year: Int)
        if let newMeeting {
            meeting = (newMeeting.committee, newMeeting.year)
        } else {
            meeting = try await Self.requireMeeting(db, minutes.meetingID)
            // Replacing is whole: the cascade removes every row of the earlier version.
            try await db.delete(from: "minutes").where("meeting_id", .equal, SQLBind(meetingID)).run()
        }
        let now = Timestamp.now()
        try await db.insert(into: "minutes").columns(
            "meeting_id", "chair_person_id", "chair_name", "chair_party", "secretary", "adjustment_place",
            "adjustment_date", "has_adjustment", "announced_on", "minutes_kept_at", "created_at", "modified_at"
        ).values(([
            meetingID, minutes.chair?.personID?.rawValue, minutes.chair?.name, minutes.chair?.party, minutes.secretary,
            minutes.adjustment?.place, minutes.adjustment?.date?.iso, minutes.adjustment != nil,
            minutes.announcement?.posted.iso, minutes.announcement?.minutesKeptAt, now, now,
        ] as [Value]).map { SQLBind($0) }).run()

        let adjusters = minutes.adjustment?.adjusters ?? []
        try await db.insertRows("adjusters", columns: ["meeting_id", "position"] + refColumns,
                                rows: adjusters.enumerated().map { [meetingID, $0] + $1.columnValues })
        try await db.insertRows("signatures", columns: ["meeting_id", "position"] + refColumns + ["role", "signed_on", "method"],
                                rows: (minutes.adjustment?.signatures ?? []).enumerated().map { i, s in
                                    [meetingID, i] + s.signer.columnValues + [s.role.rawValue, s.signedOn.iso, s.method]
                                })
        try await db.insertRows("attendances", columns: ["meeting_id", "position"] + refColumns + [
            "role", "replacing_person_id", "replacing_name", "replacing_party", "from_paragraph", "to_paragraph",
        ], rows: minutes.attendance.enumerated().map { i, a in
            [meetingID, i] + a.person.columnValues + [a.role.rawValue, a.replacing?.personID?.rawValue,
                                                       a.replacing?.name, a.replacing?.party, a.fromParagraph, a.toParagraph]
        })
        try await db.insertRows("official_attendances", columns: ["meeting_id", "position", "name", "title", "from_paragraph", "to_paragraph"],
                                rows: minutes.officials.enumerated().map { i, o in
                                    [meetingID, i, o.name, o.title, o.fromParagraph, o.toParagraph]
                                })
        var saved = minutes
        saved.paragraphs = try await Self.insertParagraphs(minutes.paragraphs, into: minutes.meetingID, of: meeting, db: db,
                                                           numbersFree: newMeeting?.numbersFree ?? false)
        return saved
    }

    /// Adds paragraphs to a meeting's minutes, refusing § numbers another meeting of the
    /// committee's year holds (unless the caller has just found them free); returns them with their new ids.
    static func insertParagraphs(_ paragraphs: [Paragraph], into meeting: MeetingID, of place: (committee: CommitteeID, year: Int),
                                 db: any SQLDatabase, numbersFree: Bool = false) async throws -> [Paragraph] {
        let (committee, year) = place
        if !numbersFree {
            try await Self.checkNumbersFree(paragraphs.map(\.number), meeting: meeting, committee: committee, year: year, db: db)
        }
        let ids = try await Self.insert(paragraphs, committee: committee, year: year, db: db)
        var saved = paragraphs
        for index in saved.indices { saved[index].id = ids[index] }
        return saved
    }

    /// § numbers run through a committee's year: another meeting's paragraph with one of these
    /// numbers is a conflict. One query for all of them.
    static func checkNumbersFree(_ numbers: [Int], meeting: MeetingID, committee: CommitteeID, year: Int,
                                 db: any SQLDatabase) async throws {
        guard !numbers.isEmpty else { return }
        let clash = try await db.select().column("number").from("paragraphs")
            .where("committee_id", .equal, SQLBind(committee.rawValue)).where("year", .equal, SQLBind(year))
            .where("meeting_id", .notEqual, SQLBind(meeting.rawValue))
            .where("number", .in, SQLGroupExpression(numbers.map { SQLBind($0) })).orderBy("number").first()
        if let clash {
            throw StoreError.conflict("§ \(try clash.int("number")) år \(year) finns redan i ett annat protokoll från samma nämnd")
        }
    }

    static func validate(_ minutes: Minutes) throws {
        var seen = Set<Int>()
        for paragraph in minutes.paragraphs {
            guard paragraph.meetingID == minutes.meetingID else {
                throw StoreError.invalid("§ \(paragraph.number) hör till ett annat sammanträde")
            }
            guard seen.insert(paragraph.number).inserted else {
                throw StoreError.invalid("§ \(paragraph.number) förekommer två gånger i protokollet")
            }
        }
    }

    /// Inserts paragraphs with all their children, a few statements per table for all of them
    /// rather than per paragraph; the caller has checked that their numbers are free.
    static func insert(_ paragraphs: [Paragraph], committee: CommitteeID, year: Int, db: any SQLDatabase) async throws -> [ParagraphID] {
        guard !paragraphs.isEmpty else { return [] }
        let now = Timestamp.now()
        var rows: [[Value]] = []
        for p in paragraphs {
            rows.append([p.meetingID.rawValue, committee.rawValue, year, p.number, p.title, p.caseID?.rawValue,
                         p.diaryNumber?.description, p.diaryNumber?.classification?.code, p.isPublic, p.decisionText,
                         p.description, p.procedure?.text, try p.procedure.map { try JSONText.encode($0.questions) },
                         p.immediatelyAdjusted, now, now])
        }
        // Numbers are unique in a committee's year, so they tell which new id is whose.
        let found = try await db.insertRows("paragraphs", columns: [
            "meeting_id", "committee_id", "year", "number", "title", "case_id", "diary_number", "classification", "is_public",
            "decision_text", "description", "procedure_text", "procedure_questions", "immediately_adjusted", "created_at", "modified_at",
        ], rows: rows, returning: ["id", "number"])
        let byNumber = try Dictionary(found.map { (try $0.int("number"), try $0.id()) }, uniquingKeysWith: { a, _ in a })
        let ids = try paragraphs.map { p -> Int64 in
            guard let id = byNumber[p.number] else { throw StoreError.invalid("§ \(p.number) sparades inte") }
            return id
        }
        let pairs = Array(zip(paragraphs, ids))
        try await Self.index(paragraphs, ids: ids, db: db)

        try await db.insertRows("decision_clauses", columns: ["paragraph_id", "position", "number", "text"],
                                rows: pairs.flatMap { p, id in p.decision.enumerated().map { [id, $0, $1.number, $1.text] as [Value] } })
        try await db.insertRows("basis_items", columns: ["paragraph_id", "position", "text"],
                                rows: pairs.flatMap { p, id in p.basis.enumerated().map { [id, $0, $1] as [Value] } })
        try await db.insertRows("recipients", columns: ["paragraph_id", "position", "name"],
                                rows: pairs.flatMap { p, id in p.recipients.enumerated().map { [id, $0, $1] as [Value] } })
        try await db.insertRows("disqualifications", columns: ["paragraph_id", "position"] + refColumns + ["reason"],
                                rows: pairs.flatMap { p, id in
                                    p.disqualifications.enumerated().map { [id, $0] + $1.person.columnValues + [$1.reason] }
                                })

        // Rows with children of their own: inserted together, their ids returned with (paragraph, position).
        func owners(_ table: String, _ columns: [String], _ rows: [[Value]]) async throws -> [Int64: [Int: Int64]] {
            guard !rows.isEmpty else { return [:] }
            let back = try await db.insertRows(table, columns: ["paragraph_id", "position"] + columns, rows: rows,
                                               returning: ["id", "paragraph_id", "position"])
            var map: [Int64: [Int: Int64]] = [:]
            for row in back { map[try row.id("paragraph_id"), default: [:]][try row.int("position")] = try row.id() }
            return map
        }
        let proposals = try await owners("proposals", ["kind", "text", "withdrawn"], pairs.flatMap { p, id in
            p.proposals.enumerated().map { [id, $0, $1.kind.rawValue, $1.text, $1.withdrawn] as [Value] }
        })
        try await db.insertRows("proposal_authors", columns: ["proposal_id", "position"] + refColumns, rows: pairs.flatMap { p, id in
            p.proposals.enumerated().flatMap { i, proposal in
                proposal.by.enumerated().map { [proposals[id]![i]!, $0] + $1.columnValues }
            }
        })
        let votes = try await owners("votes", ["kind", "question", "yes_means", "no_means", "lot_winner"], pairs.flatMap { p, id in
            p.votes.enumerated().map { [id, $0, $1.kind.rawValue, $1.question, $1.yesMeans, $1.noMeans, $1.lotWinner?.rawValue] as [Value] }
        })
        try await db.insertRows("ballots", columns: ["vote_id", "position"] + refColumns + ["choice"], rows: pairs.flatMap { p, id in
            p.votes.enumerated().flatMap { i, vote in
                vote.ballots.enumerated().map { [votes[id]![i]!, $0] + $1.voter.columnValues + [$1.choice.rawValue] }
            }
        })
        let reservations = try await owners("reservations", ["reasons"], pairs.flatMap { p, id in
            p.reservations.enumerated().map { [id, $0, $1.reasons] as [Value] }
        })
        try await db.insertRows("reservation_authors", columns: ["reservation_id", "position"] + refColumns, rows: pairs.flatMap { p, id in
            p.reservations.enumerated().flatMap { i, reservation in
                reservation.by.enumerated().map { [reservations[id]![i]!, $0] + $1.columnValues }
            }
        })
        let statements = try await owners("statements", ["kind", "text"], pairs.flatMap { p, id in
            p.statements.enumerated().map { [id, $0, $1.kind.rawValue, $1.text] as [Value] }
        })
        try await db.insertRows("statement_authors", columns: ["statement_id", "position"] + refColumns, rows: pairs.flatMap { p, id in
            p.statements.enumerated().flatMap { i, statement in
                statement.by.enumerated().map { [statements[id]![i]!, $0] + $1.columnValues }
            }
        })
        return ids.map(ParagraphID.init(rawValue:))
    }

    public func minutes(for meeting: MeetingID) async throws -> Minutes? {
        try await read { db in
            let m = meeting.rawValue
            guard let row = try await db.select().column("*").from("minutes").where("meeting_id", .equal, SQLBind(m)).first() else {
                return nil
            }
            var minutes = Minutes(meetingID: meeting)
            minutes.secretary = try row.optionalString("secretary")
            if let chair = try row.optionalString("chair_name") {
                minutes.chair = PersonRef(personID: try row.optionalID("chair_person_id").map(PersonID.init(rawValue:)), name: chair,
                                          party: try row.optionalString("chair_party"))
            }
            if try row.bool("has_adjustment") {
                let adjusters = try await Self.ordered(db, "adjusters", "meeting_id", m).map { try $0.personRef() }
                let signatures = try await Self.ordered(db, "signatures", "meeting_id", m).map { r in
                    Signature(signer: try r.personRef(), role: try r.enumValue("role", as: SignatoryRole.self),
                              signedOn: try r.date("signed_on"), method: try r.optionalString("method"))
                }
                minutes.adjustment = Adjustment(adjusters: adjusters, place: try row.optionalString("adjustment_place"),
                                                date: try row.optionalDate("adjustment_date"), signatures: signatures)
            }
            if let posted = try row.optionalDate("announced_on") {
                minutes.announcement = Announcement(posted: posted, minutesKeptAt: try row.optionalString("minutes_kept_at"))
            }
            minutes.attendance = try await Self.ordered(db, "attendances", "meeting_id", m).map { r in
                var replacing: PersonRef? = nil
                if let name = try r.optionalString("replacing_name") {
                    replacing = PersonRef(personID: try r.optionalID("replacing_person_id").map(PersonID.init(rawValue:)), name: name,
                                          party: try r.optionalString("replacing_party"))
                }
                return Attendance(person: try r.personRef(), role: try r.enumValue("role", as: AttendanceRole.self),
                                  replacing: replacing, fromParagraph: try r.optionalInt("from_paragraph"),
                                  toParagraph: try r.optionalInt("to_paragraph"))
            }
            minutes.officials = try await Self.ordered(db, "official_attendances", "meeting_id", m).map { r in
                OfficialAttendance(name: try r.string("name"), title: try r.optionalString("title"),
                                   fromParagraph: try r.optionalInt("from_paragraph"), toParagraph: try r.optionalInt("to_paragraph"))
            }
            let rows = try await db.select().column("*").from("paragraphs").where("meeting_id", .equal, SQLBind(m))
                .orderBy("number").all()
            minutes.paragraphs = try await Self.paragraphs(rows, db: db,
                                                           scope: SQLRaw("SELECT id FROM paragraphs WHERE meeting_id = \(m)"))
            return minutes
        }
    }

    public func paragraph(_ id: ParagraphID) async throws -> Paragraph? {
        try await read { db in
            let rows = try await db.select().column("*").from("paragraphs").where("id", .equal, SQLBind(id.rawValue)).all()
            return try await Self.paragraphs(rows, db: db, scope: SQLRaw("SELECT \(id.rawValue)")).first
        }
    }

    public func paragraph(meeting: MeetingID, number: Int) async throws -> Paragraph? {
        try await read { db in
            let rows = try await db.select().column("*").from("paragraphs").where("meeting_id", .equal, SQLBind(meeting.rawValue))
                .where("number", .equal, SQLBind(number)).all()
            guard let id = try rows.first?.id() else { return nil }
            return try await Self.paragraphs(rows, db: db, scope: SQLRaw("SELECT \(id)")).first
        }
    }

    public func paragraphs(ofCase matter: CaseID) async throws -> [Paragraph] {
        try await read { db in
            let rows = try await db.select().column("*").from("paragraphs").where("case_id", .equal, SQLBind(matter.rawValue))
                .orderBy("year").orderBy("committee_id").orderBy("number").all()
            return try await Self.paragraphs(rows, db: db, scope: SQLRaw("SELECT id FROM paragraphs WHERE case_id = \(matter.rawValue)"))
        }
    }

    public func paragraphNumbers(meeting: MeetingID) async throws -> [Int] {
        try await read { db in
            try await db.select().column("number").from("paragraphs").where("meeting_id", .equal, SQLBind(meeting.rawValue))
                .orderBy("number").all().map { try $0.int("number") }
        }
    }

    public func highestParagraphNumber(committee: CommitteeID, year: Int) async throws -> Int? {
        try await read { db in
            try await db.select().column(SQLFunction("max", args: SQLIdentifier("number")), as: "highest").from("paragraphs")
                .where("committee_id", .equal, SQLBind(committee.rawValue)).where("year", .equal, SQLBind(year))
                .first()?.optionalInt("highest")
        }
    }

    public func paragraphCount() async throws -> Int {
        try await read { db in
            try await db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from("paragraphs").first()?.int("n") ?? 0
        }
    }

    public func noticesOfAdjustment(postedFrom: LocalDate, through: LocalDate) async throws -> [NoticeOfAdjustment] {
        try await read { db in
            try await db.raw("""
                SELECT mi.meeting_id, mi.adjustment_date, mi.announced_on, mi.minutes_kept_at, m.date, m.year,
                       c.name AS committee, mu.name AS municipality,
                       (SELECT min(number) FROM paragraphs p WHERE p.meeting_id = m.id) AS first_number,
                       (SELECT max(number) FROM paragraphs p WHERE p.meeting_id = m.id) AS last_number
                FROM minutes mi JOIN meetings m ON m.id = mi.meeting_id JOIN committees c ON c.id = m.committee_id
                JOIN municipalities mu ON mu.id = c.municipality_id
                WHERE mi.announced_on >= \(bind: postedFrom.iso) AND mi.announced_on <= \(bind: through.iso)
                ORDER BY mi.announced_on DESC, c.name, mi.meeting_id
                """).all().map { row in
                let first = try row.optionalInt("first_number"), last = try row.optionalInt("last_number")
                return NoticeOfAdjustment(
                    meetingID: MeetingID(try row.id("meeting_id")), municipality: try row.string("municipality"),
                    committee: try row.string("committee"),
                    meeting: try row.optionalDate("date").map(MeetingDating.on) ?? .undated(year: try row.int("year")),
                    adjusted: try row.optionalDate("adjustment_date"),
                    announcement: Announcement(posted: try row.date("announced_on"), minutesKeptAt: try row.optionalString("minutes_kept_at")),
                    paragraphs: first.flatMap { f in last.map { f...max(f, $0) } })
            }
        }
    }

    private static func ordered(_ db: any SQLDatabase, _ table: String, _ column: String, _ id: Int64) async throws -> [any SQLRow] {
        try await db.select().column("*").from(table).where(column, .equal, SQLBind(id)).orderBy("position").all()
    }

    /// Builds paragraphs from their rows, loading each child table once for all of them.
    /// `scope` is a subquery (of our own making, with integer ids only) yielding their ids.
    private static func paragraphs(_ rows: [any SQLRow], db: any SQLDatabase, scope: SQLRaw) async throws -> [Paragraph] {
        guard !rows.isEmpty else { return [] }
        func children(_ table: String, parent: String = "paragraph_id", parentScope: SQLRaw? = nil) async throws -> [Int64: [any SQLRow]] {
            let all = try await db.select().column("*").from(table)
                .where(parent, .in, SQLGroupExpression(parentScope ?? scope))
                .orderBy(parent).orderBy("position").all()
            return try Dictionary(grouping: all, by: { try $0.id(parent) })
        }
        let clauses = try await children("decision_clauses")
        let basis = try await children("basis_items")
        let recipients = try await children("recipients")
        let disqualifications = try await children("disqualifications")
        let proposals = try await children("proposals")
        let votes = try await children("votes")
        let reservations = try await children("reservations")
        let statements = try await children("statements")
        func sub(_ table: String, parent: String, of owner: String) async throws -> [Int64: [any SQLRow]] {
            let raw = "SELECT id FROM \(owner) WHERE paragraph_id IN (\(scope.sql))"
            return try await children(table, parent: parent, parentScope: SQLRaw(raw))
        }
        let proposalAuthors = try await sub("proposal_authors", parent: "proposal_id", of: "proposals")
        let ballots = try await sub("ballots", parent: "vote_id", of: "votes")
        let reservationAuthors = try await sub("reservation_authors", parent: "reservation_id", of: "reservations")
        let statementAuthors = try await sub("statement_authors", parent: "statement_id", of: "statements")

        return try rows.map { row in
            let id = try row.id()
            let refs = { (table: [Int64: [any SQLRow]], key: Int64) throws -> [PersonRef] in
                try (table[key] ?? []).map { try $0.personRef() }
            }
            return Paragraph(
                id: ParagraphID(id), meetingID: MeetingID(try row.id("meeting_id")), number: try row.int("number"),
                title: try row.string("title"), caseID: try row.optionalID("case_id").map(CaseID.init(rawValue:)),
                diaryNumber: try row.diaryNumber("diary_number", classification: "classification"),
                isPublic: try row.bool("is_public"),
                decision: try (clauses[id] ?? []).map { DecisionClause(number: try $0.optionalInt("number"), text: try $0.string("text")) },
                description: try row.optionalString("description"),
                basis: try (basis[id] ?? []).map { try $0.string("text") },
                proposals: try (proposals[id] ?? []).map { r in
                    Proposal(by: try refs(proposalAuthors, try r.id()), kind: try r.enumValue("kind", as: ProposalKind.self),
                             text: try r.string("text"), withdrawn: try r.bool("withdrawn"))
                },
                procedure: try row.optionalString("procedure_text").map { text in
                    DecisionProcedure(text: text, questions: try row.optionalString("procedure_questions")
                        .map { try JSONText.decode([PropositionQuestion].self, $0) } ?? [])
                },
                votes: try (votes[id] ?? []).map { r in
                    Vote(kind: try r.enumValue("kind", as: VoteKind.self), question: try r.optionalString("question"),
                         yesMeans: try r.string("yes_means"), noMeans: try r.string("no_means"),
                         ballots: try (ballots[try r.id()] ?? []).map {
                             Ballot(voter: try $0.personRef(), choice: try $0.enumValue("choice", as: BallotChoice.self))
                         },
                         lotWinner: try r.optionalString("lot_winner").flatMap(BallotChoice.init(rawValue:)))
                },
                reservations: try (reservations[id] ?? []).map { r in
                    Reservation(by: try refs(reservationAuthors, try r.id()), reasons: try r.optionalString("reasons"))
                },
                statements: try (statements[id] ?? []).map { r in
                    Statement(kind: try r.enumValue("kind", as: StatementKind.self), by: try refs(statementAuthors, try r.id()),
                              text: try r.string("text"))
                },
                disqualifications: try (disqualifications[id] ?? []).map {
                    Disqualification(person: try $0.personRef(), reason: try $0.optionalString("reason"))
                },
                recipients: try (recipients[id] ?? []).map { try $0.string("name") },
                immediatelyAdjusted: try row.bool("immediately_adjusted"))
        }
    }
}
