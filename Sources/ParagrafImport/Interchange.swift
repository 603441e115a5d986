import Foundation
import ParagrafText

/// What `paragraf parse` prints for one document: the shape of `../shared/INTERCHANGE.md`.
/// It is the importer's input model, kept apart from the stored domain values. A value the
/// document does not state is nil, never a guess.
public struct ImportedDocument: Sendable, Equatable {
    public struct Source: Sendable, Equatable {
        public var file: String
        public var sha256: String
        public var format: String
        /// The character encoding a text file was read in (`UTF-8`, `Windows-1252`); nil for PDF.
        public var encoding: String? = nil
    }

    public struct Person: Sendable, Equatable {
        public var name: String
        public var party: String?
        public var role: String
        public var replacing: String?
        public var paragraphs: [Int]?
    }

    public struct OfficialPresent: Sendable, Equatable {
        public var name: String
        public var title: String?
        public var paragraphs: [Int]?
    }

    public struct NamedText: Sendable, Equatable {
        public var names: [String]
        public var text: String
    }

    public struct Statement: Sendable, Equatable {
        public var kind: String
        public var names: [String]
        public var text: String
    }

    public struct Proposal: Sendable, Equatable {
        public var by: String
        public var party: String?
        public var text: String
    }

    public struct AssignmentOut: Sendable, Equatable {
        public var text: String
        public var reportBackBy: String?
    }

    /// The remiss an item answers.
    public struct ReferralOut: Sendable, Equatable {
        public var from: String?
        /// The sender's diary number, as printed.
        public var reference: String?
        public var deadline: String?
        public var extendedTo: [String] = []
    }

    /// An entry of a Delegationsbeslut or Anmälningsärenden item.
    public struct ListedMatterOut: Sendable, Equatable {
        public var text: String
        public var date: String?
        public var dnr: String?
        public var from: String?
    }

    public struct Item: Sendable, Equatable {
        public var number: Int
        public var title: String
        public var dnr: String?
        public var classification: String?
        public var `public`: Bool = true
        public var decisionText: String?
        public var decisionClauses: [String] = []
        public var description: String?
        public var basis: [String] = []
        public var proposals: [Proposal] = []
        public var procedure: String?
        public var hasVote = false
        public var votes: [String] = []
        public var hasReservation = false
        public var reservations: [NamedText] = []
        public var statements: [Statement] = []
        public var decisionRecipients: [String] = []
        public var immediatelyAdjusted = false
        public var assignments: [AssignmentOut] = []
        public var handler: String?
        public var proposedDecision: String?
        /// Whom a notice's tjänsteskrivelse proposes to send the decision to.
        public var proposedRecipients: [String] = []
        public var referral: ReferralOut?
        /// Decision sentences that close an earlier assignment.
        public var closesAssignments: [String] = []
        /// The matters a standard item lays before the committee (delegationsbeslut, anmälningsärenden).
        public var listedMatters: [ListedMatterOut] = []
    }

    public struct Attachment: Sendable, Equatable {
        public var kind: String
        public var title: String
        public var dnr: String?
        /// The handläggare of a tjänsteskrivelse.
        public var handler: String?
    }

    /// A party group's meeting before the sammanträde, as a notice lists it.
    public struct GroupMeetingOut: Sendable, Equatable {
        public var group: String
        public var date: String?
        public var time: String?
    }

    public struct Diagnostic: Sendable, Equatable {
        public var severity: String
        public var message: String
        public var line: Int?
    }

    public var source: Source
    public var municipality: String?
    public var body: String?
    public var documentType: String
    public var meetingDate: String?
    public var startTime: String?
    public var endTime: String?
    public var place: String?
    public var chair: String?
    public var secretary: String?
    public var adjusters: [String] = []
    public var adjustmentDate: String?
    public var announcementDate: String?
    public var paragraphRange: [Int]?
    public var membersPresent: [Person] = []
    public var officials: [OfficialPresent] = []
    public var items: [Item] = []
    public var leadingFragment: String?
    public var attachments: [Attachment] = []
    /// Notices: the day issued, whether the meeting is open to the public, group meetings, and
    /// whom to tell of absence. Added after the first interchange keys, so printed last.
    public var issuedDate: String?
    public var openToPublic: Bool?
    public var groupMeetings: [GroupMeetingOut] = []
    public var absenceContact: String?
    public var diagnostics: [Diagnostic] = []

    /// One JSON object on one line, keys in the interchange order, absent values as `null`.
    public func json() -> String { jsonValue.rendered }
}

/// A JSON value built by hand, so that keys keep their order and nil prints as `null`.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered == b.rendered }

    static func of(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    static func of(_ n: [Int]?) -> JSONValue { n.map { .array($0.map(JSONValue.int)) } ?? .null }
    static func strings(_ a: [String]) -> JSONValue { .array(a.map(JSONValue.string)) }

    public var rendered: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                JSONValue.quote(key, into: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension ImportedDocument {
    var jsonValue: JSONValue {
        .object([
            ("source", .object([("file", .string(source.file)), ("sha256", .string(source.sha256)), ("format", .string(source.format)),
                                ("encoding", source.encoding.map { .string($0) } ?? .null)])),
            ("municipality", .of(municipality)), ("body", .of(body)), ("document_type", .string(documentType)),
            ("meeting_date", .of(meetingDate)), ("start_time", .of(startTime)), ("end_time", .of(endTime)),
            ("place", .of(place)), ("chair", .of(chair)), ("secretary", .of(secretary)),
            ("adjusters", .strings(adjusters)), ("adjustment_date", .of(adjustmentDate)),
            ("announcement_date", .of(announcementDate)), ("paragraph_range", .of(paragraphRange)),
            ("members_present", .array(membersPresent.map { p in
                .object([("name", .string(p.name)), ("party", .of(p.party)), ("role", .string(p.role)),
                         ("replacing", .of(p.replacing)), ("paragraphs", .of(p.paragraphs))])
            })),
            ("officials", .array(officials.map { o in
                .object([("name", .string(o.name)), ("title", .of(o.title)), ("paragraphs", .of(o.paragraphs))])
            })),
            ("items", .array(items.map(\.jsonValue))),
            ("leading_fragment", .of(leadingFragment)),
            ("attachments", .array(attachments.map { a in
                .object([("kind", .string(a.kind)), ("title", .string(a.title)), ("dnr", .of(a.dnr)), ("handler", .of(a.handler))])
            })),
            ("issued_date", .of(issuedDate)), ("open_to_public", openToPublic.map(JSONValue.bool) ?? .null),
            ("group_meetings", .array(groupMeetings.map { g in
                .object([("group", .string(g.group)), ("date", .of(g.date)), ("time", .of(g.time))])
            })),
            ("absence_contact", .of(absenceContact)),
            ("diagnostics", .array(diagnostics.map { d in
                .object([("severity", .string(d.severity)), ("message", .string(d.message)), ("line", d.line.map(JSONValue.int) ?? .null)])
            })),
        ])
    }
}

extension ImportedDocument.Item {
    var jsonValue: JSONValue {
        .object([
            ("number", .int(number)), ("title", .string(title)), ("dnr", .of(dnr)), ("classification", .of(classification)),
            ("public", .bool(`public`)), ("decision_text", .of(decisionText)), ("decision_clauses", .strings(decisionClauses)),
            ("description", .of(description)), ("basis", .strings(basis)),
            ("proposals", .array(proposals.map { .object([("by", .string($0.by)), ("party", .of($0.party)), ("text", .string($0.text))]) })),
            ("procedure", .of(procedure)), ("has_vote", .bool(hasVote)), ("votes", .strings(votes)),
            ("has_reservation", .bool(hasReservation)),
            ("reservations", .array(reservations.map { .object([("names", .strings($0.names)), ("text", .string($0.text))]) })),
            ("statements", .array(statements.map { .object([("kind", .string($0.kind)), ("names", .strings($0.names)), ("text", .string($0.text))]) })),
            ("decision_recipients", .strings(decisionRecipients)), ("immediately_adjusted", .bool(immediatelyAdjusted)),
            ("assignments", .array(assignments.map { .object([("text", .string($0.text)), ("report_back_by", .of($0.reportBackBy))]) })),
            ("handler", .of(handler)), ("proposed_decision", .of(proposedDecision)),
            ("proposed_recipients", .strings(proposedRecipients)),
            ("referral", referral.map { r in
                .object([("from", .of(r.from)), ("reference", .of(r.reference)), ("deadline", .of(r.deadline)),
                         ("extended_to", .strings(r.extendedTo))])
            } ?? .null),
            ("closes_assignments", .strings(closesAssignments)),
            ("listed_matters", .array(listedMatters.map { m in
                .object([("text", .string(m.text)), ("date", .of(m.date)), ("dnr", .of(m.dnr)), ("from", .of(m.from))])
            })),
        ])
    }
}
