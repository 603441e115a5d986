import ParagrafCore
import Testing

@Suite("Follow-up rules: the delegation order, CSV of delegated decisions, what is due")
struct FollowUpRulesTests {
    func d(_ s: String) -> LocalDate { LocalDate(iso: s)! }

    @Test("a point is valid from its version's first day until the next version starts, and never after the order's last day")
    func delegationValidity() {
        let v1 = DelegationOrder(committeeID: CommitteeID(1), version: 1, adoptedBy: "§ 27", validFrom: d("2024-02-20"),
                                 points: [DelegationPoint(code: "3.2", matter: "Anställning", delegate: "Förvaltningschef")])
        let v2 = DelegationOrder(committeeID: CommitteeID(1), version: 2, adoptedBy: "§ 41", validFrom: d("2024-04-17"), validTo: d("2026-12-31"),
                                 points: [DelegationPoint(code: "4.1", matter: "Yttrande", delegate: "Ordförande")])
        let orders = [v2, v1]
        #expect(DelegationCheck.order(on: d("2024-02-19"), among: orders) == nil)
        #expect(DelegationCheck.order(on: d("2024-04-16"), among: orders)?.version == 1)
        #expect(DelegationCheck.order(on: d("2024-04-17"), among: orders)?.version == 2)
        #expect(DelegationCheck.order(on: d("2027-01-01"), among: orders) == nil)
        #expect((try? DelegationCheck.point("3.2", on: d("2024-03-01"), among: orders).get())?.delegate == "Förvaltningschef")
        guard case .failure(let refusal) = DelegationCheck.point("3.2", on: d("2024-05-01"), among: orders) else {
            Issue.record("3.2 is gone in version 2")
            return
        }
        #expect(refusal.message.contains("version 2"))
        #expect(v2.problems(after: [v1]).isEmpty)
        #expect(v1.problems(after: [v2]).count == 1, "a new version starts after the latest")
    }

    @Test("CSV of delegated decisions: a missing column, a date in the wrong form and a repeated line are each reported with the line")
    func csvProblems() {
        let missing = ReportedMatterCSV.read("Datum;Beslut\n2024-04-20;Yttrande\n", kind: .delegatedDecisions)
        guard case .failure(let m) = missing else { Issue.record("columns missing"); return }
        #expect(m.list.count == 1 && m.list[0].line == 1 && m.list[0].message.contains("”Delegationspunkt”"))
        let text = """
            Beslutsdatum;Punkt;Delegat;Ärende;Dnr
            2024-04-20;4.1;Ordförande;Yttrande till förvaltningsrätten;ALN 2024-00040
            20/4 2024;4.1;Ordförande;Yttrande;
            2024-04-20;4.1;Ordförande;Yttrande till förvaltningsrätten;ALN 2024-00040
            2024-04-21;;Ordförande;Utan punkt;
            """
        guard case .failure(let p) = ReportedMatterCSV.read(text, kind: .delegatedDecisions) else { Issue.record("bad lines"); return }
        #expect(p.list.map(\.line) == [3, 4, 5])
        #expect(p.description.contains("Rad 3: datumet ”20/4 2024” ska skrivas ÅÅÅÅ-MM-DD"))
        #expect(p.description.contains("Rad 4: samma beslut som rad 2"))
        let notices = ReportedMatterCSV.read("Inkom;Rubrik;Avsändare\n2024-03-20;Dom;Förvaltningsrätten\n", kind: .notifications)
        #expect((try? notices.get())?.first?.party == "Förvaltningsrätten", "anmälningsärenden need no point")
    }

    @Test("what is due: overdue before today, upcoming through day 30; reminders once per stage for what the account follows")
    func dueOverview() {
        let today = d("2026-12-01")
        func item(_ id: Int64, _ days: Int, committee: Int64 = 1, handler: String? = nil) -> DueItem {
            DueItem(kind: .assignment, id: id, title: "U\(id)", committeeID: CommitteeID(committee), committee: "N", due: today.adding(days: days),
                    handler: handler)
        }
        let items = [item(1, -1), item(2, 0), item(3, 30), item(4, 31), item(5, 10, committee: 2), item(6, 5, handler: "Hanna Handläggare")]
        let split = DueOverview.split(items, today: today)
        #expect(split.overdue.map(\.id) == [1])
        #expect(split.upcoming.map(\.id) == [2, 6, 5, 3])
        let secretary = Account(username: "s", name: "Sara", grants: [Grant(.secretary, committee: CommitteeID(1))], email: "sara@k.se")
        let handler = Account(username: "h", name: "Hanna Handläggare", grants: [Grant(.handler, committee: CommitteeID(1))], email: "hanna@k.se")
        #expect(DueOverview.followed(by: secretary, among: items).map(\.id) == [1, 2, 3, 4, 6])
        #expect(DueOverview.followed(by: handler, among: items).map(\.id) == [6])
        let first = DueOverview.reminders(items: items, accounts: [secretary, handler], today: today, alreadySent: [])
        #expect(first.map(\.email) == ["sara@k.se", "hanna@k.se"])
        #expect(first[0].items.map(\.item.id) == [1, 2, 6, 3])
        let sent = Set(first.flatMap { $0.items.map(\.key) })
        #expect(DueOverview.reminders(items: items, accounts: [secretary, handler], today: today, alreadySent: sent).isEmpty)
        let later = DueOverview.reminders(items: items, accounts: [secretary], today: today.adding(days: 1), alreadySent: sent)
        #expect(later.first?.items.map(\.item.id) == [2, 4], "item 2 is now overdue, item 4 now within 30 days")
    }
}
