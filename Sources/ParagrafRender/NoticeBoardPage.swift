import ParagrafCore

/// The official notice board (anslagstavla, KL 8 kap.): the notices of adjustment up today, each
/// with its dates and how to appeal, and the fullmäktige meetings announced ahead.
public struct NoticeBoardPage: Page {
    public static let template = "anslagstavla"

    public struct Entry: Sendable, Equatable {
        public var heading: String
        public var anchor: String
        public var committee: String
        public var municipality: String
        public var meetingURL: String
        public var meetingDate: String
        public var meetingISO: String?
        public var paragraphs: String?
        public var adjusted: String?
        public var adjustedISO: String?
        public var posted: String
        public var postedISO: String
        public var takeDown: String
        public var takeDownISO: String
        public var lastAppealDay: String
        public var lastAppealISO: String
        public var keptAt: String?

        public init(_ notice: NoticeOfAdjustment) {
            heading = "\(notice.committee), sammanträde \(SwedishFormat.meetingDate(notice.meeting, long: false))"
            anchor = "anslag-\(notice.meetingID.rawValue)"
            committee = notice.committee
            municipality = notice.municipality
            meetingURL = Links.meeting(notice.meetingID)
            meetingDate = SwedishFormat.meetingDate(notice.meeting)
            meetingISO = notice.meeting.date?.iso
            paragraphs = notice.paragraphs.map { SwedishFormat.paragraphs($0.lowerBound, $0.upperBound) }
            adjusted = notice.adjusted.map(SwedishFormat.longDate)
            adjustedISO = notice.adjusted?.iso
            posted = SwedishFormat.longDate(notice.posted)
            postedISO = notice.posted.iso
            takeDown = SwedishFormat.longDate(notice.takeDown)
            takeDownISO = notice.takeDown.iso
            lastAppealDay = SwedishFormat.longDate(notice.lastAppealDay)
            lastAppealISO = notice.lastAppealDay.iso
            keptAt = notice.announcement.minutesKeptAt
        }
    }

    /// A fullmäktige meeting announced on the board before it is held.
    public struct Convened: Sendable, Equatable {
        public var committee: String
        public var municipality: String
        public var url: String
        public var date: String
        public var isoDate: String?
        public var time: String?
        public var place: String?

        public init(committee: String, municipality: String, meeting: Meeting) {
            self.committee = committee
            self.municipality = municipality
            url = Links.meeting(meeting)
            date = SwedishFormat.meetingDate(meeting)
            isoDate = meeting.date?.iso
            time = SwedishFormat.timeSpan(meeting.startTime, meeting.endTime)
            place = meeting.place
        }
    }

    public var title = "Anslagstavla"
    public var today: String
    public var todayISO: String
    public var entries: [Entry]
    public var convened: [Convened]
    public var hasEntries: Bool
    public var hasConvened: Bool
    /// More than one municipality in the store (a national archive): each notice names its own.
    public var showMunicipality: Bool

    public init(today: LocalDate, notices: [NoticeOfAdjustment], convened: [Convened]) {
        self.today = SwedishFormat.longDate(today)
        todayISO = today.iso
        entries = notices.map(Entry.init)
        self.convened = convened
        hasEntries = !entries.isEmpty
        hasConvened = !convened.isEmpty
        showMunicipality = Set(notices.map(\.municipality) + convened.map(\.municipality)).count > 1
    }
}

/// The permanent page on how to appeal a municipal decision (laglighetsprövning, KL 13 kap.).
public struct AppealPage: Page {
    public static let template = "laglighetsprovning"
    public var title = "Så överklagar du ett kommunalt beslut (laglighetsprövning)"
    /// Worked example: a notice posted on a day and the last day an appeal can arrive.
    public var examplePosted: String
    public var exampleLastDay: String

    public init(example posted: LocalDate) {
        examplePosted = SwedishFormat.longDate(posted)
        exampleLastDay = SwedishFormat.longDate(Deadlines.lastAppealDay(posted: posted))
    }
}
