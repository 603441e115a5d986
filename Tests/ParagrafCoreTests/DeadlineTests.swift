import Testing
@testable import ParagrafCore

/// For each year, a notice posted 21 days before a day that ends no deadline, and the last
/// appeal day that follows (KL 13 kap. 5 §; lag 1930:173 moves it to the next weekday).
/// Worked out independently from the official calendar.
let appealCases: [Int: [String: (posted: String, lastDay: String)]] = [
    2020: ["julafton": ("2020-12-03", "2020-12-28"), "nyarsafton": ("2020-12-10", "2021-01-04"), "midsommarafton": ("2020-05-29", "2020-06-22"), "langfredagen": ("2020-03-20", "2020-04-14"), "kristiHimmelsfard": ("2020-04-30", "2020-05-22"), "nationaldagen": ("2020-05-16", "2020-06-08")],
    2021: ["julafton": ("2021-12-03", "2021-12-27"), "nyarsafton": ("2021-12-10", "2022-01-03"), "midsommarafton": ("2021-06-04", "2021-06-28"), "langfredagen": ("2021-03-12", "2021-04-06"), "kristiHimmelsfard": ("2021-04-22", "2021-05-14"), "nationaldagen": ("2021-05-16", "2021-06-07")],
    2022: ["julafton": ("2022-12-03", "2022-12-27"), "nyarsafton": ("2022-12-10", "2023-01-02"), "midsommarafton": ("2022-06-03", "2022-06-27"), "langfredagen": ("2022-03-25", "2022-04-19"), "kristiHimmelsfard": ("2022-05-05", "2022-05-27"), "nationaldagen": ("2022-05-16", "2022-06-07")],
    2023: ["julafton": ("2023-12-03", "2023-12-27"), "nyarsafton": ("2023-12-10", "2024-01-02"), "midsommarafton": ("2023-06-02", "2023-06-26"), "langfredagen": ("2023-03-17", "2023-04-11"), "kristiHimmelsfard": ("2023-04-27", "2023-05-19"), "nationaldagen": ("2023-05-16", "2023-06-07")],
    2024: ["julafton": ("2024-12-03", "2024-12-27"), "nyarsafton": ("2024-12-10", "2025-01-02"), "midsommarafton": ("2024-05-31", "2024-06-24"), "langfredagen": ("2024-03-08", "2024-04-02"), "kristiHimmelsfard": ("2024-04-18", "2024-05-10"), "nationaldagen": ("2024-05-16", "2024-06-07")],
    2025: ["julafton": ("2025-12-03", "2025-12-29"), "nyarsafton": ("2025-12-10", "2026-01-02"), "midsommarafton": ("2025-05-30", "2025-06-23"), "langfredagen": ("2025-03-28", "2025-04-22"), "kristiHimmelsfard": ("2025-05-08", "2025-05-30"), "nationaldagen": ("2025-05-16", "2025-06-09")],
    2026: ["julafton": ("2026-12-03", "2026-12-28"), "nyarsafton": ("2026-12-10", "2027-01-04"), "midsommarafton": ("2026-05-29", "2026-06-22"), "langfredagen": ("2026-03-13", "2026-04-07"), "kristiHimmelsfard": ("2026-04-23", "2026-05-15"), "nationaldagen": ("2026-05-16", "2026-06-08")],
    2027: ["julafton": ("2027-12-03", "2027-12-27"), "nyarsafton": ("2027-12-10", "2028-01-03"), "midsommarafton": ("2027-06-04", "2027-06-28"), "langfredagen": ("2027-03-05", "2027-03-30"), "kristiHimmelsfard": ("2027-04-15", "2027-05-07"), "nationaldagen": ("2027-05-16", "2027-06-07")],
    2028: ["julafton": ("2028-12-03", "2028-12-27"), "nyarsafton": ("2028-12-10", "2029-01-02"), "midsommarafton": ("2028-06-02", "2028-06-26"), "langfredagen": ("2028-03-24", "2028-04-18"), "kristiHimmelsfard": ("2028-05-04", "2028-05-26"), "nationaldagen": ("2028-05-16", "2028-06-07")],
    2029: ["julafton": ("2029-12-03", "2029-12-27"), "nyarsafton": ("2029-12-10", "2030-01-02"), "midsommarafton": ("2029-06-01", "2029-06-25"), "langfredagen": ("2029-03-09", "2029-04-03"), "kristiHimmelsfard": ("2029-04-19", "2029-05-11"), "nationaldagen": ("2029-05-16", "2029-06-07")],
    2030: ["julafton": ("2030-12-03", "2030-12-27"), "nyarsafton": ("2030-12-10", "2031-01-02"), "midsommarafton": ("2030-05-31", "2030-06-24"), "langfredagen": ("2030-03-29", "2030-04-23"), "kristiHimmelsfard": ("2030-05-09", "2030-05-31"), "nationaldagen": ("2030-05-16", "2030-06-07")],
]

@Suite("Deadlines (KL 6:35, 8:12, 13:5; lag 1930:173)")
struct DeadlineTests {
    @Test("appeal period ending on a holiday or eve moves to the next weekday", arguments: 2020...2030)
    func appealMovedPastHolidays(year: Int) {
        for (name, c) in appealCases[year]! {
            let posted = day(c.posted)
            #expect(Deadlines.lastAppealDay(posted: posted) == day(c.lastDay), "\(year) \(name)")
            #expect(Deadlines.takeDown(posted: posted) == day(c.lastDay).adding(days: 1), "\(year) \(name)")
        }
    }

    @Test("every posting day of the year gives a last appeal day that is the first deadline day from three weeks on",
          arguments: 2020...2030)
    func appealEveryDay(year: Int) {
        var posted = day("\(year)-01-01")
        while posted.year == year {
            let last = Deadlines.lastAppealDay(posted: posted)
            let plain = posted.adding(days: 21)
            #expect(last >= plain && last.days(until: plain) > -6, "moved at most five days: \(posted)")
            #expect(SwedishCalendar.isDeadlineDay(last))
            var d = plain
            while d < last {
                #expect(!SwedishCalendar.isDeadlineDay(d))
                d = d.adding(days: 1)
            }
            posted = posted.adding(days: 1)
        }
    }

    @Test("seed-000: adjusted and posted 19 April 2024, appeal until 10 May 2024")
    func borasExample() {
        let announcement = Announcement(posted: day("2024-04-19"))
        #expect(announcement.lastAppealDay == day("2024-05-10"))
        #expect(announcement.takeDown == day("2024-05-11"))
        #expect(Deadlines.violations(meeting: day("2024-04-16"), adjusted: day("2024-04-19"), posted: day("2024-04-19")).isEmpty)
    }

    @Test("justering within 14 days of the meeting, moved past weekends")
    func adjustmentDeadline() {
        // 16 April 2024 + 14 = Tuesday 30 April, a weekday.
        #expect(Deadlines.latestAdjustment(meeting: day("2024-04-16")) == day("2024-04-30"))
        // 8 June 2024 (Saturday) + 14 = Saturday 22 June (midsommardagen): Monday 24 June.
        #expect(Deadlines.latestAdjustment(meeting: day("2024-06-08")) == day("2024-06-24"))
        // 10 December 2025 + 14 = julafton: first weekday after is Monday 29 December.
        #expect(Deadlines.latestAdjustment(meeting: day("2025-12-10")) == day("2025-12-29"))
        let late = Deadlines.violations(meeting: day("2024-04-16"), adjusted: day("2024-05-02"), posted: nil)
        #expect(late == [.adjustedLate(latest: day("2024-04-30"), adjusted: day("2024-05-02"))])
    }

    @Test("notice posted no later than the second day after justering")
    func postingDeadline() {
        // Adjusted Thursday 18 April 2024: posted by Saturday 20 → Monday 22 April.
        #expect(Deadlines.latestPosting(adjusted: day("2024-04-18")) == day("2024-04-22"))
        // Adjusted Monday 27 May 2024: Wednesday 29 May.
        #expect(Deadlines.latestPosting(adjusted: day("2024-05-27")) == day("2024-05-29"))
        // Adjusted 4 June 2024: the second day is nationaldagen, so Friday 7 June.
        #expect(Deadlines.latestPosting(adjusted: day("2024-06-04")) == day("2024-06-07"))
        let v = Deadlines.violations(meeting: day("2024-05-20"), adjusted: day("2024-05-27"), posted: day("2024-05-31"))
        #expect(v == [.postedLate(latest: day("2024-05-29"), posted: day("2024-05-31"))])
        let early = Deadlines.violations(meeting: day("2024-05-20"), adjusted: day("2024-05-27"), posted: day("2024-05-26"))
        #expect(early.count == 1)
        #expect(early.first?.description.contains("före justeringen") == true)
    }
}
