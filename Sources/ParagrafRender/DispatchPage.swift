import ParagrafCore

/// Expediering: every paragraph's recipients, what has been sent to whom and when, and the
/// signed extracts.
public struct DispatchPage: Page {
    public static let template = "dispatch"
    public var title: String
    public var bar: StaffBar
    public var url: String
    public var pending: [String]
    public var hasPending: Bool
    public var sent: [Sent]
    public var hasSent: Bool
    public var done: String?

    public struct Sent: Sendable {
        public var paragraph: String
        public var recipient: String
        public var sentOn: String
        public var sentBy: String
        public var signedBy: String
        public var pdfURL: String
        public var signatureURL: String
    }

    public init(bar: StaffBar, committee: Committee, meeting: Meeting, minutes: Minutes, dispatches: [DispatchRecord], done: String? = nil) {
        title = "Expediering – \(committee.name) \(SwedishFormat.meetingDate(meeting))"
        self.bar = bar
        url = StaffLinks.dispatch(meeting.id!)
        var pending: [String] = []
        for p in minutes.paragraphs.sorted(by: { $0.number < $1.number }) {
            for recipient in p.recipients where !dispatches.contains(where: { $0.paragraph == p.number && $0.recipient == recipient }) {
                pending.append("§ \(p.number) \(p.title) till \(recipient)")
            }
        }
        self.pending = pending
        hasPending = !pending.isEmpty
        sent = dispatches.enumerated().map { index, d in
            let titles = Dictionary(minutes.paragraphs.map { ($0.number, $0.title) }, uniquingKeysWith: { a, _ in a })
            return Sent(paragraph: "§ \(d.paragraph) \(titles[d.paragraph] ?? "")", recipient: d.recipient, sentOn: SwedishFormat.date(d.sentOn),
                        sentBy: d.sentBy, signedBy: d.signedBy, pdfURL: StaffLinks.dispatch(meeting.id!) + "/\(index + 1).pdf",
                        signatureURL: StaffLinks.dispatch(meeting.id!) + "/\(index + 1).p7s")
        }
        hasSent = !sent.isEmpty
        self.done = done
    }
}
