import ParagrafCore

/// A committee's follow-up for its secretary and handläggare (`/intern/namnder/:committee/uppfoljning`):
/// assignments with their reports, remisser, the delegation order, delegated decisions and
/// anmälningsärenden not yet reported.
public struct FollowUpWorkPage: Page {
    public static let template = "uppfoljning"
    public var title: String
    public var bar: StaffBar
    public var base: String
    public var assignments: [AssignmentRow]
    public var hasAssignments: Bool
    public var referrals: [ReferralRow]
    public var hasReferrals: Bool
    public var orders: [OrderBox]
    public var hasOrders: Bool
    public var pending: [String]
    public var hasPending: Bool
    public var statuses: [Choice]
    public var problems: [String]
    public var hasProblems: Bool
    public var done: String?

    public struct AssignmentRow: Sendable {
        public var id: Int64
        public var text: String
        public var receiver: String?
        public var given: String?
        public var due: String?
        public var overdue: Bool
        public var status: String
        public var outsideBudget: Bool
        public var comments: [String]
        public var statuses: [Choice]
    }

    public struct ReferralRow: Sendable {
        public var id: Int64
        public var title: String
        public var direction: String
        public var counterparts: String
        public var deadline: String
        public var answered: String?
        public var answers: String?
    }

    public struct OrderBox: Sendable {
        public var heading: String
        public var points: [String]
    }

    public init(bar: StaffBar, committee: Committee, assignments: [RegisteredAssignment], comments: [AssignmentID: [AssignmentComment]],
                referrals: [ListedReferral], orders: [DelegationOrder], pending: ReportedMatters, today: LocalDate,
                problems: [String] = [], done: String? = nil) {
        title = "Uppföljning – \(committee.name)"
        self.bar = bar
        base = StaffLinks.followUp(committee.id!)
        func statusChoices(_ current: AssignmentStatus) -> [Choice] {
            AssignmentStatus.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: $0 == current) }
        }
        self.assignments = RegisteredAssignment.registerOrder(assignments, on: today).map { r in
            let a = r.assignment
            let given = r.paragraphNumber.map { "§ \($0)" + (r.paragraphTitle.map { " \($0)" } ?? "") }
                ?? [a.giver, a.givenBy].compactMap { $0 }.joined(separator: " ")
            return AssignmentRow(id: a.id!.rawValue, text: a.text, receiver: a.receiver, given: given.isEmpty ? nil : given,
                                 due: a.reportBackBy.map(SwedishFormat.date), overdue: a.isOverdue(on: today),
                                 status: a.status.rawValue + (a.closedByParagraph.map { " genom § \($0)" } ?? ""), outsideBudget: a.outsideBudget,
                                 comments: (comments[a.id!] ?? []).map { "\($0.period): \($0.status.rawValue). \($0.text) (\($0.writtenBy), \($0.writtenOn.iso))" },
                                 statuses: statusChoices(a.status))
        }
        hasAssignments = !self.assignments.isEmpty
        self.referrals = ListedReferral.listOrder(referrals).map { l in
            let r = l.referral
            let deadline = (r.deadlineInForce.map(SwedishFormat.date) ?? "anges inte")
                + (r.extensions.isEmpty ? "" : " (förlängd från \(r.deadline.map(SwedishFormat.date) ?? "–"))")
            return ReferralRow(id: r.id!.rawValue, title: r.title, direction: r.direction.rawValue, counterparts: r.counterparts.joined(separator: ", "),
                               deadline: deadline, answered: l.paragraphNumber.map { "besvarad § \($0)" },
                               answers: r.direction == .outgoing ? "\(Set(r.answers.map(\.from)).count) av \(Set(r.counterparts).count) svar" : nil)
        }
        hasReferrals = !self.referrals.isEmpty
        self.orders = orders.sorted { $0.version > $1.version }.map { o in
            OrderBox(heading: "Version \(o.version), antagen \(o.adoptedBy), gäller från \(o.validFrom.iso)" + (o.validTo.map { " till och med \($0.iso)" } ?? ""),
                     points: o.points.map { p in
                         "\(p.code) \(p.matter) – \(p.delegate)" + (p.subDelegation ? ", får vidaredelegeras" : "") + (p.reportingRequired ? ", anmäls" : ", anmäls inte")
                     })
        }
        hasOrders = !self.orders.isEmpty
        self.pending = pending.entries(.delegatedDecisions).map { "Delegationsbeslut: " + $0.replacingOccurrences(of: "\n", with: ", ") }
            + pending.entries(.notifications).map { "Anmälningsärende: " + $0.replacingOccurrences(of: "\n", with: ", ") }
        hasPending = !self.pending.isEmpty
        statuses = statusChoices(.notStarted)
        self.problems = problems
        hasProblems = !problems.isEmpty
        self.done = done
    }
}

/// The report "Uppdrag som inte ingår i budget": the committee's assignments outside the budget
/// with their status and the latest report on each, as HTML and PDF/A for the agenda.
public struct OutsideBudgetReport: Page {
    public static let template = "uppdrag-rapport"
    public var title: String
    public var committee: String
    public var period: String
    public var rows: [Row]
    public var hasRows: Bool
    public var pdfURL: String?

    public struct Row: Sendable {
        public var given: String
        public var text: String
        public var status: String
        public var report: String
    }

    public init(committee: String, period: String, assignments: [RegisteredAssignment], comments: [AssignmentID: [AssignmentComment]],
                pdfURL: String? = nil) {
        title = "Uppdrag som inte ingår i budget, \(period)"
        self.committee = committee
        self.period = period
        rows = assignments.filter(\.assignment.outsideBudget).map { r in
            let a = r.assignment
            let latest = (comments[a.id!] ?? []).last
            return Row(given: [a.giver, a.givenBy].compactMap { $0 }.joined(separator: " ").nilIfEmpty ?? r.paragraphNumber.map { "§ \($0)" } ?? "",
                       text: a.text, status: a.status.rawValue + (a.closedByParagraph.map { " (§ \($0))" } ?? ""),
                       report: latest.map { "\($0.period): \($0.text)" } ?? "Ingen rapport ännu.")
        }
        hasRows = !rows.isEmpty
        self.pdfURL = pdfURL
    }

    public var typst: String {
        var out = Typst.preamble(title: title, author: committee)
        out += "#text(size: 9pt)[\(Typst.text(committee))]\n\n= \(Typst.text(title))\n\n"
        guard hasRows else { return out + Typst.text("Nämnden har inga uppdrag utanför budget.") + "\n" }
        out += "#table(columns: (1.2fr, 2fr, 1fr, 2.4fr), stroke: 0.4pt,\n"
        out += "  table.header([*Uppdrag från*], [*Uppdrag*], [*Status*], [*Återrapportering*]),\n"
        for row in rows {
            out += "  " + [row.given, row.text, row.status, row.report].map { "[\(Typst.text($0))]" }.joined(separator: ", ") + ",\n"
        }
        return out + ")\n"
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
