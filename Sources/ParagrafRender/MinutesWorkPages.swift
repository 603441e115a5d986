import ParagrafCore

/// The minutes being written: attendance, the paragraphs and how far each has come, closing,
/// and the adjusters.
public struct MinutesWorkPage: Page {
    public static let template = "minutes-work"
    public var title: String
    public var bar: StaffBar
    public var url: String
    public var meetingURL: String
    public var version: Int
    public var closed: Bool
    public var rows: [AttendanceRow]
    public var roles: [Choice]
    public var people: [Choice]
    public var paragraphs: [ParagraphRow]
    public var problems: [String]
    public var hasProblems: Bool
    public var done: String?
    public var adjusters: String?
    public var adjustmentPlace: String
    public var adjustmentDate: String

    public struct AttendanceRow: Sendable {
        public var index: Int
        public var person: String
        public var personID: String
        public var roles: [Choice]
        public var replacing: [Choice]
        public var from: String
        public var to: String
    }

    public struct ParagraphRow: Sendable {
        public var number: Int
        public var title: String
        public var url: String
        public var decided: Bool
        public var closedItem: Bool
    }

    public init(bar: StaffBar, committee: Committee, meeting: Meeting, draft: MinutesDraft, version: Int, people: [PersonRef],
                problems: [String] = [], done: String? = nil) {
        title = "Protokoll \(SwedishFormat.meetingDate(meeting)) – \(committee.name)"
        self.bar = bar
        url = StaffLinks.minutes(meeting.id!)
        meetingURL = StaffLinks.meeting(meeting.id!)
        self.version = version
        closed = draft.closed
        let roleChoices = AttendanceRole.allCases
        func replacingChoices(_ selected: PersonRef?) -> [Choice] {
            [Choice(value: "", label: "–", selected: selected == nil)] + people.map {
                Choice(value: String($0.personID?.rawValue ?? 0), label: $0.description, selected: $0.personID == selected?.personID)
            }
        }
        rows = draft.minutes.attendance.enumerated().map { index, row in
            AttendanceRow(index: index, person: row.person.description, personID: String(row.person.personID?.rawValue ?? 0),
                          roles: roleChoices.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: $0 == row.role) },
                          replacing: replacingChoices(row.replacing), from: row.fromParagraph.map(String.init) ?? "",
                          to: row.toParagraph.map(String.init) ?? "")
        }
        roles = roleChoices.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: $0 == .tjanstgorandeErsattare) }
        self.people = people.map { Choice(value: String($0.personID?.rawValue ?? 0), label: $0.description, selected: false) }
        paragraphs = draft.minutes.paragraphs.map {
            ParagraphRow(number: $0.number, title: $0.title, url: StaffLinks.minutes(meeting.id!) + "/\($0.number)", decided: !$0.decision.isEmpty,
                         closedItem: !$0.isPublic)
        }
        self.problems = problems
        hasProblems = !problems.isEmpty
        self.done = done
        adjusters = draft.minutes.adjustment.map { $0.adjusters.map(\.description).joined(separator: ", ") }
        adjustmentPlace = draft.minutes.adjustment?.place ?? ""
        adjustmentDate = draft.minutes.adjustment?.date?.iso ?? ""
    }
}

/// One paragraph as the secretary records it: jäv, proposals, the question order with its
/// decisions and votes, the decision, reservations, statements and assignments.
public struct ParagraphWorkPage: Page {
    public static let template = "paragraph-work"
    public var title: String
    public var bar: StaffBar
    public var url: String
    public var minutesURL: String
    public var version: Int
    public var closed: Bool
    public var number: Int
    public var proposals: [ProposalRow]
    public var hasProposals: Bool
    public var questions: [QuestionRow]
    public var hasQuestions: Bool
    public var needsMain: Bool
    public var mainChoices: [Choice]
    public var kinds: [Choice]
    public var taking: [Choice]
    public var present: [Choice]
    public var voters: [Choice]
    public var jav: [Choice]
    public var decision: String
    public var recipients: String
    public var immediate: Bool
    public var procedure: String?
    public var reservations: [ReservationRow]
    public var statements: [String]
    public var statementKinds: [Choice]
    public var assignments: [String]
    public var problems: [String]
    public var hasProblems: Bool
    public var done: String?

    public struct ProposalRow: Sendable {
        public var index: Int
        public var text: String
        public var withdrawn: Bool
    }

    public struct QuestionRow: Sendable {
        public var index: Int
        public var number: Int
        public var stage: String
        public var alternatives: [Choice]
        public var yes: String
        public var no: String
        public var adopted: String?
        public var voteResult: String?
        public var open: Bool
    }

    public struct ReservationRow: Sendable {
        public var index: Int
        public var by: String
        public var reasons: String
    }

    public init(bar: StaffBar, meeting: MeetingID, draft: MinutesDraft, version: Int, paragraph p: Paragraph, problems: [String] = [],
                done: String? = nil) {
        title = "§ \(p.number) \(p.title)"
        self.bar = bar
        minutesURL = StaffLinks.minutes(meeting)
        url = minutesURL + "/\(p.number)"
        self.version = version
        closed = draft.closed
        number = p.number
        proposals = p.proposals.enumerated().map { index, proposal in
            ProposalRow(index: index, text: "\(proposal.by.map(\.description).joined(separator: ", ")): \(proposal.kind.rawValue) – \(proposal.text)",
                        withdrawn: proposal.withdrawn)
        }
        hasProposals = !proposals.isEmpty
        let questionList = p.procedure?.questions ?? []
        let firstOpen = questionList.firstIndex { $0.adopted == nil }
        questions = questionList.enumerated().map { index, q in
            let vote = q.vote.flatMap { p.votes.indices.contains($0) ? p.votes[$0] : nil }
            return QuestionRow(index: index, number: index + 1, stage: q.stage.rawValue,
                               alternatives: q.alternatives.map { Choice(value: $0, label: $0, selected: false) },
                               yes: q.alternatives.first ?? "", no: q.alternatives.count > 1 ? q.alternatives[1] : "",
                               adopted: q.adopted, voteResult: vote.map { "\($0.yesCount) ja, \($0.noCount) nej, \($0.abstainCount) avstår" },
                               open: index == firstOpen && !q.alternatives.contains(QuestionOrder.previousWinner))
        }
        hasQuestions = !questions.isEmpty
        let mains = p.proposals.filter { !$0.withdrawn && $0.kind == .main }.map(\.text)
        needsMain = Set(mains).count >= 3 && !questionList.contains { $0.adopted != nil }
        mainChoices = mains.map { Choice(value: $0, label: $0, selected: draft.mainProposal[p.number] == $0) }
        kinds = ProposalKind.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: $0 == .main) }
        func choices(_ people: [PersonRef]) -> [Choice] {
            people.map { Choice(value: String($0.personID?.rawValue ?? 0), label: $0.description, selected: false) }
        }
        let takingPeople = draft.minutes.voters(at: p.number)
        taking = choices(takingPeople)
        let presentPeople = draft.minutes.attendance.filter { $0.isPresent(at: p.number) }.map(\.person)
        present = choices(presentPeople)
        voters = taking
        let disqualified = Set(p.disqualifications.map(\.person.name))
        jav = draft.minutes.attendance.filter { $0.role.votes && $0.isPresent(at: p.number) }.map(\.person).map {
            Choice(value: String($0.personID?.rawValue ?? 0), label: $0.description, selected: disqualified.contains($0.name))
        }
        decision = p.decision.map(\.text).joined(separator: "\n")
        recipients = p.recipients.joined(separator: "\n")
        immediate = p.immediatelyAdjusted
        procedure = p.procedure?.text
        reservations = p.reservations.enumerated().map { index, r in
            ReservationRow(index: index, by: r.by.map(\.description).joined(separator: ", "), reasons: r.reasons ?? "")
        }
        statements = p.statements.map { "\($0.kind.rawValue), \($0.by.map(\.description).joined(separator: ", ")): \($0.text)" }
        statementKinds = StatementKind.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: false) }
        assignments = (draft.assignments[p.number] ?? []).map { a in
            "\(a.receiver): \(a.text)" + (a.reportBackBy.map { " (återrapporteras senast \(SwedishFormat.date($0)))" } ?? "")
        }
        self.problems = problems
        hasProblems = !problems.isEmpty
        self.done = done
    }
}
