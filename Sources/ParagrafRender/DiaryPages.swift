import ParagrafCore

/// An option in a select list.
public struct Choice: Sendable {
    public var value: String
    public var label: String
    public var selected: Bool
    public init(value: String, label: String, selected: Bool) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}

/// A committee's diary as its registrator and handläggare see it: every case, secret ones
/// included, and the form that registers a new one.
public struct DiaryPage: Page {
    public static let template = "diary"
    public var title: String
    public var bar: StaffBar
    public var committee: String
    public var series: String
    public var rows: [Row]
    public var hasRows: Bool
    public var canRegister: Bool
    public var registerURL: String
    public var form: Form
    public var problems: [String]
    public var hasProblems: Bool

    public struct Row: Sendable {
        public var diaryNumber: String
        public var title: String
        public var handler: String?
        public var status: String
        public var registered: String?
        public var url: String
        public var secret: String?
    }

    /// What the register form holds: blank, or what was sent when it was refused.
    public struct Form: Sendable {
        public var title: String
        public var classification: String
        public var handler: String
        public var secret: Bool
        public var provision: String
        public init(title: String = "", classification: String = "", handler: String = "", secret: Bool = false, provision: String = "") {
            self.title = title
            self.classification = classification
            self.handler = handler
            self.secret = secret
            self.provision = provision
        }
    }

    public init(bar: StaffBar, committee: Committee, cases: [Case], canRegister: Bool, form: Form = Form(), problems: [String] = []) {
        title = "Diarium – \(committee.name)"
        self.bar = bar
        self.committee = committee.name
        series = committee.abbreviation ?? ""
        rows = cases.map { matter in
            Row(diaryNumber: matter.diaryNumber.withClassification, title: matter.title, handler: matter.handler,
                status: matter.status.rawValue, registered: matter.registered.map(SwedishFormat.date),
                url: StaffLinks.matter(matter.id!), secret: matter.secrecy.isSecret ? "Sekretess" : nil)
        }
        hasRows = !rows.isEmpty
        self.canRegister = canRegister
        registerURL = StaffLinks.diary(committee.id!)
        self.form = form
        self.problems = problems
        hasProblems = !problems.isEmpty
    }
}

/// One case as staff work with it: its facts, documents and tjänsteskrivelse.
public struct StaffCasePage: Page {
    public static let template = "staff-case"
    public var title: String
    public var bar: StaffBar
    public var committee: String
    public var diaryURL: String
    public var diaryNumber: String
    public var caseTitle: String
    public var classification: String
    public var handler: String
    public var secret: Bool
    public var provision: String
    public var registered: String?
    public var statuses: [Choice]
    public var publicURL: String?
    public var canEdit: Bool
    public var canWriteMemo: Bool
    public var url: String
    public var documents: [DocumentRow]
    public var hasDocuments: Bool
    public var documentKinds: [Choice]
    public var uploadLimit: String
    public var memo: MemoForm
    public var problems: [String]
    public var hasProblems: Bool
    public var done: String?

    public struct DocumentRow: Sendable {
        public var title: String
        public var kind: String
        public var size: String?
        public var date: String?
        public var secret: String?
        public var url: String
    }

    public struct MemoForm: Sendable {
        public var exists: Bool
        public var author: String
        public var date: String
        public var summary: String
        public var clauses: String
        public var basis: String
        public var recipients: String
    }

    public init(bar: StaffBar, committee: Committee, matter: Case, documents: [Document], memo: Memo?, memoAuthor: String,
                today: LocalDate, canEdit: Bool, canWriteMemo: Bool, uploadLimit: Int, problems: [String] = [], done: String? = nil) {
        title = "\(matter.diaryNumber) – \(matter.title)"
        self.bar = bar
        self.committee = committee.name
        diaryURL = StaffLinks.diary(committee.id!)
        diaryNumber = matter.diaryNumber.description
        caseTitle = matter.title
        classification = matter.classification?.code ?? ""
        handler = matter.handler ?? ""
        secret = matter.secrecy.isSecret
        if case .secret(let provision) = matter.secrecy { self.provision = provision } else { provision = "" }
        registered = matter.registered.map(SwedishFormat.date)
        statuses = CaseStatus.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: $0 == matter.status) }
        publicURL = Publication.mayPublish(matter) ? Links.matter(matter.id!) : nil
        self.canEdit = canEdit
        self.canWriteMemo = canWriteMemo
        url = StaffLinks.matter(matter.id!)
        self.documents = documents.map { document in
            DocumentRow(title: document.title, kind: document.kind.rawValue, size: document.file.map { SwedishFormat.size($0.byteCount) },
                        date: document.date.map(SwedishFormat.date), secret: document.secrecy.isSecret ? "Sekretess" : nil,
                        url: StaffLinks.document(document.id!))
        }
        hasDocuments = !documents.isEmpty
        documentKinds = [DocumentKind.tjansteskrivelse, .bilaga, .beslutsunderlag, .remiss, .remissvar, .utredning, .other]
            .map { Choice(value: $0.rawValue, label: $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst(), selected: $0 == .bilaga) }
        self.uploadLimit = SwedishFormat.limit(uploadLimit)
        self.memo = MemoForm(exists: memo != nil, author: memo?.author ?? memoAuthor, date: SwedishFormat.date(memo?.date ?? today),
                             summary: memo?.summary ?? "", clauses: memo?.proposedClauses.joined(separator: "\n") ?? "",
                             basis: memo?.basis.joined(separator: "\n") ?? "", recipients: memo?.recipients.joined(separator: "\n") ?? "")
        self.problems = problems
        hasProblems = !problems.isEmpty
        self.done = done
    }
}
