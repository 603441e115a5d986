import ParagrafCore
import SQLKit

extension SQLStore {
    /// Plans a new meeting or changes a planned or notified one, and logs it. A held meeting's
    /// facts are the minutes' and are not changed here.
    public func plan(_ meeting: Meeting, actor: String) async throws -> Meeting {
        let before: Meeting? = if let id = meeting.id { try await self.meeting(id) } else { nil }
        if meeting.id != nil, before == nil { throw StoreError.notFound("sammanträde \(meeting.id!.rawValue)") }
        if let before {
            guard [MeetingState.planned, .notified].contains(before.state) else {
                throw StoreError.invalid("sammanträdet är \(before.state.rawValue) och kan inte planeras om")
            }
            guard before.committeeID == meeting.committeeID else { throw StoreError.invalid("ett sammanträde byter inte nämnd") }
        }
        guard meeting.date != nil else { throw StoreError.invalid("ett planerat sammanträde behöver ett datum") }
        guard before == nil || meeting.state == before!.state else {
            throw StoreError.invalid("sammanträdets status ändras genom kallelse, protokoll och justering")
        }
        let row = Self.meetingRow(meeting)
        let id = try await write { db in
            let id = try await db.upsert("meetings", id: meeting.id?.rawValue, row)
            var logged = meeting
            logged.id = MeetingID(id)
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor, action: before == nil ? "planerade" : "ändrade",
                                                 subjectKind: "sammanträde", subjectID: id, before: try before.map { try JSONText.encode($0) },
                                                 after: try JSONText.encode(logged)), db: db)
            return id
        }
        var saved = meeting
        saved.id = MeetingID(id)
        return saved
    }

    /// Replaces a planned or notified meeting's agenda whole, and logs it before and after.
    public func setAgenda(_ items: [AgendaItem], for meeting: MeetingID, actor: String) async throws -> [AgendaItem] {
        guard let stored = try await self.meeting(meeting) else { throw StoreError.notFound("sammanträde \(meeting.rawValue)") }
        guard [MeetingState.planned, .notified].contains(stored.state) else {
            throw StoreError.invalid("sammanträdet är \(stored.state.rawValue); föredragningslistan ändras inte längre")
        }
        try Self.checkAgenda(items, for: meeting)
        let before = try await agenda(for: meeting)
        return try await write { db in
            let saved = try await Self.replaceAgenda(items, for: meeting, db: db)
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor, action: "ändrade föredragningslistan",
                                                 subjectKind: "sammanträde", subjectID: meeting.rawValue,
                                                 before: try JSONText.encode(before), after: try JSONText.encode(saved)), db: db)
            return saved
        }
    }

    /// Issues (or issues anew) the notice of a planned or notified meeting, which is then notified; logged.
    public func issue(_ notice: Notice, actor: String) async throws {
        guard var meeting = try await self.meeting(notice.meetingID) else { throw StoreError.notFound("sammanträde \(notice.meetingID.rawValue)") }
        let again = meeting.state == .notified
        if !again { try meeting.advance(to: .notified) }
        let before = try await self.notice(for: notice.meetingID)
        let row = Self.meetingRow(meeting)
        let id = notice.meetingID.rawValue
        try await write { db in
            try await db.updateByID("meetings", id: id, row)
            try await Self.saveNotice(notice, db: db)
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor, action: again ? "kallade på nytt" : "kallade",
                                                 subjectKind: "sammanträde", subjectID: id, before: try before.map { try JSONText.encode($0) },
                                                 after: try JSONText.encode(notice)), db: db)
        }
    }

    /// Records a member's absence from a meeting not yet held; logged. Reporting twice changes nothing.
    public func reportAbsence(_ absence: Absence, actor: String) async throws {
        guard let meeting = try await self.meeting(absence.meetingID) else { throw StoreError.notFound("sammanträde \(absence.meetingID.rawValue)") }
        guard [MeetingState.planned, .notified].contains(meeting.state) else {
            throw StoreError.invalid("sammanträdet är \(meeting.state.rawValue); förhinder anmäls före sammanträdet")
        }
        try await write { db in
            let existing = try await db.select().column("person_id").from("absences")
                .where("meeting_id", .equal, SQLBind(absence.meetingID.rawValue)).where("person_id", .equal, SQLBind(absence.personID.rawValue)).first()
            guard existing == nil else { return }
            try await db.insert(into: "absences").columns("meeting_id", "person_id", "reported_at", "reported_by")
                .values(SQLBind(absence.meetingID.rawValue), SQLBind(absence.personID.rawValue), SQLBind(absence.reportedAt),
                        SQLBind(absence.reportedBy)).run()
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor, action: "anmälde förhinder", subjectKind: "sammanträde",
                                                 subjectID: absence.meetingID.rawValue, after: try JSONText.encode(absence)), db: db)
        }
    }

    /// Takes an absence back (the member can attend after all); logged.
    public func withdrawAbsence(meeting: MeetingID, person: PersonID, actor: String) async throws {
        try await write { db in
            let removed = try await db.delete(from: "absences").where("meeting_id", .equal, SQLBind(meeting.rawValue))
                .where("person_id", .equal, SQLBind(person.rawValue)).returning("person_id").all()
            guard !removed.isEmpty else { return }
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor, action: "återkallade förhinder", subjectKind: "sammanträde",
                                                 subjectID: meeting.rawValue, after: "{\"person\":\(person.rawValue)}"), db: db)
        }
    }

    public func absences(for meeting: MeetingID) async throws -> [Absence] {
        try await read { db in
            try await db.select().column("*").from("absences").where("meeting_id", .equal, SQLBind(meeting.rawValue))
                .orderBy("reported_at").all().map { row in
                    Absence(meetingID: meeting, personID: PersonID(try row.id("person_id")), reportedAt: try row.string("reported_at"),
                            reportedBy: try row.string("reported_by"))
                }
        }
    }
}
