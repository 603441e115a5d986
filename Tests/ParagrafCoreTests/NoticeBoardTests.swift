import ParagrafCore
import Testing

@Suite("The official notice board")
struct NoticeBoardTests {
    func notice(_ id: Int64, committee: String, posted: String) -> NoticeOfAdjustment {
        NoticeOfAdjustment(meetingID: MeetingID(id), municipality: "Borås", committee: committee,
                           meeting: .on(LocalDate(iso: posted)!.adding(days: -5)), adjusted: LocalDate(iso: posted)!.adding(days: -1),
                           announcement: Announcement(posted: LocalDate(iso: posted)!), paragraphs: 30...43)
    }

    @Test("a notice is up from the day it is posted until the day after the last appeal day (KL 13 kap.)")
    func upUntilTheAppealPeriodEnds() {
        // Posted Friday 19 April 2024: three weeks is Friday 10 May, a weekday, so it comes down on Saturday 11 May.
        let n = notice(1, committee: "Arbetslivsnämnden", posted: "2024-04-19")
        #expect(n.lastAppealDay == LocalDate(iso: "2024-05-10"))
        #expect(n.takeDown == LocalDate(iso: "2024-05-11"))
        #expect(!n.isUp(on: LocalDate(iso: "2024-04-18")!))
        #expect(n.isUp(on: LocalDate(iso: "2024-04-19")!))
        #expect(n.isUp(on: LocalDate(iso: "2024-05-10")!))
        #expect(!n.isUp(on: LocalDate(iso: "2024-05-11")!))
        // Posted 2 June 2023: three weeks is midsommarafton (23 June), so the last day is Monday 26 June.
        let midsummer = notice(2, committee: "Kommunstyrelsen", posted: "2023-06-02")
        #expect(midsummer.lastAppealDay == LocalDate(iso: "2023-06-26"))
        #expect(midsummer.isUp(on: LocalDate(iso: "2023-06-25")!))
    }

    @Test("the board lists what is up that day, the latest posted first, then by committee")
    func boardOrder() {
        let all = [notice(1, committee: "Socialnämnden", posted: "2024-04-19"),
                   notice(2, committee: "Arbetslivsnämnden", posted: "2024-04-19"),
                   notice(3, committee: "Kommunstyrelsen", posted: "2024-04-22"),
                   notice(4, committee: "Valnämnden", posted: "2024-03-01")]
        let board = NoticeBoard.notices(all, on: LocalDate(iso: "2024-04-25")!)
        #expect(board.map(\.meetingID) == [MeetingID(3), MeetingID(2), MeetingID(1)])
    }

    @Test("looking back `longestTimeUp` days finds every notice still up, in every year 2020–2030")
    func windowCoversEveryNotice() {
        var day = LocalDate(iso: "2020-01-01")!
        var longest = 0
        while day < LocalDate(iso: "2031-01-01")! {
            longest = max(longest, day.days(until: Deadlines.takeDown(posted: day)))
            day = day.adding(days: 1)
        }
        #expect(longest <= NoticeOfAdjustment.longestTimeUp)
        #expect(longest > Deadlines.appealDays, "days off do move some notices' last day")
    }
}
