import ParagrafCore

/// The kallelse with its föredragningslista and, for each case, the tjänsteskrivelse's proposal:
/// one model that becomes both the accessible HTML page and the PDF/A (through Typst).
public struct NoticeDocument: Page {
    public static let template = "kallelse"
    public var title: String
    public var bar: StaffBar?
    public var municipality: String
    public var committee: String
    public var issued: String
    /// `tisdagen den 19 september 2023 kl. 17.00`
    public var when: String
    public var place: String
    public var openness: String
    public var signedBy: [String]
    public var groupMeetings: [String]
    public var hasGroupMeetings: Bool
    public var contact: String
    public var items: [Item]
    public var pdfURL: String?
    public var bundleURL: String?
    /// For a member reading their notice: whether they have reported absence, and the form to change it.
    public var memberBox: MemberBox?
    public var done: String?

    public struct MemberBox: Sendable {
        public var reported: Bool
        public var open: Bool
        public var formURL: String
        public init(reported: Bool, open: Bool, formURL: String) {
            self.reported = reported
            self.open = open
            self.formURL = formURL
        }
    }

    public struct Item: Sendable {
        public var number: Int
        public var title: String
        public var diaryNumber: String?
        public var closed: Bool
        public var proposal: [String]
        public var summary: String?
        public var basis: [String]
        public var hasBasis: Bool
        public var hasDetails: Bool
    }

    public struct CaseText: Sendable {
        public var diaryNumber: String
        public var memo: Memo?
        public init(diaryNumber: String, memo: Memo?) {
            self.diaryNumber = diaryNumber
            self.memo = memo
        }
    }

    public init(municipality: String, committee: String, meeting: Meeting, notice: Notice, agenda: [AgendaItem],
                cases: [CaseID: CaseText], contact: String, bar: StaffBar? = nil, pdfURL: String? = nil, bundleURL: String? = nil) {
        title = "Kallelse – \(committee) \(meeting.date.map(SwedishFormat.date) ?? "")"
        self.bar = bar
        self.municipality = municipality
        self.committee = committee
        issued = notice.issued.iso
        let day = meeting.date.map { "\($0.weekday.swedishName)en den \($0.day) \(SwedishFormat.months[$0.month - 1]) \($0.year)" } ?? ""
        when = [day, SwedishFormat.timeSpan(meeting.startTime, nil)].compactMap { $0 }.joined(separator: " ")
        place = meeting.place ?? "platsen meddelas senare"
        openness = meeting.isOpenToPublic
            ? "Sammanträdet är öppet för allmänheten, utom vid ärenden som avser myndighetsutövning eller sekretess."
            : "Sammanträdet är inte öppet för allmänheten."
        signedBy = notice.signedBy
        groupMeetings = notice.groupMeetings.map { group in
            let date = group.date.map { "\($0.weekday.swedishName)en den \($0.day) \(SwedishFormat.months[$0.month - 1])" }
            let time = group.time.map { String(format: "klockan %02d.%02d", $0.hour, $0.minute) }
            return ([group.groups, date, time].compactMap { $0 } + (group.place.map { [", \($0)"] } ?? [])).joined(separator: " ")
                .replacingOccurrences(of: " ,", with: ",")
        }
        hasGroupMeetings = !groupMeetings.isEmpty
        self.contact = contact
        items = agenda.sorted { $0.position < $1.position }.map { item in
            let text = item.caseID.flatMap { cases[$0] }
            let memo = text?.memo
            let proposal = memo?.proposedClauses.map { $0.lowercased().hasPrefix("att ") ? $0 : "att " + $0 }
                ?? (item.proposedDecision.map { Memo.lines($0) } ?? [])
            return Item(number: item.position, title: item.title, diaryNumber: text?.diaryNumber, closed: !item.isPublic,
                        proposal: proposal, summary: memo?.summary, basis: memo?.basis ?? [], hasBasis: !(memo?.basis ?? []).isEmpty,
                        hasDetails: !proposal.isEmpty || memo != nil)
        }
        self.pdfURL = pdfURL
        self.bundleURL = bundleURL
    }

    /// The Typst source of the PDF/A: the same text, in the layout municipalities print.
    public var typst: String {
        var out = Typst.preamble(title: title, author: committee)
        out += "#grid(columns: (1fr, auto), [\(Typst.text(municipality)) \\ *\(Typst.text(committee))*], [*KALLELSE* \\ \(Typst.text(issued))])\n\n"
        out += "\(Typst.text("\(committee)s ledamöter och ersättare kallas härmed till sammanträde i \(place), \(when)."))\n\n"
        out += Typst.text(openness) + "\n\n"
        if !signedBy.isEmpty { out += "#grid(columns: \(signedBy.count), gutter: 2em, " + signedBy.map { "[\(Typst.text($0))]" }.joined(separator: ", ") + ")\n\n" }
        if hasGroupMeetings {
            out += "Gruppmöten för politisk beredning i partigrupperna:\n\n" + groupMeetings.map { "- \(Typst.text($0))\n" }.joined() + "\n"
        }
        out += Typst.text(contact) + "\n\n= Föredragningslista\n\n"
        for item in items {
            out += "+ \(Typst.text(item.title))" + (item.closed ? " (\(Typst.text("ej offentlig"))) " : "")
                + (item.diaryNumber.map { " \\ Dnr \(Typst.text($0))" } ?? "") + "\n"
        }
        for item in items where item.hasDetails {
            out += "\n#pagebreak()\n= \(item.number). \(Typst.text(item.title))\n"
            if let dnr = item.diaryNumber { out += "Dnr \(Typst.text(dnr))\n\n" }
            if !item.proposal.isEmpty {
                out += "== Förslag till beslut\n" + item.proposal.map { Typst.text($0) }.joined(separator: " \\\n") + "\n\n"
            }
            if let summary = item.summary { out += "== Sammanfattning\n" + Typst.paragraphs(summary) + "\n\n" }
            if !item.basis.isEmpty { out += "== Beslutsunderlag\n" + item.basis.map { "+ \(Typst.text($0))\n" }.joined() + "\n" }
        }
        return out
    }
}

extension NoticeDocument {
    /// A handling put into the bundle: its title and the file (in the compile root) with its page count.
    public struct Attachment: Sendable {
        public var title: String
        public var file: String
        public var pages: Int
        public init(title: String, file: String, pages: Int) {
            self.title = title
            self.file = file
            self.pages = pages
        }
    }

    /// The notice followed by every handling, each under its own heading (a bookmark in the PDF).
    public func bundleTypst(_ attachments: [Attachment]) -> String {
        var out = typst
        for attachment in attachments {
            out += "\n#pagebreak()\n= \(Typst.text(attachment.title))\n"
            for page in 1...max(1, attachment.pages) {
                if page > 1 { out += "#pagebreak()\n" }
                out += "#image(\(Typst.literal(attachment.file)), page: \(page), width: 100%, height: 90%, fit: \"contain\")\n"
            }
        }
        return out
    }
}

/// Writing Typst markup safely: every text from a record goes in as a string literal, so that no
/// character in a title or a name is read as markup.
public enum Typst {
    public static func text(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n", "\r\n", "\r": escaped += " "
            default: escaped.append(character)
            }
        }
        return "#\"\(escaped)\""
    }

    /// Text with blank lines between paragraphs kept as paragraphs.
    public static func paragraphs(_ value: String) -> String {
        value.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .split(separator: "", omittingEmptySubsequences: true)
            .map { lines in lines.map(text).joined(separator: " ") }.joined(separator: "\n\n")
    }

    static func preamble(title: String, author: String) -> String {
        """
        #set document(title: \(literal(title)), author: \(literal(author)))
        #set text(lang: "sv", region: "SE", font: ("DejaVu Sans", "Libertinus Serif"), size: 10.5pt)
        #set page(paper: "a4", margin: (x: 2.2cm, y: 2.2cm), numbering: "1 (1)")
        #set heading(numbering: none)
        #show heading.where(level: 1): set text(size: 14pt)
        #show heading.where(level: 2): set text(size: 11pt)

        """
    }

    /// A Typst string literal (for arguments, where the `#` of `text` does not belong).
    static func literal(_ value: String) -> String {
        String(text(value).dropFirst())
    }
}
