import ParagrafCore
import SQLKit

extension SQLStore {
    public func open(_ draft: MinutesDraft, actor: String) async throws {
        let id = draft.minutes.meetingID
        guard var meeting = try await self.meeting(id) else { throw StoreError.notFound("sammanträde \(id.rawValue)") }
        guard meeting.state == .notified else {
            throw StoreError.invalid("sammanträdet är \(meeting.state.rawValue); bara ett kallat sammanträde kan öppnas")
        }
        let highest = try await highestParagraphNumber(inDraftsOrMinutesOf: meeting.committeeID, year: meeting.year, except: id)
        let problems = ParagraphNumbering.problems(numbers: draft.minutes.paragraphs.map(\.number), highestBefore: highest)
        guard problems.isEmpty else {
            throw StoreError.invalid("paragrafnumren följer inte årets tidigare paragrafer: " + problems.map(\.description).joined(separator: " "))
        }
        meeting.state = .held
        let row = Self.meetingRow(meeting)
        let body = try JSONText.encode(draft)
        try await write { db in
            try await db.updateByID("meetings", id: id.rawValue, row)
            let now = Timestamp.now()
            try await db.insert(into: "minutes_drafts").columns("meeting_id", "body", "version", "created_at", "modified_at")
                .values(SQLBind(id.rawValue), SQLBind(body), SQLBind(1), SQLBind(now), SQLBind(now)).run()
            _ = try await Self.record(AuditEntry(at: now, actor: actor, action: "öppnade sammanträdet", subjectKind: "protokoll",
                                                 subjectID: id.rawValue, after: try JSONText.encode(draft.minutes.attendance)), db: db)
        }
    }

    /// The highest § number a committee used in a year, in filed minutes and in drafts of other meetings.
    public func highestParagraphNumber(inDraftsOrMinutesOf committee: CommitteeID, year: Int, except meeting: MeetingID) async throws -> Int {
        var highest = try await highestParagraphNumber(committee: committee, year: year) ?? 0
        for other in try await meetings(of: committee, year: year) where other.id != meeting {
            if let (otherDraft, _) = try await minutesDraft(for: other.id!) {
                highest = max(highest, otherDraft.minutes.paragraphs.map(\.number).max() ?? 0)
            }
        }
        return highest
    }

    public func minutesDraft(for meeting: MeetingID) async throws -> (draft: MinutesDraft, version: Int)? {
        try await read { db in
            guard let row = try await db.select().columns("body", "version").from("minutes_drafts")
                .where("meeting_id", .equal, SQLBind(meeting.rawValue)).first() else { return nil }
            return (try JSONText.decode(MinutesDraft.self, try row.string("body")), try row.int("version"))
        }
    }

    public func save(_ draft: MinutesDraft, version: Int, actor: String, action: String, paragraph: Int?) async throws -> Int {
        let id = draft.minutes.meetingID
        guard let (before, stored) = try await minutesDraft(for: id) else { throw StoreError.notFound("protokollsutkast för sammanträde \(id.rawValue)") }
        if try await signedMinutes(for: id, part: 0) != nil {
            throw StoreError.invalid("protokollet är skickat för justering och ändras inte längre")
        }
        // A paragraph sent for immediate adjustment stays as it was signed.
        for p in draft.minutes.paragraphs where p != before.paragraph(p.number) {
            if try await signedMinutes(for: id, part: p.number) != nil {
                throw StoreError.invalid("§ \(p.number) är skickad för omedelbar justering och ändras inte längre")
            }
        }
        guard stored == version else {
            throw StoreError.conflict("protokollet har ändrats av någon annan sedan sidan visades; ladda om sidan och gör ändringen igen")
        }
        func part(_ d: MinutesDraft) throws -> String? {
            if let paragraph { return try d.paragraph(paragraph).map { try JSONText.encode($0) } }
            return try JSONText.encode(d.minutes.attendance)
        }
        let entryBefore = try part(before), entryAfter = try part(draft)
        let body = try JSONText.encode(draft)
        return try await write { db in
            // The version in the WHERE makes the check and the write one step, whatever runs between.
            let updated = try await db.update("minutes_drafts").set("body", to: SQLBind(body)).set("version", to: SQLBind(version + 1))
                .set("modified_at", to: SQLBind(Timestamp.now()))
                .where("meeting_id", .equal, SQLBind(id.rawValue)).where("version", .equal, SQLBind(version)).returning("version").all()
            guard !updated.isEmpty else {
                throw StoreError.conflict("protokollet har ändrats av någon annan sedan sidan visades; ladda om sidan och gör ändringen igen")
            }
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor, action: action, subjectKind: "protokoll",
                                                 subjectID: id.rawValue, before: entryBefore, after: entryAfter), db: db)
            return version + 1
        }
    }
}
