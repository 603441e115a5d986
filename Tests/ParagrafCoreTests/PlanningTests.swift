import ParagrafCore
import Testing

@Suite("Planning: the agenda")
struct PlanningTests {
    let meeting = MeetingID(7)

    func ready(_ id: Int64, _ title: String, secret: Bool = false) -> AgendaPlan.Ready {
        AgendaPlan.Ready(matter: Case(id: CaseID(id), committeeID: CommitteeID(1), diaryNumber: DiaryNumber("ALN 2026-0000\(id)")!, title: title,
                                      secrecy: secret ? .secret(provision: "26 kap. 1 § OSL") : .open),
                         proposedDecision: "att bifalla")
    }

    @Test("the standard items stand around the ready cases, a secret case's item is closed, and added cases go before the closing items")
    func agenda() {
        let items = AgendaPlan.standard(meeting: meeting, cases: [ready(2, "Yttrande", secret: true), ready(1, "Budget")])
        #expect(items.map(\.title) == ["Upprop och val av justerare", "Godkännande av föredragningslistan", "Budget", "Yttrande",
                                       "Anmälningsärenden", "Redovisning av delegationsbeslut", "Övriga frågor"])
        #expect(items.map(\.position) == Array(1...7))
        #expect(items.map(\.isPublic) == [true, true, true, false, true, true, true])
        #expect(items[2].proposedDecision == "att bifalla" && items[2].caseID == CaseID(1))

        let more = AgendaPlan.adding([ready(1, "Budget"), ready(3, "Taxa")], to: items, meeting: meeting)
        #expect(more.map(\.title) == ["Upprop och val av justerare", "Godkännande av föredragningslistan", "Budget", "Yttrande", "Taxa",
                                      "Anmälningsärenden", "Redovisning av delegationsbeslut", "Övriga frågor"])
        #expect(more.map(\.position) == Array(1...8))
    }
}
