/// A notice of adjustment (anslag om justering) on the official notice board: that a committee's
/// minutes are adjusted, posted no later than the second day after adjustment and kept up until
/// the appeal period has ended (KL 8 kap. 12 §). It says where the minutes are kept.
public struct NoticeOfAdjustment: Hashable, Sendable {
    public var meetingID: MeetingID
    public var municipality: String
    public var committee: String
    public var meeting: MeetingDating
    /// The day the minutes were adjusted, when they say so.
    public var adjusted: LocalDate?
    public var announcement: Announcement
    /// The § numbers of the minutes, lowest and highest, when there are paragraphs.
    public var paragraphs: ClosedRange<Int>?

    public init(meetingID: MeetingID, municipality: String, committee: String, meeting: MeetingDating, adjusted: LocalDate?,
                announcement: Announcement, paragraphs: ClosedRange<Int>?) {
        self.meetingID = meetingID
        self.municipality = municipality
        self.committee = committee
        self.meeting = meeting
        self.adjusted = adjusted
        self.announcement = announcement
        self.paragraphs = paragraphs
    }

    public var posted: LocalDate { announcement.posted }
    /// The last day an appeal (laglighetsprövning) can arrive at the förvaltningsrätt.
    public var lastAppealDay: LocalDate { announcement.lastAppealDay }
    /// The day the notice comes down: the day after the appeal period has ended.
    public var takeDown: LocalDate { announcement.takeDown }

    /// Whether the notice is on the board that day: from the day it was posted until it comes down.
    public func isUp(on day: LocalDate) -> Bool { posted <= day && day < takeDown }

    /// How far back a notice posted can still be up: the appeal period and the longest run of
    /// days off that can move its last day (Easter, midsummer, Christmas to New Year).
    public static let longestTimeUp = Deadlines.appealDays + 7
}

/// What the official notice board shows on a day, in the order a reader looks for it.
public enum NoticeBoard {
    /// The notices up that day, the most recently posted first; within a day, by committee.
    public static func notices(_ all: [NoticeOfAdjustment], on day: LocalDate) -> [NoticeOfAdjustment] {
        all.filter { $0.isUp(on: day) }.sorted {
            ($0.posted, $1.committee, $1.meetingID.rawValue) > ($1.posted, $0.committee, $0.meetingID.rawValue)
        }
    }
}
