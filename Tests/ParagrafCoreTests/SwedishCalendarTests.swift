import Testing
@testable import ParagrafCore

/// The official Swedish calendar 2020–2030 (lag 1989:253 om allmänna helgdagar), written out by
/// hand so that the Easter computation is checked against published dates, not against itself.
/// Columns: långfredagen, påskdagen, annandag påsk, Kristi himmelsfärdsdag, pingstdagen,
/// midsommardagen, alla helgons dag.
let movableHolidays: [Int: [String]] = [
    2020: ["2020-04-10", "2020-04-12", "2020-04-13", "2020-05-21", "2020-05-31", "2020-06-20", "2020-10-31"],
    2021: ["2021-04-02", "2021-04-04", "2021-04-05", "2021-05-13", "2021-05-23", "2021-06-26", "2021-11-06"],
    2022: ["2022-04-15", "2022-04-17", "2022-04-18", "2022-05-26", "2022-06-05", "2022-06-25", "2022-11-05"],
    2023: ["2023-04-07", "2023-04-09", "2023-04-10", "2023-05-18", "2023-05-28", "2023-06-24", "2023-11-04"],
    2024: ["2024-03-29", "2024-03-31", "2024-04-01", "2024-05-09", "2024-05-19", "2024-06-22", "2024-11-02"],
    2025: ["2025-04-18", "2025-04-20", "2025-04-21", "2025-05-29", "2025-06-08", "2025-06-21", "2025-11-01"],
    2026: ["2026-04-03", "2026-04-05", "2026-04-06", "2026-05-14", "2026-05-24", "2026-06-20", "2026-10-31"],
    2027: ["2027-03-26", "2027-03-28", "2027-03-29", "2027-05-06", "2027-05-16", "2027-06-26", "2027-11-06"],
    2028: ["2028-04-14", "2028-04-16", "2028-04-17", "2028-05-25", "2028-06-04", "2028-06-24", "2028-11-04"],
    2029: ["2029-03-30", "2029-04-01", "2029-04-02", "2029-05-10", "2029-05-20", "2029-06-23", "2029-11-03"],
    2030: ["2030-04-19", "2030-04-21", "2030-04-22", "2030-05-30", "2030-06-09", "2030-06-22", "2030-11-02"],
]

func day(_ s: String) -> LocalDate { LocalDate(iso: s)! }

@Suite("Swedish public holidays (lag 1989:253)")
struct SwedishCalendarTests {
    @Test("every holiday of the year matches the official calendar", arguments: 2020...2030)
    func holidaysOfYear(year: Int) {
        let movable = movableHolidays[year]!.map(day)
        let fixed = ["01-01", "01-06", "05-01", "06-06", "12-25", "12-26"].map { day("\(year)-\($0)") }
        let expected = Set(movable + fixed)
        let computed = SwedishCalendar.holidays(year: year)
        #expect(Set(computed.map(\.date)) == expected)
        #expect(computed.count == 13)
        #expect(SwedishCalendar.easterSunday(year: year) == movable[1])
        #expect(SwedishCalendar.holiday(on: movable[3]) == .kristiHimmelsfardsdag)
        #expect(SwedishCalendar.holiday(on: movable[5]) == .midsommardagen)
        #expect(movable[5].weekday == .saturday && movable[6].weekday == .saturday)
    }

    @Test("midsommarafton, julafton and nyårsafton end no deadline, though they are no holidays", arguments: 2020...2030)
    func eves(year: Int) {
        let midsummerEve = day(movableHolidays[year]![5]).adding(days: -1)
        for eve in [midsummerEve, day("\(year)-12-24"), day("\(year)-12-31")] {
            #expect(!SwedishCalendar.isPublicHoliday(eve))
            #expect(!SwedishCalendar.isDeadlineDay(eve))
        }
        #expect(midsummerEve.weekday == .friday)
    }

    @Test("ordinary weekdays are deadline days; weekends never are")
    func weekdays() {
        #expect(SwedishCalendar.isDeadlineDay(day("2024-04-16")))  // a Tuesday
        #expect(!SwedishCalendar.isDeadlineDay(day("2024-04-20")))  // Saturday
        #expect(!SwedishCalendar.isDeadlineDay(day("2024-04-21")))  // Sunday
        #expect(!SwedishCalendar.isDeadlineDay(day("2024-05-01")))  // första maj, a Wednesday
    }

    @Test("Easter far from today: 1818 and 2285 have the extreme dates 22 March and 25 April")
    func easterExtremes() {
        #expect(SwedishCalendar.easterSunday(year: 1818) == day("1818-03-22"))
        #expect(SwedishCalendar.easterSunday(year: 2285) == day("2285-03-22"))
        #expect(SwedishCalendar.easterSunday(year: 1943) == day("1943-04-25"))
        #expect(SwedishCalendar.easterSunday(year: 2038) == day("2038-04-25"))
    }
}

@Suite("Local dates")
struct LocalDateTests {
    @Test func arithmeticAcrossYearsAndLeapDays() {
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2023-02-28").adding(days: 1) == day("2023-03-01"))
        #expect(day("2024-12-31").adding(days: 1) == day("2025-01-01"))
        #expect(day("2000-03-01").adding(days: -1) == day("2000-02-29"))
        #expect(day("1900-03-01").adding(days: -1) == day("1900-02-28"))
        #expect(day("2024-04-16").days(until: day("2024-05-07")) == 21)
        #expect(day("1970-01-01").dayNumber == 0)
    }

    @Test func weekdaysAreRight() {
        #expect(day("2024-04-16").weekday == .tuesday)
        #expect(day("1970-01-01").weekday == .thursday)
        #expect(day("2026-11-22").weekday == .sunday)
    }

    @Test func rejectsImpossibleDates() {
        #expect(LocalDate(iso: "2023-02-29") == nil)
        #expect(LocalDate(iso: "2024-13-01") == nil)
        #expect(LocalDate(iso: "2024-4-1") == nil)
        #expect(LocalDate(iso: "igår") == nil)
        #expect(LocalTime("17:00") == LocalTime(hour: 17, minute: 0))
        #expect(LocalTime("8.30")?.description == "08:30")
        #expect(LocalTime("25:00") == nil)
    }

    @Test func everyDayRoundTripsThroughItsDayNumber() {
        var d = day("2019-12-01")
        while d < day("2031-02-01") {
            let next = d.adding(days: 1)
            #expect(LocalDate(dayNumber: d.dayNumber) == d)
            #expect(next > d && next.dayNumber == d.dayNumber + 1)
            #expect(LocalDate(iso: d.iso) == d)
            d = next
        }
    }
}
