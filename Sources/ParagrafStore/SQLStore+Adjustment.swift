import Foundation
import ParagrafCore
import SQLKit

extension SQLStore {
    /// Keeps the PDF/A made from a closed draft, with the draft's content and hash; the draft is
    /// frozen from now on. Made again only while no one has signed.
    public func prepareSigning(meeting: MeetingID, part: Int, pdf: [UInt8], pdfSHA256: String, content: String, contentSHA256: String,
                               actor: String) async throws {
        let existing = try await signedMinutes(for: meeting, part: part)
        if let existing, !existing.signatures.isEmpty {
            throw StoreError.invalid("protokollet har redan börjat signeras och kan inte göras om")
        }
        try await write { db in
            try await db.keepFile(sha256: pdfSHA256, mediaType: "application/pdf", content: Data(pdf))
            try await db.delete(from: "signed_minutes").where("meeting_id", .equal, SQLBind(meeting.rawValue)).where("part", .equal, SQLBind(part)).run()
            try await db.insert(into: "signed_minutes").columns("meeting_id", "part", "pdf_sha256", "content", "content_sha256", "prepared_at", "prepared_by")
                .values(SQLBind(meeting.rawValue), SQLBind(part), SQLBind(pdfSHA256), SQLBind(content), SQLBind(contentSHA256), SQLBind(Timestamp.now()),
                        SQLBind(actor)).run()
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor,
                                                 action: part == 0 ? "skickade protokollet för justering" : "skickade § \(part) för omedelbar justering",
                                                 subjectKind: "protokoll", subjectID: meeting.rawValue,
                                                 after: "{\"pdf_sha256\":\"\(pdfSHA256)\",\"content_sha256\":\"\(contentSHA256)\"}"), db: db)
        }
    }

    public func signedMinutes(for meeting: MeetingID, part: Int) async throws -> SignedMinutes? {
        try await read { db in
            guard let row = try await db.select().column("*").from("signed_minutes").where("meeting_id", .equal, SQLBind(meeting.rawValue))
                .where("part", .equal, SQLBind(part)).first() else {
                return nil
            }
            let signatures = try await db.select().column("*").from("minutes_signatures").where("meeting_id", .equal, SQLBind(meeting.rawValue))
                .where("part", .equal, SQLBind(part)).orderBy("signed_at").all().map { s in
                    SignedMinutes.Signed(role: try s.enumValue("role", as: SignatoryRole.self), person: try s.personRef(), account: try s.string("account"),
                                         method: try s.string("method"), signedAt: try s.string("signed_at"),
                                         documentSHA256: try s.string("document_sha256"), data: Array(try s.decode(column: "data", as: Data.self)))
                }
            return SignedMinutes(meetingID: meeting, part: part, pdfSHA256: try row.string("pdf_sha256"), content: try row.string("content"),
                                 contentSHA256: try row.string("content_sha256"), signatures: signatures, lockedAt: try row.optionalString("locked_at"))
        }
    }

    /// Adds one signature. Refused when the minutes are locked, the signature is not over the
    /// prepared PDF, or this person has signed in this role already.
    public func addSignature(_ signature: SignedMinutes.Signed, meeting: MeetingID, part: Int, actor: String) async throws {
        guard let signed = try await signedMinutes(for: meeting, part: part) else { throw StoreError.invalid("protokollet är inte skickat för justering") }
        guard signed.lockedAt == nil else { throw StoreError.invalid("protokollet är redan justerat och låst") }
        guard signature.documentSHA256 == signed.pdfSHA256 else { throw StoreError.invalid("underskriften gäller inte det protokoll som skickats för justering") }
        if signed.signatures.contains(where: { $0.role == signature.role && $0.person.name == signature.person.name }) {
            throw StoreError.conflict("\(signature.person.name) har redan signerat protokollet som \(signature.role.rawValue)")
        }
        try await write { db in
            try await db.insert(into: "minutes_signatures").columns("meeting_id", "part", "role", "person_id", "name", "party", "account", "method", "signed_at",
                                                                     "document_sha256", "data")
                .values(SQLBind(meeting.rawValue), SQLBind(part), SQLBind(signature.role.rawValue), SQLBind(signature.person.personID?.rawValue),
                        SQLBind(signature.person.name), SQLBind(signature.person.party), SQLBind(signature.account), SQLBind(signature.method),
                        SQLBind(signature.signedAt), SQLBind(signature.documentSHA256), SQLBind(Data(signature.data))).run()
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: actor,
                                                 action: (part == 0 ? "signerade protokollet" : "signerade § \(part) (omedelbar justering)") + " som \(signature.role.rawValue)",
                                                 subjectKind: "protokoll", subjectID: meeting.rawValue,
                                                 after: "{\"method\":\"\(signature.method)\",\"document_sha256\":\"\(signature.documentSHA256)\"}"), db: db)
        }
    }

    /// An immediately adjusted paragraph's extract, once its signatures are in: in force at once.
    public func lockImmediate(meeting: MeetingID, paragraph: Int, actor: String) async throws {
        guard let signed = try await signedMinutes(for: meeting, part: paragraph), signed.lockedAt == nil else {
            throw StoreError.invalid("§ \(paragraph) är inte skickad för omedelbar justering, eller redan justerad")
        }
        try await write { db in
            let now = Timestamp.now()
            try await db.update("signed_minutes").set("locked_at", to: SQLBind(now)).where("meeting_id", .equal, SQLBind(meeting.rawValue))
                .where("part", .equal, SQLBind(paragraph)).run()
            _ = try await Self.record(AuditEntry(at: now, actor: actor, action: "justerade § \(paragraph) omedelbart", subjectKind: "protokoll",
                                                 subjectID: meeting.rawValue, after: "{\"pdf_sha256\":\"\(signed.pdfSHA256)\"}"), db: db)
        }
    }

    /// Once every signature is in: the minutes go into the record (public where their paragraphs
    /// are), their assignments with them, the notice of adjustment is posted, and the minutes
    /// are locked; one transaction.
    public func lock(_ minutes: Minutes, assignments: [Int: [DraftAssignment]], endTime: LocalTime?, posted: LocalDate, actor: String) async throws {
        let id = minutes.meetingID
        guard let signed = try await signedMinutes(for: id, part: 0), signed.lockedAt == nil else { throw StoreError.invalid("protokollet är redan låst") }
        guard var meeting = try await self.meeting(id) else { throw StoreError.notFound("sammanträde \(id.rawValue)") }
        if let endTime { meeting.endTime = endTime }
        try meeting.advance(to: .adjusted)
        try meeting.advance(to: .announced)
        let row = Self.meetingRow(meeting)
        let committee = meeting.committeeID.rawValue
        let meetingDate = meeting.date
        try Self.validate(minutes)
        try await write { db in
            let saved = try await Self.writeMinutes(minutes, db: db)
            let now = Timestamp.now()
            var rows: [[Value]] = []
            for paragraph in saved.paragraphs {
                for a in assignments[paragraph.number] ?? [] {
                    rows.append([committee, paragraph.id?.rawValue, a.receiver, a.text, a.reportBackBy?.iso,
                                 AssignmentStatus.notStarted.rawValue, nil as Int?, now, now])
                }
            }
            try await db.insertRows("assignments", columns: ["committee_id", "paragraph_id", "receiver", "text", "report_back_by",
                                                             "status", "closed_by_paragraph", "created_at", "modified_at"], rows: rows)
            try await Self.markReported(meeting: id, committee: committee, date: meetingDate, paragraphs: saved.paragraphs, db: db)
            try await db.updateByID("meetings", id: id.rawValue, row)
            try await db.update("signed_minutes").set("locked_at", to: SQLBind(now)).where("meeting_id", .equal, SQLBind(id.rawValue))
                .where("part", .equal, SQLBind(0)).run()
            _ = try await Self.record(AuditEntry(at: now, actor: actor, action: "justerade och anslog protokollet", subjectKind: "protokoll",
                                                 subjectID: id.rawValue, after: "{\"posted\":\"\(posted.iso)\"}"), db: db)
        }
    }
}

// MARK: - Expediering

extension SQLStore {
    public func dispatch(_ record: DispatchRecord, extract: [UInt8]) async throws {
        guard let signed = try await signedMinutes(for: record.meetingID, part: 0), signed.lockedAt != nil else {
            throw StoreError.invalid("protokollet är inte justerat; beslut expedieras efter justeringen")
        }
        try await write { db in
            let existing = try await db.select().column("id").from("dispatches").where("meeting_id", .equal, SQLBind(record.meetingID.rawValue))
                .where("paragraph_number", .equal, SQLBind(record.paragraph)).where("recipient", .equal, SQLBind(record.recipient)).first()
            if existing != nil { throw StoreError.conflict("§ \(record.paragraph) är redan expedierad till \(record.recipient)") }
            try await db.keepFile(sha256: record.extractSHA256, mediaType: "application/pdf", content: Data(extract))
            try await db.insert(into: "dispatches").columns("meeting_id", "paragraph_number", "recipient", "extract_sha256", "signature",
                                                             "signed_by", "sent_on", "sent_by", "channel")
                .values(SQLBind(record.meetingID.rawValue), SQLBind(record.paragraph), SQLBind(record.recipient), SQLBind(record.extractSHA256),
                        SQLBind(Data(record.signature)), SQLBind(record.signedBy), SQLBind(record.sentOn.iso), SQLBind(record.sentBy),
                        SQLBind(record.channel)).run()
            _ = try await Self.record(AuditEntry(at: Timestamp.now(), actor: record.sentBy, action: "expedierade § \(record.paragraph)",
                                                 subjectKind: "protokoll", subjectID: record.meetingID.rawValue,
                                                 after: try JSONText.encode(["mottagare": record.recipient, "utdrag": record.extractSHA256])), db: db)
        }
    }

    public func dispatches(for meeting: MeetingID) async throws -> [DispatchRecord] {
        try await read { db in
            try await db.select().column("*").from("dispatches").where("meeting_id", .equal, SQLBind(meeting.rawValue))
                .orderBy("paragraph_number").orderBy("id").all().map { row in
                    DispatchRecord(meetingID: meeting, paragraph: try row.int("paragraph_number"), recipient: try row.string("recipient"),
                                   extractSHA256: try row.string("extract_sha256"), signature: Array(try row.decode(column: "signature", as: Data.self)),
                                   signedBy: try row.string("signed_by"), sentOn: try row.date("sent_on"), sentBy: try row.string("sent_by"),
                                   channel: try row.string("channel"))
                }
        }
    }
}
