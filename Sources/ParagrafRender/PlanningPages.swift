import ParagrafCore

/// A committee's meetings for a year, and the form that plans another.
public struct MeetingPlanPage: Page {
    public static let template = "meeting-plan"
    public var title: String
    public var bar: StaffBar
    public var year: Int
    public var previousURL: String
    public var nextURL: String
    public var formURL: String
    public var rows: [Row]
    public var hasRows: Bool
    public var problems: [String]
    public var hasProblems: Bool
    public var form: Form

    public struct Row: Sendable {
        public var date: String
        public var time: String?
        public var place: String?
        public var state: String
        public var url: String
    }

    public struct Form: Sendable {
        public var date: String
        public var time: String
        public var place: String
        public var open: Bool
        public init(date: String = "", time: String = "", place: String = "", open: Bool = false) {
            self.date = date
            self.time = time
            self.place = place
            self.open = open
        }
    }

    public init(bar: StaffBar, committee: Committee, year: Int, meetings: [Meeting], form: Form = Form(), problems: [String] = []) {
        title = "Sammanträden \(year) – \(committee.name)"
        self.bar = bar
        self.year = year
        let base = StaffLinks.meetingPlan(committee.id!)
        previousURL = base + "?ar=\(year - 1)"
        nextURL = base + "?ar=\(year + 1)"
        formURL = base
        rows = meetings.map { meeting in
            Row(date: SwedishFormat.meetingDate(meeting), time: SwedishFormat.timeSpan(meeting.startTime, meeting.endTime), place: meeting.place,
                state: meeting.state.rawValue, url: StaffLinks.meeting(meeting.id!))
        }
        hasRows = !rows.isEmpty
        self.form = form
        self.problems = problems
        hasProblems = !problems.isEmpty
    }
}

/// One meeting as the secretary prepares it: its facts, the agenda, the notice, and who is absent
/// and called in their place.
public struct MeetingWorkPage: Page {
    public static let template = "meeting-work"
    public var title: String
    public var bar: StaffBar
    public var planURL: String
    public var url: String
    public var state: String
    public var canPlan: Bool
    public var date: String
    public var time: String
    public var place: String
    public var open: Bool
    public var items: [Item]
    public var hasItems: Bool
    public var readyCount: Int
    public var notified: Bool
    public var noticeURL: String
    /// A notified meeting is opened when it begins; from then the minutes are written.
    public var canOpen: Bool
    public var minutesURL: String?
    public var groupMeetings: String
    public var signedBy: String
    public var absences: [Line]
    public var calls: [Line]
    public var uncovered: [String]
    public var hasAbsences: Bool
    public var members: [Choice]
    public var problems: [String]
    public var hasProblems: Bool
    public var done: String?
    /// Remisser due before the next meeting that this agenda does not carry.
    public var referralWarnings: [String] = []
    public var hasReferralWarnings = false

    public struct Item: Sendable {
        public var position: Int
        public var title: String
        public var diaryNumber: String?
        public var isPublic: Bool
        public var kind: String
        public var index: Int
    }

    public struct Line: Sendable {
        public var text: String
        public var person: String
    }

    public struct Called: Sendable {
        public var substitute: PersonRef
        public var replacing: PersonRef
        public init(substitute: PersonRef, replacing: PersonRef) {
            self.substitute = substitute
            self.replacing = replacing
        }
    }

    public init(bar: StaffBar, committee: Committee, meeting: Meeting, agenda: [AgendaItem], diaryNumbers: [CaseID: String], readyCount: Int,
                notice: Notice?, absent: [PersonRef], calls: [Called], uncovered: [PersonRef], members: [PersonRef],
                problems: [String] = [], done: String? = nil) {
        title = "Sammanträde \(SwedishFormat.meetingDate(meeting)) – \(committee.name)"
        self.bar = bar
        planURL = StaffLinks.meetingPlan(committee.id!) + "?ar=\(meeting.year)"
        url = StaffLinks.meeting(meeting.id!)
        state = meeting.state.rawValue
        canPlan = [.planned, .notified].contains(meeting.state)
        date = meeting.date?.iso ?? ""
        time = meeting.startTime.map { String(format: "%02d:%02d", $0.hour, $0.minute) } ?? ""
        place = meeting.place ?? ""
        open = meeting.isOpenToPublic
        items = agenda.sorted { $0.position < $1.position }.enumerated().map { index, item in
            Item(position: item.position, title: item.title, diaryNumber: item.caseID.flatMap { diaryNumbers[$0] }, isPublic: item.isPublic,
                 kind: item.kind.rawValue, index: index)
        }
        hasItems = !items.isEmpty
        self.readyCount = readyCount
        notified = notice != nil
        noticeURL = StaffLinks.notice(meeting.id!)
        canOpen = meeting.state == .notified
        minutesURL = [.held, .adjusted, .announced].contains(meeting.state) ? StaffLinks.minutes(meeting.id!) : nil
        groupMeetings = notice?.groupMeetings.map { [$0.groups, $0.date?.iso, $0.time?.description, $0.place].compactMap { $0 }.joined(separator: "; ") }
            .joined(separator: "\n") ?? ""
        signedBy = notice?.signedBy.joined(separator: "\n") ?? ""
        absences = absent.map { Line(text: $0.description, person: $0.personID.map { String($0.rawValue) } ?? "") }
        self.calls = calls.map { Line(text: "\($0.substitute.description) tjänstgör för \($0.replacing.description)", person: "") }
        self.uncovered = uncovered.map { "Ingen ersättare finns kvar att kalla för \($0.description)." }
        hasAbsences = !absent.isEmpty
        self.members = members.map { Choice(value: $0.personID.map { String($0.rawValue) } ?? "", label: $0.description, selected: false) }
        self.problems = problems
        hasProblems = !problems.isEmpty
        self.done = done
    }
}
