/// Swedish public holidays (lag 1989:253 om allmänna helgdagar) and the other days on which a
/// statutory deadline cannot end (lag 1930:173 om beräkning av lagstadgad tid).
public enum SwedishCalendar {
    public enum Holiday: String, Sendable, CaseIterable {
        case nyarsdagen = "Nyårsdagen"
        case trettondedagJul = "Trettondedag jul"
        case langfredagen = "Långfredagen"
        case pasdagen = "Påskdagen"
        case annandagPask = "Annandag påsk"
        case forstaMaj = "Första maj"
        case kristiHimmelsfardsdag = "Kristi himmelsfärdsdag"
        case pingstdagen = "Pingstdagen"
        case nationaldagen = "Sveriges nationaldag"
        case midsommardagen = "Midsommardagen"
        case allaHelgonsDag = "Alla helgons dag"
        case juldagen = "Juldagen"
        case annandagJul = "Annandag jul"
    }

    /// Days that are no public holiday but end no deadline either (lag 1930:173 names them).
    public enum DeadlineFreeEve: String, Sendable, CaseIterable {
        case midsommarafton = "Midsommarafton"
        case julafton = "Julafton"
        case nyarsafton = "Nyårsafton"
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus/Jones/Butcher).
    public static func easterSunday(year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)!
    }

    /// The public holidays of a year, in date order.
    public static func holidays(year: Int) -> [(date: LocalDate, holiday: Holiday)] {
        let easter = easterSunday(year: year)
        func date(_ month: Int, _ day: Int) -> LocalDate { LocalDate(year: year, month: month, day: day)! }
        // Midsommardagen is the Saturday 20–26 June; alla helgons dag the Saturday 31 October–6 November.
        let midsummer = firstSaturday(onOrAfter: date(6, 20))
        let allSaints = firstSaturday(onOrAfter: date(10, 31))
        return [
            (date(1, 1), .nyarsdagen),
            (date(1, 6), .trettondedagJul),
            (easter.adding(days: -2), .langfredagen),
            (easter, .pasdagen),
            (easter.adding(days: 1), .annandagPask),
            (date(5, 1), .forstaMaj),
            (easter.adding(days: 39), .kristiHimmelsfardsdag),
            (easter.adding(days: 49), .pingstdagen),
            (date(6, 6), .nationaldagen),
            (midsummer, .midsommardagen),
            (allSaints, .allaHelgonsDag),
            (date(12, 25), .juldagen),
            (date(12, 26), .annandagJul),
        ].sorted { $0.0 < $1.0 }
    }

    public static func eves(year: Int) -> [(date: LocalDate, eve: DeadlineFreeEve)] {
        let midsummerEve = firstSaturday(onOrAfter: LocalDate(year: year, month: 6, day: 20)!).adding(days: -1)
        return [
            (midsummerEve, .midsommarafton),
            (LocalDate(year: year, month: 12, day: 24)!, .julafton),
            (LocalDate(year: year, month: 12, day: 31)!, .nyarsafton),
        ]
    }

    public static func holiday(on date: LocalDate) -> Holiday? {
        holidays(year: date.year).first { $0.date == date }?.holiday
    }

    public static func isPublicHoliday(_ date: LocalDate) -> Bool { holiday(on: date) != nil }

    /// True when a statutory deadline may end on this day: not a Saturday, Sunday, public
    /// holiday, midsommarafton, julafton or nyårsafton (lag 1930:173).
    public static func isDeadlineDay(_ date: LocalDate) -> Bool {
        switch date.weekday {
        case .saturday, .sunday: return false
        default:
            return !isPublicHoliday(date) && !eves(year: date.year).contains { $0.date == date }
        }
    }

    /// The date itself when a deadline may end on it, otherwise the next such weekday.
    public static func deadlineDay(onOrAfter date: LocalDate) -> LocalDate {
        var day = date
        while !isDeadlineDay(day) { day = day.adding(days: 1) }
        return day
    }

    static func firstSaturday(onOrAfter date: LocalDate) -> LocalDate {
        let offset = (Weekday.saturday.rawValue - date.weekday.rawValue + 7) % 7
        return date.adding(days: offset)
    }
}
