import ParagrafCore

/// The start page: the committees of each municipality and their meetings.
public struct StartPage: Page {
    public static let template = "start"

    public struct MeetingRow: Sendable, Equatable {
        public var committee: String
        public var url: String
        public var date: String
        public var isoDate: String?
        public var time: String?
        public var place: String?
        public var state: String

        public init(committee: String, meeting: Meeting) {
            self.committee = committee
            self.url = Links.meeting(meeting)
            self.date = SwedishFormat.meetingDate(meeting)
            self.isoDate = meeting.date?.iso
            self.time = SwedishFormat.timeSpan(meeting.startTime, meeting.endTime)
            self.place = meeting.place
            self.state = meeting.state.rawValue
        }
    }

    public struct YearGroup: Sendable, Equatable {
        public var year: Int
        public var meetings: [MeetingRow]
        public init(year: Int, meetings: [MeetingRow]) {
            self.year = year
            self.meetings = meetings
        }
    }

    public struct CommitteeRow: Sendable, Equatable {
        public var name: String
        public var kind: String
        public var parent: String?
        /// The committee's meetings by year, the latest year first.
        public var years: [YearGroup]
        // Stored, not computed: Mustache sees stored properties only.
        public var hasMeetings: Bool

        public init(name: String, kind: CommitteeKind, parent: String?, years: [YearGroup]) {
            self.name = name
            self.kind = kind.swedishName
            self.parent = parent
            self.years = years
            self.hasMeetings = !years.isEmpty
        }
    }

    public struct MunicipalitySection: Sendable, Equatable {
        public var name: String
        public var anchor: String
        public var committees: [CommitteeRow]
        public init(name: String, committees: [CommitteeRow]) {
            self.name = name
            self.anchor = "kommun-" + Slug.make(name)
            self.committees = committees
        }
    }

    public var title: String
    public var municipalities: [MunicipalitySection]
    public var upcoming: [MeetingRow]
    public var recent: [MeetingRow]
    /// What is on the official notice board today.
    public var board: [NoticeBoardPage.Entry]
    public var isEmpty: Bool
    public var hasUpcoming: Bool
    public var hasRecent: Bool
    public var hasBoard: Bool

    public init(municipalities: [MunicipalitySection], upcoming: [MeetingRow], recent: [MeetingRow],
                board: [NoticeOfAdjustment] = []) {
        let names = municipalities.map(\.name)
        self.title = names.count == 1 ? "Paragraf – \(names[0])" : "Paragraf"
        self.municipalities = municipalities
        self.upcoming = upcoming
        self.recent = recent
        self.board = board.map(NoticeBoardPage.Entry.init)
        self.isEmpty = municipalities.isEmpty
        self.hasUpcoming = !upcoming.isEmpty
        self.hasRecent = !recent.isEmpty
        self.hasBoard = !board.isEmpty
    }
}
