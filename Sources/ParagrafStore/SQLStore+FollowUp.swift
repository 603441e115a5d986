import ParagrafCore
import SQLKit

extension SQLStore {
    /// Assignments of one committee, or of all, with their committee and giving paragraph.
    public func assignmentRegister(committee: CommitteeID?) async throws -> [RegisteredAssignment] {
        try await read { db in
            var sql: SQLQueryString = """
                SELECT a.*, c.name AS committee_name, p.meeting_id AS p_meeting, p.number AS p_number, p.title AS p_title, p.is_public AS p_public
                FROM assignments a JOIN committees c ON c.id = a.committee_id LEFT JOIN paragraphs p ON p.id = a.paragraph_id
                """
            if let committee { sql = sql + " WHERE a.committee_id = \(bind: committee.rawValue)" }
            return try await db.raw(sql + " ORDER BY a.id").all().map { row in
                let assignment = Assignment(id: AssignmentID(try row.id()), committeeID: CommitteeID(try row.id("committee_id")),
                                            paragraphID: try row.optionalID("paragraph_id").map { ParagraphID($0) },
                                            receiver: try row.optionalString("receiver"), text: try row.string("text"),
                                            reportBackBy: try row.optionalDate("report_back_by"),
                                            status: try row.enumValue("status", as: AssignmentStatus.self),
                                            closedByParagraph: try row.optionalInt("closed_by_paragraph"))
                return RegisteredAssignment(assignment: assignment, committee: try row.string("committee_name"),
                                            meetingID: try row.optionalID("p_meeting").map { MeetingID($0) }, paragraphNumber: try row.optionalInt("p_number"),
                                            paragraphTitle: try row.optionalString("p_title"),
                                            isPublic: (try row.decode(column: "p_public", as: Bool?.self)) ?? false)
            }
        }
    }
}
