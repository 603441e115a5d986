import ParagrafCore

/// The public list of remisser: what committees have been asked to answer, by when (with any
/// extension), and the paragraph that answered. Open ones first, soonest deadline first.
public struct ReferralListPage: Page {
    public static let template = "remisser"
    public let title = "Remisser"
    public var committees: [Choice]
    public var rows: [Row]
    public var hasRows: Bool
    public var today: String

    public struct Row: Sendable {
        public var title: String
        public var from: String
        public var reference: String?
        public var committee: String
        public var deadline: String?
        public var deadlineISO: String?
        /// The first deadline, when it was moved.
        public var originally: String?
        public var late: Bool
        public var status: String
        public var url: String?
    }

    public init(referrals: [ListedReferral], committees: [Committee], selected: CommitteeID?, today: LocalDate) {
        self.committees = [Choice(value: "", label: "Alla nämnder", selected: selected == nil)]
            + committees.map { Choice(value: String($0.id!.rawValue), label: $0.name, selected: $0.id == selected) }
        rows = ListedReferral.listOrder(referrals.filter(\.isPublic)).map { l in
            let r = l.referral
            let status: String
            if let n = l.paragraphNumber {
                status = "Besvarad § \(n)" + (l.meetingDate.map { " (\(SwedishFormat.date($0)))" } ?? "")
            } else if let date = l.meetingDate {
                status = "Behandlas \(SwedishFormat.date(date))"
            } else {
                status = r.isOpen ? "Öppen" : "Besvarad"
            }
            let url: String? = zip2(l.referral.meetingID, l.paragraphNumber).map { Links.paragraph(meeting: $0.0, number: $0.1) }
                ?? l.referral.meetingID.map { Links.meeting($0) }
            return Row(title: r.title, from: r.counterparts.joined(separator: ", "), reference: r.theirReference, committee: l.committee,
                       deadline: r.deadlineInForce.map(SwedishFormat.date), deadlineISO: r.deadlineInForce?.iso,
                       originally: r.extensions.isEmpty ? nil : r.deadline.map(SwedishFormat.date),
                       late: r.isDue(before: today), status: status, url: url)
        }
        hasRows = !rows.isEmpty
        self.today = SwedishFormat.date(today)
    }
}
