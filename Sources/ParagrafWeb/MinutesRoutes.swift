import Foundation
import Hummingbird
import ParagrafCore
import ParagrafRender
import ParagrafStore

/// The meeting itself: opening it, attendance, each paragraph's proposals, questions, votes and
/// decision, reservations, closing, and the adjusters. Every step is one of `MeetingSteps`, saved
/// against the draft's version so that two secretaries cannot overwrite each other.
func addMinutesRoutes(to staff: StaffRoutes, store: any Store, renderer: PageRenderer) {
    let people = MeetingPeople(store: store)
    let named = MeetingInPath(store: store)
    let need = named.need { .keepMinutes($0) }
    @Sendable func draft(_ meeting: Meeting) async throws -> (MinutesDraft, Int) {
        guard let found = try await store.minutesDraft(for: meeting.id!) else {
            throw UserFacingError(status: .notFound, title: "Sammanträdet är inte öppnat",
                                  message: "Protokollet skrivs från att sammanträdet öppnas. Öppna det från sammanträdets sida.")
        }
        return found
    }
    @Sendable func minutesPage(_ user: StaffUser, _ context: PortalContext, _ meeting: Meeting, _ committee: Committee,
                               problems: [String] = [], done: String? = nil) async throws -> String {
        let (current, version) = try await draft(meeting)
        let roster = try await people.roster(meeting)
        var everyone = roster.everyone
        for row in current.minutes.attendance where !everyone.contains(where: { $0.personID == row.person.personID }) { everyone.append(row.person) }
        return try renderer.render(MinutesWorkPage(bar: staffBar(user, context), committee: committee, meeting: meeting, draft: current,
                                                   version: version, people: everyone, problems: problems, done: done))
    }
    @Sendable func paragraphPage(_ user: StaffUser, _ context: PortalContext, _ meeting: Meeting, number: Int,
                                 problems: [String] = [], done: String? = nil) async throws -> String {
        let (current, version) = try await draft(meeting)
        guard let paragraph = current.paragraph(number) else { throw HTTPError(.notFound) }
        return try renderer.render(ParagraphWorkPage(bar: staffBar(user, context), meeting: meeting.id!, draft: current, version: version,
                                                     paragraph: paragraph, problems: problems, done: done))
    }

    staff.post("/intern/sammantraden/:meeting/oppna", need: need) { _, context, user in
        let (meeting, committee) = try await named.meeting(context)
        let agenda = try await store.agenda(for: meeting.id!)
        var cases: [CaseID: (Case, Memo?)] = [:]
        for item in agenda {
            if let id = item.caseID, let matter = try await store.matter(id) { cases[id] = (matter, try await store.memo(for: id)) }
        }
        let memberships = try await store.memberships(of: committee.id!, on: meeting.date)
        let roster = try await people.roster(meeting)
        let absent = Set(roster.absent.compactMap(\.personID))
        var expected: [MeetingSteps.Expected] = []
        for membership in memberships where membership.role.holdsSeat && !absent.contains(membership.personID) {
            guard let person = roster.everyone.first(where: { $0.personID == membership.personID }) else { continue }
            let role: AttendanceRole = switch membership.role {
            case .ordforande: .ordforande
            case .forsteViceOrdforande, .andreViceOrdforande: .viceOrdforande
            default: .ledamot
            }
            expected.append(.init(person: person, role: role))
        }
        expected += roster.calls.map { .init(person: $0.substitute, role: .tjanstgorandeErsattare, replacing: $0.replacing) }
        let seats = memberships.filter { $0.role.holdsSeat }.count
        let highest = try await store.highestParagraphNumber(inDraftsOrMinutesOf: committee.id!, year: meeting.year, except: meeting.id!)
        let opened = MeetingSteps.open(meeting: meeting.id!, agenda: agenda, cases: cases, expected: expected, seats: seats,
                                       firstNumber: highest + 1, secretary: user.account.name,
                                       matters: try await store.mattersFor(meeting: meeting.id!), committee: committee.name)
        do {
            try await store.open(opened, actor: user.actor)
        } catch let error as StoreError {
            throw UserFacingError.badForm(error.description)
        }
        return seeOther(StaffLinks.minutes(meeting.id!) + "?klart=oppnat")
    }
    staff.get("/intern/sammantraden/:meeting/protokoll", need: need) { request, context, user in
        let (meeting, committee) = try await named.meeting(context)
        let done = FormParameters(query: request.uri.query).get("klart").flatMap { MinutesForm.doneMessages[$0] }
        return HTML.response(try await minutesPage(user, context, meeting, committee, done: done))
    }
    staff.get("/intern/sammantraden/:meeting/protokoll/:number", need: need) { request, context, user in
        let (meeting, _) = try await named.meeting(context)
        let done = FormParameters(query: request.uri.query).get("klart").flatMap { MinutesForm.doneMessages[$0] }
        return HTML.response(try await paragraphPage(user, context, meeting, number: Int(try context.id("number")), done: done))
    }

    /// One step on the whole minutes (attendance, closing, adjusters).
    func minutesStep(_ path: String, action: String, _ step: @escaping @Sendable (MinutesDraft, SubmittedForm, PeopleIndex) throws -> MinutesDraft) {
        staff.post("/intern/sammantraden/:meeting/protokoll/" + path, need: need) { _, context, user in
            let (meeting, committee) = try await named.meeting(context)
            let form = context.form ?? SubmittedForm()
            do {
                let (current, _) = try await draft(meeting)
                let index = try await PeopleIndex.of(current, roster: people.roster(meeting))
                let changed = try step(current, form, index)
                _ = try await store.save(changed, version: Int(form.get("version") ?? "") ?? -1, actor: user.actor, action: action, paragraph: nil)
            } catch let error as MeetingStepError {
                return HTML.response(try await minutesPage(user, context, meeting, committee, problems: [error.description]), status: .unprocessableContent)
            } catch let error as StoreError {
                return HTML.response(try await minutesPage(user, context, meeting, committee, problems: [error.description]), status: .conflict)
            }
            return seeOther(StaffLinks.minutes(meeting.id!) + "?klart=sparat")
        }
    }
    /// One step on a paragraph.
    func paragraphStep(_ path: String, action: String, _ step: @escaping @Sendable (MinutesDraft, Int, SubmittedForm, PeopleIndex) throws -> MinutesDraft) {
        staff.post("/intern/sammantraden/:meeting/protokoll/:number/" + path, need: need) { _, context, user in
            let (meeting, _) = try await named.meeting(context)
            let number = Int(try context.id("number"))
            let form = context.form ?? SubmittedForm()
            do {
                let (current, _) = try await draft(meeting)
                guard current.paragraph(number) != nil else { throw HTTPError(.notFound) }
                let index = try await PeopleIndex.of(current, roster: people.roster(meeting))
                let changed = try step(current, number, form, index)
                _ = try await store.save(changed, version: Int(form.get("version") ?? "") ?? -1, actor: user.actor,
                                         action: "\(action) § \(number)", paragraph: number)
            } catch let error as MeetingStepError {
                return HTML.response(try await paragraphPage(user, context, meeting, number: number, problems: [error.description]),
                                     status: .unprocessableContent)
            } catch let error as StoreError {
                return HTML.response(try await paragraphPage(user, context, meeting, number: number, problems: [error.description]), status: .conflict)
            }
            return seeOther(StaffLinks.minutes(meeting.id!) + "/\(number)?klart=sparat")
        }
    }

    minutesStep("narvaro", action: "ändrade närvaron") { draft, form, people in
        var rows: [Attendance] = []
        for index in form.getAll("rad") where form.get("bort-\(index)") == nil {
            rows.append(try MinutesForm.attendance(form, suffix: index, people: people))
        }
        if form.get("lagg-till") != nil { rows.append(try MinutesForm.attendance(form, suffix: "ny", people: people)) }
        return try MeetingSteps.setAttendance(draft, rows)
    }
    minutesStep("justerare", action: "valde justerare") { draft, form, people in
        let adjusters = try form.getAll("justerare").map { try people.person($0) }
        let date = try form.text("datum").map { text in
            guard let date = LocalDate(iso: text) else { throw MeetingStepError("Skriv justeringens dag som ÅÅÅÅ-MM-DD.") }
            return date
        }
        return try MeetingSteps.chooseAdjusters(draft, adjusters, place: form.text("plats"), date: date)
    }
    minutesStep("avsluta", action: "avslutade sammanträdet") { draft, form, _ in
        var closed = try MeetingSteps.close(draft)
        if let text = form.text("sluttid") {
            guard LocalTime(text.replacingOccurrences(of: ".", with: ":")) != nil else { throw MeetingStepError("Skriv sluttiden som tt:mm.") }
        }
        closed.endTime = form.text("sluttid")?.replacingOccurrences(of: ".", with: ":")
        return closed
    }
    paragraphStep("jav", action: "antecknade jäv i") { draft, number, form, people in
        try MeetingSteps.setDisqualifications(draft, number: number, try form.getAll("person").map { Disqualification(person: try people.person($0)) })
    }
    paragraphStep("yrkande", action: "antecknade yrkande i") { draft, number, form, people in
        guard let kind = form.get("slag").flatMap(ProposalKind.init(rawValue:)) else { throw MeetingStepError("Välj yrkandets slag ur listan.") }
        let by = try form.getAll("person").map { try people.person($0) }
        return try MeetingSteps.addProposal(draft, number: number, Proposal(by: by, kind: kind, text: form.text("text") ?? ""))
    }
    paragraphStep("yrkande/aterta", action: "antecknade återtaget yrkande i") { draft, number, form, _ in
        try MeetingSteps.withdrawProposal(draft, number: number, index: Int(form.get("index") ?? "") ?? -1)
    }
    paragraphStep("huvudforslag", action: "antecknade huvudförslag i") { draft, number, form, _ in
        try MeetingSteps.chooseMain(draft, number: number, text: form.get("text") ?? "")
    }
    paragraphStep("fraga", action: "antecknade proposition i") { draft, number, form, _ in
        try MeetingSteps.decide(draft, number: number, question: Int(form.get("fraga") ?? "") ?? -1, adopted: form.get("bifall") ?? "")
    }
    paragraphStep("votering", action: "antecknade omröstning i") { draft, number, form, people in
        var ballots: [Ballot] = []
        for (name, value) in form.fields where name.hasPrefix("rost-") {
            guard let choice = BallotChoice(rawValue: value) else { throw MeetingStepError("Okänd röst ”\(value)”.") }
            ballots.append(Ballot(voter: try people.person(String(name.dropFirst("rost-".count))), choice: choice))
        }
        guard !ballots.isEmpty else { throw MeetingStepError("Ingen röst är ifylld.") }
        return try MeetingSteps.vote(draft, number: number, question: Int(form.get("fraga") ?? "") ?? -1, ballots: ballots)
    }
    paragraphStep("beslut", action: "antecknade beslut i") { draft, number, form, _ in
        try MeetingSteps.decideParagraph(draft, number: number, clauses: Memo.lines(form.get("beslut") ?? ""),
                                         recipients: Memo.lines(form.get("mottagare") ?? ""), immediate: form.get("omedelbart") != nil)
    }
    paragraphStep("reservation", action: "antecknade reservation i") { draft, number, form, people in
        try MeetingSteps.reserve(draft, number: number, by: try form.getAll("person").map { try people.person($0) }, reasons: form.text("motivering"))
    }
    paragraphStep("reservation/motivering", action: "antecknade reservationens motivering i") { draft, number, form, _ in
        try MeetingSteps.reservationReasons(draft, number: number, index: Int(form.get("index") ?? "") ?? -1, reasons: form.text("motivering") ?? "")
    }
    paragraphStep("yttrande", action: "antecknade yttrande i") { draft, number, form, people in
        guard let kind = form.get("slag").flatMap(StatementKind.init(rawValue:)) else { throw MeetingStepError("Välj slag ur listan.") }
        let statement = Statement(kind: kind, by: try form.getAll("person").map { try people.person($0) }, text: form.text("text") ?? "")
        return try MeetingSteps.addStatement(draft, number: number, statement)
    }
    paragraphStep("uppdrag", action: "antecknade uppdrag i") { draft, number, form, _ in
        let date = try form.text("datum").map { text in
            guard let date = LocalDate(iso: text) else { throw MeetingStepError("Skriv återrapporteringsdagen som ÅÅÅÅ-MM-DD.") }
            return date
        }
        return try MeetingSteps.addAssignment(draft, number: number,
                                              DraftAssignment(receiver: form.text("mottagare") ?? "förvaltningen", text: form.text("text") ?? "",
                                                              reportBackBy: date))
    }
}

/// The persons a minutes form may name, by the id the form sends.
struct PeopleIndex: Sendable {
    var byID: [String: PersonRef]

    static func of(_ draft: MinutesDraft, roster: MeetingPeople.Roster) -> PeopleIndex {
        var byID: [String: PersonRef] = [:]
        for person in roster.everyone + draft.minutes.attendance.map(\.person) {
            if let id = person.personID { byID[String(id.rawValue)] = person }
        }
        return PeopleIndex(byID: byID)
    }

    func person(_ id: String) throws -> PersonRef {
        guard let person = byID[id] else { throw MeetingStepError("Personen (\(id)) hör inte till nämnden.") }
        return person
    }
}

enum MinutesForm {
    static let doneMessages = ["oppnat": "Sammanträdet är öppnat. Protokollet skrivs här.", "sparat": "Sparat."]

    static func attendance(_ form: SubmittedForm, suffix: String, people: PeopleIndex) throws -> Attendance {
        let person = try people.person(form.get("person-\(suffix)") ?? "")
        guard let role = form.get("roll-\(suffix)").flatMap(AttendanceRole.init(rawValue:)) else { throw MeetingStepError("Välj roll för \(person.description).") }
        let replacing = try form.text("ersatter-\(suffix)").map { try people.person($0) }
        func number(_ name: String) throws -> Int? {
            guard let text = form.text("\(name)-\(suffix)") else { return nil }
            guard let value = Int(text) else { throw MeetingStepError("\(person.description): ”\(text)” är inget paragrafnummer.") }
            return value
        }
        return Attendance(person: person, role: role, replacing: replacing, fromParagraph: try number("fran"), toParagraph: try number("till"))
    }
}
