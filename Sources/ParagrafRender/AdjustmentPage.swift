import ParagrafCore

/// Justering: who must sign, who has, the PDF/A to read before signing, and the sign button
/// for the person whose turn it is.
public struct AdjustmentPage: Page {
    public static let template = "adjustment"
    public var title: String
    public var bar: StaffBar
    public var pdfURL: String
    public var signURL: String
    public var rows: [Row]
    public var canSign: Bool
    public var signingRole: String?
    public var locked: Bool
    public var publicURL: String
    public var dispatchURL: String
    public var done: String?
    public var pdfSHA256: String
    /// Where to start signing with BankID, when BankID is set up.
    public var bankIDURL: String?

    public struct Row: Sendable {
        public var role: String
        public var name: String
        public var signed: String?
    }

    public init(bar: StaffBar, committee: Committee, meeting: Meeting, signed: SignedMinutes, required: [(role: SignatoryRole, person: PersonRef)],
                signingRole: SignatoryRole?, done: String? = nil) {
        title = "Justering av protokoll \(SwedishFormat.meetingDate(meeting)) – \(committee.name)"
        self.bar = bar
        pdfURL = StaffLinks.adjustment(meeting.id!) + "/protokoll.pdf"
        signURL = StaffLinks.adjustment(meeting.id!) + "/signera"
        rows = required.map { need in
            let given = signed.signatures.first { $0.role == need.role && $0.person.name == need.person.name }
            return Row(role: need.role.rawValue.prefix(1).uppercased() + need.role.rawValue.dropFirst(), name: need.person.description,
                       signed: given.map { "Signerat \(String($0.signedAt.prefix(16)).replacingOccurrences(of: "T", with: " ")) UTC med \($0.method)" })
        }
        locked = signed.lockedAt != nil
        canSign = signingRole != nil && !locked
        self.signingRole = signingRole?.rawValue
        publicURL = Links.meeting(meeting.id!)
        dispatchURL = StaffLinks.dispatch(meeting.id!)
        self.done = done
        pdfSHA256 = signed.pdfSHA256
    }
}

/// Waiting for the person to sign in the BankID app: the page reloads every two seconds, and each
/// load asks BankID how far the order has come.
public struct BankIDWaitPage: Page {
    public static let template = "bankid-wait"
    public var title = "Signera med BankID"
    public var bar: StaffBar
    public var message: String
    public var autoStartURL: String
    public var backURL: String

    public init(bar: StaffBar, message: String, autoStartToken: String, backURL: String) {
        self.bar = bar
        self.message = message
        autoStartURL = "bankid:///?autostarttoken=\(autoStartToken)&redirect=null"
        self.backURL = backURL
    }
}
