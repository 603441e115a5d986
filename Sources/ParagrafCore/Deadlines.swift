/// The statutory deadlines of a meeting's minutes, each moved by lag (1930:173) when it would
/// end on a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton.
public enum Deadlines {
    /// Minutes are adjusted no later than 14 days after the meeting (KL 6 kap. 35 §, 5 kap. 69 §).
    public static let adjustmentDays = 14
    /// The notice of adjustment is posted no later than the second day after adjustment (KL 8 kap. 12 §).
    public static let postingDays = 2
    /// An appeal must arrive within three weeks of the day the notice was posted (KL 13 kap. 5 §).
    public static let appealDays = 21

    /// Last day on which the minutes may be adjusted.
    public static func latestAdjustment(meeting: LocalDate) -> LocalDate {
        SwedishCalendar.deadlineDay(onOrAfter: meeting.adding(days: adjustmentDays))
    }

    /// Last day on which the notice of adjustment may be posted on the official notice board.
    public static func latestPosting(adjusted: LocalDate) -> LocalDate {
        SwedishCalendar.deadlineDay(onOrAfter: adjusted.adding(days: postingDays))
    }

    /// Last day on which an appeal (laglighetsprövning) can arrive.
    public static func lastAppealDay(posted: LocalDate) -> LocalDate {
        SwedishCalendar.deadlineDay(onOrAfter: posted.adding(days: appealDays))
    }

    /// The notice stays up until the appeal period has ended, so it comes down the day after.
    public static func takeDown(posted: LocalDate) -> LocalDate {
        lastAppealDay(posted: posted).adding(days: 1)
    }

    /// Checks the dates a set of minutes states against the deadlines; empty when all hold.
    public static func violations(meeting: LocalDate, adjusted: LocalDate?, posted: LocalDate?) -> [DeadlineViolation] {
        var found: [DeadlineViolation] = []
        if let adjusted {
            if adjusted < meeting {
                found.append(.adjustedBeforeMeeting(meeting: meeting, adjusted: adjusted))
            } else if adjusted > latestAdjustment(meeting: meeting) {
                found.append(.adjustedLate(latest: latestAdjustment(meeting: meeting), adjusted: adjusted))
            }
            if let posted {
                if posted < adjusted {
                    found.append(.postedBeforeAdjustment(adjusted: adjusted, posted: posted))
                } else if posted > latestPosting(adjusted: adjusted) {
                    found.append(.postedLate(latest: latestPosting(adjusted: adjusted), posted: posted))
                }
            }
        }
        return found
    }
}

public enum DeadlineViolation: Hashable, Sendable, CustomStringConvertible {
    case adjustedBeforeMeeting(meeting: LocalDate, adjusted: LocalDate)
    case adjustedLate(latest: LocalDate, adjusted: LocalDate)
    case postedBeforeAdjustment(adjusted: LocalDate, posted: LocalDate)
    case postedLate(latest: LocalDate, posted: LocalDate)

    public var description: String {
        switch self {
        case let .adjustedBeforeMeeting(meeting, adjusted):
            return "Protokollet anges justerat \(adjusted) men sammanträdet hölls \(meeting)."
        case let .adjustedLate(latest, adjusted):
            return "Protokollet justerades \(adjusted), senast \(latest) enligt kommunallagen (6 kap. 35 §)."
        case let .postedBeforeAdjustment(adjusted, posted):
            return "Anslaget anges uppsatt \(posted), före justeringen \(adjusted)."
        case let .postedLate(latest, posted):
            return "Anslaget sattes upp \(posted), senast \(latest) enligt kommunallagen (8 kap. 12 §)."
        }
    }
}
