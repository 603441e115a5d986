import ParagrafCore

/// Text as a template shows it: one entry per paragraph of prose.
public enum Prose {
    public static func paragraphs(_ text: String?) -> [String] {
        (text ?? "").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// A sammanträde: where and when, the agenda, and the minutes with their paragraphs.
public struct MeetingPage: Page {
    public static let template = "meeting"

    public struct DocumentRow: Sendable, Equatable {
        public var title: String
        public var url: String?
        public var detail: String?
    }

    public struct AgendaRow: Sendable, Equatable {
        public var position: Int
        public var title: String
        public var diaryNumber: String?
        public var proposedDecision: [String]
    }

    public struct AttendanceRow: Sendable, Equatable {
        public var name: String
        public var role: String
        public var note: String?
        /// The person's page, when the name is linked to a stored person.
        public var url: String?
    }

    public struct ParagraphRow: Sendable, Equatable {
        public var number: Int
        public var title: String
        public var diaryNumber: String?
        public var url: String?
        public var caseURL: String?
    }

    public var title: String
    public var municipality: String
    public var committee: String
    public var date: String
    public var isoDate: String?
    public var time: String?
    public var place: String?
    public var state: String
    public var documents: [DocumentRow]
    public var agenda: [AgendaRow]
    public var hasAgenda: Bool
    public var hasMinutes: Bool
    public var chair: String?
    public var secretary: String?
    public var adjusters: String?
    public var adjusted: String?
    public var posted: String?
    /// Underskrifter: who signed, as what, when and how.
    public var signatures: [String]
    public var hasSignatures: Bool
    /// The certificate of posting (anslagsbevis), once the notice of adjustment is up.
    public var certificate: [String]
    public var hasCertificate: Bool
    public var members: [AttendanceRow]
    public var others: [AttendanceRow]
    public var paragraphs: [ParagraphRow]
    public var hasDocuments: Bool
    public var hasOthers: Bool

    public init(municipality: String, committee: String, meeting: Meeting, documents: [Document], agenda: [AgendaItem],
                caseNumbers: [CaseID: String], minutes: Minutes?) {
        self.municipality = municipality
        self.committee = committee
        self.date = SwedishFormat.meetingDate(meeting)
        self.title = "\(committee) – sammanträde \(meeting.date.map(SwedishFormat.date) ?? "utan datum \(meeting.year)")"
        self.isoDate = meeting.date?.iso
        self.time = SwedishFormat.timeSpan(meeting.startTime, meeting.endTime)
        self.place = meeting.place
        self.state = meeting.state.rawValue
        // Handlingar listed in a document but not kept as files are shown without a link.
        self.documents = documents.filter(Publication.mayPublish).map { d in
            DocumentRow(title: d.title, url: d.file != nil ? Links.document(d) : nil,
                        detail: d.file.map { "\($0.fileName), \(SwedishFormat.size($0.byteCount))" } ?? d.kind.rawValue)
        }
        self.agenda = agenda.map { item in
            AgendaRow(position: item.position, title: Publication.mayPublish(item) ? item.title : "Ärende som inte är offentligt",
                      diaryNumber: item.caseID.flatMap { caseNumbers[$0] },
                      proposedDecision: Publication.mayPublish(item) ? Prose.paragraphs(item.proposedDecision) : [])
        }
        self.hasAgenda = !agenda.isEmpty
        self.hasMinutes = minutes != nil
        self.chair = minutes?.chair?.description
        self.secretary = minutes?.secretary
        let adjusters = minutes?.adjustment?.adjusters.map(\.description) ?? []
        self.adjusters = adjusters.isEmpty ? nil : adjusters.joined(separator: ", ")
        self.adjusted = minutes?.adjustment?.date.map(SwedishFormat.date)
        self.posted = minutes?.announcement.map { SwedishFormat.date($0.posted) }
        self.signatures = (minutes?.adjustment?.signatures ?? []).map { s in
            "\(s.role.rawValue.prefix(1).uppercased() + s.role.rawValue.dropFirst()): \(s.signer.name), \(SwedishFormat.date(s.signedOn))"
                + (s.method.map { " (\($0))" } ?? "")
        }
        self.hasSignatures = !signatures.isEmpty
        if let announcement = minutes?.announcement {
            self.certificate = [
                "Justeringen har tillkännagivits på kommunens anslagstavla den \(SwedishFormat.date(announcement.posted)).",
                "Sista dag att överklaga beslut genom laglighetsprövning: \(SwedishFormat.date(announcement.lastAppealDay)).",
                "Anslaget tas ned den \(SwedishFormat.date(announcement.takeDown)).",
            ] + (announcement.minutesKeptAt.map { ["Protokollet förvaras hos \($0)."] } ?? [])
        } else {
            self.certificate = []
        }
        self.hasCertificate = !certificate.isEmpty
        func span(_ from: Int?, _ to: Int?) -> String? {
            guard let from, let to else { return nil }
            return SwedishFormat.paragraphs(from, to)
        }
        self.members = (minutes?.attendance ?? []).map { a in
            let note = [a.replacing.map { "ersätter \($0.description)" }, span(a.fromParagraph, a.toParagraph)].compactMap { $0 }
            return AttendanceRow(name: a.person.description, role: a.role.rawValue, note: note.isEmpty ? nil : note.joined(separator: ", "),
                                 url: a.person.personID.map(Links.person))
        }
        self.others = (minutes?.officials ?? []).map { o in
            AttendanceRow(name: o.name, role: o.title ?? "", note: span(o.fromParagraph, o.toParagraph), url: nil)
        }
        self.paragraphs = (minutes?.paragraphs ?? []).map { p in
            Publication.mayPublish(p)
                ? ParagraphRow(number: p.number, title: p.title, diaryNumber: p.diaryNumber?.withClassification,
                               url: Links.paragraph(meeting: p.meetingID, number: p.number), caseURL: p.caseID.map(Links.matter))
                : ParagraphRow(number: p.number, title: "Paragrafen är inte offentlig", diaryNumber: nil, url: nil, caseURL: nil)
        }
        self.hasDocuments = !self.documents.isEmpty
        self.hasOthers = !self.others.isEmpty
    }
}

/// One paragraph of the minutes with everything the minutes say about the decision.
public struct ParagraphPage: Page {
    public static let template = "paragraph"

    public struct Clause: Sendable, Equatable {
        public var number: Int?
        public var text: String
    }

    public struct Authored: Sendable, Equatable {
        public var heading: String
        public var by: String
        public var text: [String]
    }

    public struct VoteBlock: Sendable, Equatable {
        public var text: [String]
        /// What a ja and a nej stand for, as the minutes put the question.
        public var meaning: String?
        public var ballots: [Ballot]
        public var hasBallots: Bool
        public var tally: String

        public struct Ballot: Sendable, Equatable {
            public var name: String
            public var choice: String
        }
    }

    public struct Neighbour: Sendable, Equatable {
        public var label: String
        public var url: String
    }

    public var title: String
    public var municipality: String
    public var committee: String
    public var meetingDate: String
    public var meetingURL: String
    public var diaryNumber: String?
    /// The case's page, where the matter is followed through every committee.
    public var caseURL: String?
    public var clauses: [Clause]
    public var hasClauses: Bool
    public var numberedClauses: Bool
    public var description: [String]
    public var basis: [String]
    public var proposals: [Authored]
    public var procedure: [String]
    public var votes: [VoteBlock]
    public var reservations: [Authored]
    public var statements: [Authored]
    public var recipients: String?
    public var immediatelyAdjusted: Bool
    public var previous: Neighbour?
    public var next: Neighbour?
    // Stored, not computed: Mustache sees stored properties only.
    public var hasDescription: Bool
    public var hasBasis: Bool
    public var hasProposals: Bool
    public var hasProcedure: Bool
    public var hasVotes: Bool
    public var hasReservations: Bool
    public var hasStatements: Bool
    /// A Delegationsbeslut or Anmälningsärenden paragraph's entries.
    public var matters: [MatterRow]
    public var hasMatters: Bool
    public var mattersHeading: String
    public var partyHeading: String
    public var hasPoints: Bool
    /// The remiss the paragraph answers.
    public var referral: ReferralRow?
    /// Reports the paragraph approves, as its bilagor.
    public var reports: [Neighbour]
    public var hasReports: Bool

    public struct MatterRow: Sendable, Equatable {
        public var title: String
        public var date: String?
        public var dateISO: String?
        public var party: String?
        public var point: String?
        public var diaryNumber: String?
    }

    public struct ReferralRow: Sendable, Equatable {
        public var from: String?
        public var reference: String?
        public var deadline: String?
        public var extended: String?
    }

    public init(municipality: String, committee: String, meeting: Meeting, paragraph p: Paragraph, previous: Int?, next: Int?,
                matters: [ListedMatter] = [], referral: Referral? = nil, reports: [PeriodicReport] = []) {
        self.title = "§ \(p.number) \(p.title)"
        self.municipality = municipality
        self.committee = committee
        self.meetingDate = SwedishFormat.meetingDate(meeting)
        self.meetingURL = Links.meeting(meeting)
        self.diaryNumber = p.diaryNumber?.withClassification
        self.caseURL = p.caseID.map(Links.matter)
        self.clauses = p.decision.map { Clause(number: $0.number, text: $0.text) }
        self.hasClauses = !p.decision.isEmpty
        self.numberedClauses = p.decision.count > 1 && p.decision.allSatisfy { $0.number != nil }
        self.description = Prose.paragraphs(p.description)
        self.basis = p.basis
        func names(_ refs: [PersonRef]) -> String { refs.map(\.description).joined(separator: ", ") }
        self.proposals = p.proposals.map { Authored(heading: $0.kind.rawValue.capitalizedFirst, by: names($0.by), text: Prose.paragraphs($0.text)) }
        self.procedure = Prose.paragraphs(p.procedure?.text)
        self.votes = p.votes.map { v in
            VoteBlock(text: Prose.paragraphs(v.question),
                      meaning: v.yesMeans.isEmpty && v.noMeans.isEmpty ? nil : "Ja-röst för \(v.yesMeans), nej-röst för \(v.noMeans).",
                      ballots: v.ballots.map { .init(name: $0.voter.description, choice: $0.choice.rawValue) },
                      hasBallots: !v.ballots.isEmpty,
                      tally: v.ballots.isEmpty ? "" : "\(v.yesCount) ja, \(v.noCount) nej, \(v.abstainCount) avstår")
        }
        self.reservations = p.reservations.map { Authored(heading: "Reservation", by: names($0.by), text: Prose.paragraphs($0.reasons)) }
        self.statements = p.statements.map { Authored(heading: $0.kind.rawValue.capitalizedFirst, by: names($0.by), text: Prose.paragraphs($0.text)) }
        self.recipients = p.recipients.isEmpty ? nil : p.recipients.joined(separator: ", ")
        self.immediatelyAdjusted = p.immediatelyAdjusted
        self.previous = previous.map { Neighbour(label: "§ \($0)", url: Links.paragraph(meeting: p.meetingID, number: $0)) }
        self.next = next.map { Neighbour(label: "§ \($0)", url: Links.paragraph(meeting: p.meetingID, number: $0)) }
        self.hasDescription = !description.isEmpty
        self.hasBasis = !basis.isEmpty
        self.hasProposals = !proposals.isEmpty
        self.hasProcedure = !procedure.isEmpty
        self.hasVotes = !votes.isEmpty
        self.hasReservations = !reservations.isEmpty
        self.hasStatements = !statements.isEmpty
        self.matters = matters.map {
            MatterRow(title: $0.title, date: $0.date.map(SwedishFormat.date), dateISO: $0.date?.iso, party: $0.party,
                      point: $0.delegationPoint, diaryNumber: $0.diaryNumber)
        }
        self.hasMatters = !matters.isEmpty
        self.reports = reports.map { Neighbour(label: "\($0.title) (\($0.period))", url: Links.report($0.id!)) }
        self.hasReports = !self.reports.isEmpty
        // The table holds the listing's entries; the same lines as prose would say it twice.
        if hasMatters { self.hasDescription = false }
        let delegated = matters.first?.kind == .delegatedDecisions
        self.mattersHeading = delegated ? "Anmälda delegationsbeslut" : "Anmälningsärenden"
        self.partyHeading = delegated ? "Beslutsfattare" : "Från"
        self.hasPoints = matters.contains { $0.delegationPoint != nil }
        self.referral = referral.map { r in
            ReferralRow(from: r.counterparts.isEmpty ? nil : r.counterparts.joined(separator: ", "), reference: r.theirReference,
                        deadline: r.deadline.map(SwedishFormat.date),
                        extended: r.extensions.isEmpty ? nil : r.extensions.map(SwedishFormat.date).joined(separator: ", "))
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
