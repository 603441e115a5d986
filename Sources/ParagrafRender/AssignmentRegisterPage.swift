import ParagrafCore

/// The public register of assignments (uppdrag): what committees have asked for and when it is
/// owed, overdue first. Only assignments given in public paragraphs are listed.
public struct AssignmentRegisterPage: Page {
    public static let template = "uppdrag"
    public let title = "Uppdrag och återrapportering"
    public var committees: [Choice]
    public var rows: [Row]
    public var hasRows: Bool
    public var overdueCount: Int
    public var today: String

    public struct Row: Sendable {
        public var text: String
        public var receiver: String?
        public var committee: String
        public var due: String?
        public var dueISO: String?
        public var overdue: Bool
        public var status: String
        public var paragraph: String?
        public var paragraphURL: String?
    }

    public init(assignments: [RegisteredAssignment], committees: [Committee], selected: CommitteeID?, today: LocalDate) {
        self.committees = [Choice(value: "", label: "Alla nämnder", selected: selected == nil)]
            + committees.map { Choice(value: String($0.id!.rawValue), label: $0.name, selected: $0.id == selected) }
        let shown = RegisteredAssignment.registerOrder(assignments.filter(\.isPublic), on: today)
        rows = shown.map { r in
            let a = r.assignment
            let status = a.closedByParagraph.map { "\(a.status.rawValue) (§ \($0))" } ?? a.status.rawValue
            return Row(text: a.text, receiver: a.receiver, committee: r.committee, due: a.reportBackBy.map(SwedishFormat.date),
                       dueISO: a.reportBackBy?.iso, overdue: a.isOverdue(on: today), status: status,
                       paragraph: r.paragraphNumber.map { "§ \($0)" + (r.paragraphTitle.map { " \($0)" } ?? "") },
                       paragraphURL: zip2(r.meetingID, r.paragraphNumber).map { Links.paragraph(meeting: $0.0, number: $0.1) })
        }
        hasRows = !rows.isEmpty
        overdueCount = rows.filter(\.overdue).count
        self.today = SwedishFormat.date(today)
    }
}

/// Both values, when both are there.
public func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
