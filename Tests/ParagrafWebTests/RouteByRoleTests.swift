import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafStore
@testable import ParagrafWeb
import Testing

@Suite("Route by role")
struct RouteByRoleTests {
    /// Who may use each staff route, written out here rather than taken from the code under test.
    /// Committee-bound routes are tried on the Arbetslivsnämnden's own records.
    static let allowed: [String: Set<String>] = [
        "GET /intern": Set(StaffWorld.roleNames),
        "GET /intern/logg": ["admin"],
        "GET /intern/bevakning": Set(StaffWorld.roleNames),
        "GET /intern/namnder/:committee/uppfoljning": ["sekr.aln", "handl.aln"],
        "POST /intern/namnder/:committee/uppfoljning/uppdrag/:assignment": ["sekr.aln", "handl.aln"],
        "POST /intern/namnder/:committee/uppfoljning/uppdrag": ["sekr.aln"],
        "POST /intern/namnder/:committee/uppfoljning/remisser": ["sekr.aln"],
        "POST /intern/namnder/:committee/uppfoljning/remisser/:referral": ["sekr.aln"],
        "POST /intern/namnder/:committee/uppfoljning/delegationsordning": ["sekr.aln"],
        "POST /intern/namnder/:committee/uppfoljning/delegationsbeslut": ["sekr.aln"],
        "POST /intern/namnder/:committee/uppfoljning/anmalningsarenden": ["sekr.aln"],
        "POST /intern/namnder/:committee/uppfoljning/import": ["sekr.aln"],
        "GET /intern/namnder/:committee/uppfoljning/uppdrag-utanfor-budget": ["sekr.aln", "handl.aln"],
        "GET /intern/namnder/:committee/uppfoljning/uppdrag-utanfor-budget/pdf": ["sekr.aln", "handl.aln"],
        "GET /intern/namnder/:committee/rapporter": ["sekr.aln", "handl.aln"],
        "POST /intern/namnder/:committee/rapporter": ["sekr.aln", "handl.aln"],
        "POST /intern/namnder/:committee/rapporter/ej-verkstallda": ["sekr.aln", "handl.aln"],
        "GET /intern/rapporter/:report": ["sekr.aln", "handl.aln"],
        "GET /intern/rapporter/:report/pdf": ["sekr.aln", "handl.aln"],
        "GET /intern/konton": ["admin"],
        "POST /intern/konton": ["admin"],
        "GET /intern/konton/:account": ["admin"],
        "POST /intern/konton/:account": ["admin"],
        "GET /intern/namnder/:committee/diarium": ["sekr.aln", "handl.aln"],
        "POST /intern/namnder/:committee/diarium": ["sekr.aln"],
        "GET /intern/arenden/:case": ["sekr.aln", "handl.aln"],
        "POST /intern/arenden/:case": ["sekr.aln"],
        "POST /intern/arenden/:case/handlingar": ["sekr.aln"],
        "POST /intern/arenden/:case/tjansteskrivelse": ["sekr.aln", "handl.aln"],
        "GET /intern/handlingar/:document": ["sekr.aln", "handl.aln"],
        "GET /intern/namnder/:committee/sammantraden": ["sekr.aln"],
        "POST /intern/namnder/:committee/sammantraden": ["sekr.aln"],
        "GET /intern/sammantraden/:meeting": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/dagordning": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/dagordning/klara": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/kallelse": ["sekr.aln"],
        "GET /intern/sammantraden/:meeting/kallelse": ["sekr.aln", "ledamot.aln"],
        "GET /intern/sammantraden/:meeting/kallelse.pdf": ["sekr.aln", "ledamot.aln"],
        "GET /intern/sammantraden/:meeting/kallelse-med-handlingar.pdf": ["sekr.aln", "ledamot.aln"],
        "POST /intern/sammantraden/:meeting/forhinder": ["sekr.aln", "ledamot.aln"],
        "POST /intern/sammantraden/:meeting/forhinder/aterkalla": ["sekr.aln", "ledamot.aln"],
        "POST /intern/sammantraden/:meeting/oppna": ["sekr.aln"],
        "GET /intern/sammantraden/:meeting/protokoll": ["sekr.aln"],
        "GET /intern/sammantraden/:meeting/protokoll/:number": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/protokoll/narvaro": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/protokoll/justerare": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/protokoll/avsluta": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/protokoll/:number/jav": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/protokoll/:number/yrkande": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/protokoll/:number/yrkande/aterta": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/protokoll/:number/huvudforslag": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/protokoll/:number/fraga": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/protokoll/:number/votering": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/protokoll/:number/beslut": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/protokoll/:number/reservation": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/protokoll/:number/reservation/motivering": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/protokoll/:number/yttrande": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/protokoll/:number/uppdrag": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/protokoll/justering": ["sekr.aln"],
        "GET /intern/sammantraden/:meeting/justering": ["sekr.aln", "ledamot.aln"],
        "GET /intern/sammantraden/:meeting/justering/protokoll.pdf": ["sekr.aln", "ledamot.aln"],
        "POST /intern/sammantraden/:meeting/justering/signera": ["sekr.aln", "ledamot.aln"],
        "GET /intern/sammantraden/:meeting/expediering": ["sekr.aln"],
        "POST /intern/sammantraden/:meeting/protokoll/:number/omedelbar": ["sekr.aln"],
        "GET /intern/sammantraden/:meeting/omedelbar/:number": ["sekr.aln", "ledamot.aln"],
        "GET /intern/sammantraden/:meeting/omedelbar/:number/utdrag.pdf": ["sekr.aln", "ledamot.aln"],
        "POST /intern/sammantraden/:meeting/omedelbar/:number/signera": ["sekr.aln", "ledamot.aln"],
        "POST /intern/sammantraden/:meeting/justering/signera-bankid": ["sekr.aln", "ledamot.aln"],
        "GET /intern/sammantraden/:meeting/justering/bankid": ["sekr.aln", "ledamot.aln"],
        "POST /intern/sammantraden/:meeting/omedelbar/:number/signera-bankid": ["sekr.aln", "ledamot.aln"],
        "GET /intern/sammantraden/:meeting/omedelbar/:number/bankid": ["sekr.aln", "ledamot.aln"],
        "POST /intern/sammantraden/:meeting/expediering": ["sekr.aln"],
        "GET /intern/sammantraden/:meeting/expediering/:file": ["sekr.aln"],
    ]

    @Test("every staff route refuses the anonymous public and each role that must not use it, and changes nothing when it refuses")
    func everyRoute() async throws {
        try await withTemporaryStore { store, _ in
            let world = try await StaffWorld.make(store)
            let matter = try await store.register(Case(committeeID: world.aln.id!, diaryNumber: DiaryNumber(series: nil, year: nil, serial: ""),
                                                       title: "Verksamhetsplan"), year: 2026, actor: "test")
            let document = try await store.attach(Document(caseID: matter.id, kind: .bilaga, title: "Bilaga"), content: Array("%PDF-1.7\n".utf8),
                                                  actor: "test")
            let meeting = try await store.plan(Meeting(committeeID: world.aln.id!, date: day("2026-12-15")), actor: "test")
            _ = try await store.setAgenda(AgendaPlan.standard(meeting: meeting.id!, cases: []), for: meeting.id!, actor: "test")
            try await store.issue(Notice(meetingID: meeting.id!, issued: day("2026-12-01")), actor: "test")
            let report = try await store.save(PeriodicReport(committeeID: world.aln.id!, title: "Månadsrapport", period: "oktober 2026",
                                                             tables: [ReportTable(title: "Ekonomi", columns: ["Budget 2026", "Utfall jan-okt 2026"],
                                                                                  rows: [.init(group: nil, label: "Nettokostnad", values: [-100, -80], line: 2)])]),
                                              actor: "test")
            let assignment = try await store.save(Assignment(committeeID: world.aln.id!, giver: "Kommunfullmäktige", givenBy: "KF 2026-02-20 § 12",
                                                             text: "Utred", outsideBudget: true))
            let referral = try await store.save(Referral(committeeID: world.aln.id!, direction: .incoming, counterparts: ["Kommunstyrelsen"],
                                                         title: "Remiss", deadline: day("2026-12-31")))
            let parameters = [":assignment": String(assignment.id!.rawValue), ":referral": String(referral.id!.rawValue),
                              ":report": String(report.id!.rawValue), ":file": "1.pdf", ":number": "1", ":meeting": String(meeting.id!.rawValue), ":committee": String(world.aln.id!.rawValue), ":case": String(matter.id!.rawValue),
                              ":document": String(document.id!.rawValue), ":account": String(world.accounts["sekr.ks"]!.id!.rawValue)]
            // BankID set up (at an address nothing answers), so that its routes are declared and walked too.
            var configuration = staffTestConfiguration
            configuration.bankID = .init(url: "http://127.0.0.1:9/rp/v6.0")
            let (app, routes) = try await buildRouter(store: store, configuration: configuration, logger: quiet)
            #expect(routes.count == Self.allowed.count, "every declared route has a line in the table, and no line is left over")
            try await app.test(.router) { client in
                var sessions: [String: TestSession] = [:]
                for name in StaffWorld.roleNames { sessions[name] = try await TestSession.signIn(client, name) }
                for route in routes {
                    let key = "\(route.method) \(route.path)"
                    guard let allowed = Self.allowed[key] else {
                        Issue.record("\(key) is not in the table of who may use it")
                        continue
                    }
                    var path = route.path
                    for (name, value) in parameters { path = path.replacingOccurrences(of: name, with: value) }
                    let logBefore = try await store.auditLog(subjectKind: nil, subjectID: nil, limit: 1000).count

                    let anonymous = try await request(client, TestSession.anonymous, route.method, path)
                    // A page sends the public to sign in; a form without a signed-in session's token is refused outright.
                    if route.method == .get {
                        #expect(anonymous.status == .seeOther && anonymous.location.hasPrefix("/logga-in"), "\(key) anonymously")
                    } else {
                        #expect(anonymous.status == .forbidden, "\(key) anonymously gave \(anonymous.status)")
                    }
                    for name in StaffWorld.roleNames where !allowed.contains(name) {
                        let answer = try await request(client, sessions[name]!, route.method, path)
                        #expect(answer.status == .forbidden, "\(key) as \(name) gave \(answer.status)")
                    }
                    #expect(try await store.auditLog(subjectKind: nil, subjectID: nil, limit: 1000).count == logBefore,
                            "a refused \(key) changed nothing")
                    for name in allowed {
                        let answer = try await request(client, sessions[name]!, route.method, path)
                        #expect(answer.status != .forbidden && !answer.location.hasPrefix("/logga-in"), "\(key) as \(name) gave \(answer.status)")
                    }
                }
            }
        }
    }

    private func request(_ client: some TestClientProtocol, _ session: TestSession, _ method: HTTPRequest.Method,
                         _ path: String) async throws -> (status: HTTPResponse.Status, location: String) {
        if method == .post {
            let answer = try await session.postReading(client, path, [:])
            return (answer.status, answer.location)
        }
        return try await client.execute(uri: path, method: method, headers: session.headers) { response in
            (response.status, response.headers[.location] ?? "")
        }
    }
}
