import ParagrafCore

/// A matter (ärende) followed through every committee that handled it: on which agendas it
/// stood, what each paragraph decided, and its documents, in the order it happened.
public struct CasePage: Page {
    public static let template = "case"

    public struct Event: Sendable, Equatable {
        public var date: String
        public var isoDate: String?
        public var committee: String
        public var what: String
        public var text: String?
        public var url: String?
    }

    /// The timeline's parts come with the meeting and committee each belongs to.
    public typealias Source = MeetingPlace

    public var title: String
    public var diaryNumber: String
    public var municipality: String
    public var registeredBy: String
    public var status: String
    public var events: [Event]
    public var hasEvents: Bool

    public init(matter: Case, municipality: String, registeredBy: String,
                agenda: [(AgendaItem, Source)], paragraphs: [(Paragraph, Source)], documents: [(Document, Source?)]) {
        title = matter.title
        diaryNumber = matter.diaryNumber.withClassification
        self.municipality = municipality
        self.registeredBy = registeredBy
        status = matter.status.rawValue
        var dated: [(day: Int, order: Int, event: Event)] = []
        func day(_ source: Source?) -> Int { source?.meeting.date?.dayNumber ?? Int.max }
        for (item, source) in agenda {
            let open = Publication.mayPublish(item)
            dated.append((day(source), 0, Event(date: SwedishFormat.meetingDate(source.meeting), isoDate: source.meeting.date?.iso,
                                                committee: source.committee, what: "På föredragningslistan, punkt \(item.position)",
                                                text: open ? item.title : "Ärendet är inte offentligt",
                                                url: Links.meeting(source.meeting))))
        }
        for (paragraph, source) in paragraphs {
            let open = Publication.mayPublish(paragraph)
            dated.append((day(source), 1, Event(
                date: SwedishFormat.meetingDate(source.meeting), isoDate: source.meeting.date?.iso, committee: source.committee,
                what: open ? "Beslut, § \(paragraph.number) \(paragraph.title)" : "Beslut, § \(paragraph.number)",
                text: open ? paragraph.decision.first?.text : "Paragrafen är inte offentlig",
                url: open ? Links.paragraph(meeting: source.meeting.id ?? paragraph.meetingID, number: paragraph.number) : nil)))
        }
        for (document, source) in documents where Publication.mayPublish(document) {
            let date = document.date ?? source?.meeting.date
            dated.append((date?.dayNumber ?? Int.max, 2, Event(
                date: date.map(SwedishFormat.longDate) ?? "datum okänt", isoDate: date?.iso, committee: source?.committee ?? registeredBy,
                what: "Handling: \(document.kind.rawValue)", text: document.title,
                url: document.file == nil ? nil : Links.document(document))))
        }
        events = dated.sorted { ($0.day, $0.order) < ($1.day, $1.order) }.map(\.event)
        hasEvents = !events.isEmpty
    }
}

/// Cases that share a diary number in several municipalities: which one is meant.
public struct CaseChoicePage: Page {
    public static let template = "cases"

    public struct Row: Sendable, Equatable {
        public var url: String
        public var title: String
        public var municipality: String
        public var committee: String

        public init(url: String, title: String, municipality: String, committee: String) {
            self.url = url
            self.title = title
            self.municipality = municipality
            self.committee = committee
        }
    }

    public var title: String
    public var rows: [Row]

    public init(diaryNumber: String, rows: [Row]) {
        title = "Ärenden med diarienummer \(diaryNumber)"
        self.rows = rows
    }
}
