import Foundation
import Hummingbird
import NIOPosix
import ParagrafCore
import ParagrafRender
import ParagrafStore

/// Meeting plans, agendas, notices, and absences with the ersättare called in.
func addPlanningRoutes(to staff: StaffRoutes, store: any Store, renderer: PageRenderer, typst: TypstCompiler) {
    let people = MeetingPeople(store: store)
    let inPath = CommitteeInPath(store: store)
    @Sendable func committee(_ context: PortalContext) async throws -> Committee { try await inPath.committee(context) }
    let named = MeetingInPath(store: store)
    @Sendable func readyCases(_ committee: CommitteeID) async throws -> [AgendaPlan.Ready] {
        var ready: [AgendaPlan.Ready] = []
        for matter in try await store.cases(in: committee) where matter.status == .ready {
            guard try await store.agendaItems(ofCase: matter.id!).isEmpty else { continue }
            ready.append(.init(matter: matter, proposedDecision: try await store.memo(for: matter.id!)?.proposedDecision))
        }
        return ready
    }
    @Sendable func planPage(_ user: StaffUser, _ context: PortalContext, _ committee: Committee, year: Int,
                            form: MeetingPlanPage.Form = .init(), problems: [String] = []) async throws -> String {
        try renderer.render(MeetingPlanPage(bar: staffBar(user, context), committee: committee, year: year,
                                            meetings: try await store.meetings(of: committee.id!, year: year), form: form, problems: problems))
    }
    @Sendable func workPage(_ user: StaffUser, _ context: PortalContext, _ meeting: Meeting, _ committee: Committee,
                            problems: [String] = [], done: String? = nil) async throws -> String {
        let agenda = try await store.agenda(for: meeting.id!)
        var numbers: [CaseID: String] = [:]
        for item in agenda { if let id = item.caseID, let matter = try await store.matter(id) { numbers[id] = matter.diaryNumber.withClassification } }
        let roster = try await people.roster(meeting)
        var page = MeetingWorkPage(
            bar: staffBar(user, context), committee: committee, meeting: meeting, agenda: agenda, diaryNumbers: numbers,
            readyCount: try await readyCases(committee.id!).count, notice: try await store.notice(for: meeting.id!),
            absent: roster.absent, calls: roster.calls, uncovered: roster.uncovered, members: roster.everyone,
            problems: problems, done: done)
        if [.planned, .notified].contains(meeting.state), let date = meeting.date {
            let next = try await store.meetings(of: committee.id!, year: nil).filter { $0.state != .cancelled }
                .compactMap(\.date).filter { date < $0 }.min()
            page.referralWarnings = ReferralWarnings.warnings(
                meetingDate: date, nextMeeting: next, referrals: try await store.referrals(of: committee.id!),
                onAgenda: Set(agenda.compactMap(\.caseID)), agendaTitles: Set(agenda.map { $0.title.lowercased() }))
            page.hasReferralWarnings = !page.referralWarnings.isEmpty
        }
        return try renderer.render(page)
    }
    /// Date, time, place and openness from a meeting form.
    @Sendable func readMeeting(_ form: SubmittedForm, into meeting: Meeting) -> (Meeting, [String]) {
        var changed = meeting
        var problems: [String] = []
        if let text = form.text("date"), let date = LocalDate(iso: text) { changed.dating = .on(date) } else {
            problems.append("Skriv datumet som ÅÅÅÅ-MM-DD.")
        }
        changed.startTime = nil
        if let text = form.text("time") {
            if let time = LocalTime(text.replacingOccurrences(of: ".", with: ":")) { changed.startTime = time } else {
                problems.append("Skriv starttiden som tt:mm, t.ex. 17:00.")
            }
        }
        changed.place = form.text("place")
        changed.isOpenToPublic = form.get("open") != nil
        return (changed, problems)
    }

    staff.get("/intern/namnder/:committee/sammantraden", need: inPath.need { .planMeetings($0) }) { request, context, user in
        let year = FormParameters(query: request.uri.query).get("ar").flatMap { Int($0) } ?? LocalDate.today().year
        return HTML.response(try await planPage(user, context, try await committee(context), year: year))
    }
    staff.post("/intern/namnder/:committee/sammantraden", need: inPath.need { .planMeetings($0) }) { _, context, user in
        let committee = try await committee(context)
        let form = context.form ?? SubmittedForm()
        let (meeting, problems) = readMeeting(form, into: Meeting(committeeID: committee.id!, date: .today()))
        let values = MeetingPlanPage.Form(date: form.text("date") ?? "", time: form.text("time") ?? "", place: form.text("place") ?? "",
                                          open: form.get("open") != nil)
        guard problems.isEmpty else {
            return HTML.response(try await planPage(user, context, committee, year: LocalDate.today().year, form: values, problems: problems),
                                 status: .unprocessableContent)
        }
        do {
            let saved = try await store.plan(meeting, actor: user.actor)
            return seeOther(StaffLinks.meeting(saved.id!) + "?klart=planerat")
        } catch let error as StoreError {
            return HTML.response(try await planPage(user, context, committee, year: meeting.year, form: values, problems: [error.description]),
                                 status: .unprocessableContent)
        }
    }
    staff.get("/intern/sammantraden/:meeting", need: named.need { .planMeetings($0) }) { request, context, user in
        let (meeting, committee) = try await named.meeting(context)
        let done = FormParameters(query: request.uri.query).get("klart").flatMap { PlanningForm.doneMessages[$0] }
        return HTML.response(try await workPage(user, context, meeting, committee, done: done))
    }
    staff.post("/intern/sammantraden/:meeting", need: named.need { .planMeetings($0) }) { _, context, user in
        let (meeting, committee) = try await named.meeting(context)
        let (changed, problems) = readMeeting(context.form ?? SubmittedForm(), into: meeting)
        do {
            guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
            _ = try await store.plan(changed, actor: user.actor)
            return seeOther(StaffLinks.meeting(meeting.id!) + "?klart=sparat")
        } catch let error as StoreError {
            return HTML.response(try await workPage(user, context, meeting, committee, problems: [error.description]), status: .unprocessableContent)
        }
    }
    staff.post("/intern/sammantraden/:meeting/dagordning", need: named.need { .planMeetings($0) }) { _, context, user in
        let (meeting, committee) = try await named.meeting(context)
        let form = context.form ?? SubmittedForm()
        let current = try await store.agenda(for: meeting.id!).sorted { $0.position < $1.position }
        var problems: [String] = []
        var kept: [(order: Int, item: AgendaItem)] = []
        for (index, item) in current.enumerated() where form.get("bort-\(index)") == nil {
            guard let order = form.text("ordning-\(index)").flatMap({ Int($0) }), order >= 1 else {
                problems.append("Punkten ”\(item.title)” behöver ett ordningsnummer (1 eller mer).")
                continue
            }
            var changed = item
            changed.isPublic = form.get("offentlig-\(index)") != nil
            if !changed.isPublic || item.caseID == nil { kept.append((order, changed)); continue }
            // A secret case is never published, whatever the box says.
            if let matter = try await store.matter(item.caseID!), matter.secrecy.isSecret { changed.isPublic = false }
            kept.append((order, changed))
        }
        guard problems.isEmpty else {
            return HTML.response(try await workPage(user, context, meeting, committee, problems: problems), status: .unprocessableContent)
        }
        // Numbers as typed decide the order; ties keep the list's order. Positions then run 1, 2, 3 …
        let items = kept.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.enumerated().map { position, entry in
            var item = entry.element.item
            item.position = position + 1
            return item
        }
        do {
            _ = try await store.setAgenda(items, for: meeting.id!, actor: user.actor)
        } catch let error as StoreError {
            return HTML.response(try await workPage(user, context, meeting, committee, problems: [error.description]), status: .unprocessableContent)
        }
        return seeOther(StaffLinks.meeting(meeting.id!) + "?klart=dagordning")
    }
    staff.post("/intern/sammantraden/:meeting/dagordning/klara", need: named.need { .planMeetings($0) }) { _, context, user in
        let (meeting, committee) = try await named.meeting(context)
        let ready = try await readyCases(committee.id!)
        let current = try await store.agenda(for: meeting.id!)
        let items = current.isEmpty ? AgendaPlan.standard(meeting: meeting.id!, cases: ready)
            : AgendaPlan.adding(ready, to: current, meeting: meeting.id!)
        do {
            _ = try await store.setAgenda(items, for: meeting.id!, actor: user.actor)
        } catch let error as StoreError {
            return HTML.response(try await workPage(user, context, meeting, committee, problems: [error.description]), status: .unprocessableContent)
        }
        return seeOther(StaffLinks.meeting(meeting.id!) + "?klart=dagordning")
    }
    staff.post("/intern/sammantraden/:meeting/kallelse", need: named.need { .planMeetings($0) }) { _, context, user in
        let (meeting, committee) = try await named.meeting(context)
        let form = context.form ?? SubmittedForm()
        var problems: [String] = []
        let groups = PlanningForm.groupMeetings(form.get("groupMeetings") ?? "", problems: &problems)
        if try await store.agenda(for: meeting.id!).isEmpty { problems.append("Föredragningslistan är tom: skapa den innan kallelsen skickas.") }
        guard problems.isEmpty else {
            return HTML.response(try await workPage(user, context, meeting, committee, problems: problems), status: .unprocessableContent)
        }
        let notice = Notice(meetingID: meeting.id!, issued: .today(), groupMeetings: groups, signedBy: Memo.lines(form.get("signedBy") ?? ""))
        do {
            try await store.issue(notice, actor: user.actor)
        } catch let error as StoreError {
            return HTML.response(try await workPage(user, context, meeting, committee, problems: [error.description]), status: .unprocessableContent)
        } catch let error as MeetingStateError {
            return HTML.response(try await workPage(user, context, meeting, committee, problems: [error.description]), status: .unprocessableContent)
        }
        return seeOther(StaffLinks.meeting(meeting.id!) + "?klart=kallat")
    }

    // The notice as members read it, as PDF/A, and with every handling in one PDF.
    @Sendable func noticeDocument(_ user: StaffUser?, _ context: PortalContext, _ meeting: Meeting, _ committee: Committee) async throws -> NoticeDocument {
        guard let notice = try await store.notice(for: meeting.id!) else { throw HTTPError(.notFound) }
        let agenda = try await store.agenda(for: meeting.id!)
        var texts: [CaseID: NoticeDocument.CaseText] = [:]
        for item in agenda {
            guard let id = item.caseID, let matter = try await store.matter(id) else { continue }
            texts[id] = .init(diaryNumber: matter.diaryNumber.withClassification, memo: try await store.memo(for: id))
        }
        let municipality = try await store.municipality(committee.municipalityID)?.name ?? ""
        var document = NoticeDocument(municipality: municipality, committee: committee.name, meeting: meeting, notice: notice, agenda: agenda,
                                      cases: texts, contact: "Förhinder anmäls i Paragraf under kallelsen, eller till nämndsekreteraren.",
                                      bar: user.map { staffBar($0, context) }, pdfURL: StaffLinks.notice(meeting.id!) + ".pdf",
                                      bundleURL: StaffLinks.notice(meeting.id!) + "-med-handlingar.pdf")
        // The standard items list the delegated decisions and anmälningsärenden gathered for this meeting.
        let matters = try await store.mattersFor(meeting: meeting.id!)
        let kinds = Dictionary(agenda.map { ($0.position, $0.kind) }, uniquingKeysWith: { a, _ in a })
        for index in document.items.indices {
            if let kind = kinds[document.items[index].number], let listed = matters.summary(kind) {
                document.items[index].summary = listed
                document.items[index].hasDetails = true
            }
        }
        if let user, let person = user.account.person {
            let roster = try await people.roster(meeting)
            if roster.everyone.contains(where: { $0.personID == person }) {
                let reported = roster.absent.contains { $0.personID == person }
                document.memberBox = .init(reported: reported, open: [.planned, .notified].contains(meeting.state),
                                           formURL: StaffLinks.meeting(meeting.id!) + (reported ? "/forhinder/aterkalla" : "/forhinder"))
            }
        }
        return document
    }
    staff.get("/intern/sammantraden/:meeting/kallelse", need: named.need { .attend($0) }) { request, context, user in
        let (meeting, committee) = try await named.meeting(context)
        var document = try await noticeDocument(user, context, meeting, committee)
        document.done = FormParameters(query: request.uri.query).get("klart").flatMap { PlanningForm.doneMessages[$0] }
        return HTML.response(try renderer.render(document))
    }
    staff.get("/intern/sammantraden/:meeting/kallelse.pdf", need: named.need { .attend($0) }) { _, context, user in
        let (meeting, committee) = try await named.meeting(context)
        let document = try await noticeDocument(user, context, meeting, committee)
        let source = document.typst
        let timestamp = PlanningForm.timestamp(of: try await store.notice(for: meeting.id!)?.issued)
        let pdf = try await NIOThreadPool.singleton.runIfActive { try typst.pdf(source, timestamp: timestamp) }
        return pdfResponse(pdf, name: "kallelse-\(meeting.date?.iso ?? "").pdf")
    }
    staff.get("/intern/sammantraden/:meeting/kallelse-med-handlingar.pdf", need: named.need { .attend($0) }) { _, context, user in
        let (meeting, committee) = try await named.meeting(context)
        let document = try await noticeDocument(user, context, meeting, committee)
        var files: [String: [UInt8]] = [:]
        var attachments: [NoticeDocument.Attachment] = []
        for item in try await store.agenda(for: meeting.id!).sorted(by: { $0.position < $1.position }) {
            guard let id = item.caseID else { continue }
            for handling in try await store.documents(for: id) {
                guard let file = handling.file, file.mediaType == "application/pdf", let bytes = try await store.sourceFile(sha256: file.sha256) else { continue }
                let name = "handling-\(handling.id!.rawValue).pdf"
                files[name] = Array(bytes)
                attachments.append(.init(title: "\(item.position). \(item.title) – \(handling.title)", file: name, pages: PDFPages.count(Array(bytes))))
            }
        }
        let source = document.bundleTypst(attachments)
        let frozen = files
        // Embedded PDFs are not PDF/A: the bundle is for reading; the notice itself is the archive copy.
        let pdf = try await NIOThreadPool.singleton.runIfActive { try typst.pdf(source, files: frozen, standards: []) }
        return pdfResponse(pdf, name: "kallelse-med-handlingar-\(meeting.date?.iso ?? "").pdf")
    }

    // Absence: a member reports their own; the secretary may report anyone's.
    @Sendable func absentPerson(_ context: PortalContext, _ user: StaffUser, committee: CommitteeID) throws -> (PersonID, Bool) {
        if let chosen = (context.form ?? SubmittedForm()).text("person").flatMap({ Int64($0) }), user.access.allows(.planMeetings(committee)) {
            return (PersonID(chosen), true)
        }
        guard let own = user.account.person else {
            throw UserFacingError.badForm("Ditt konto är inte kopplat till en förtroendevald; be nämndsekreteraren anmäla förhindret.")
        }
        return (own, false)
    }
    staff.post("/intern/sammantraden/:meeting/forhinder", need: named.need { .attend($0) }) { _, context, user in
        let (meeting, committee) = try await named.meeting(context)
        let (person, bySecretary) = try absentPerson(context, user, committee: committee.id!)
        guard try await people.roster(meeting).everyone.contains(where: { $0.personID == person }) else {
            throw UserFacingError.badForm("Personen är inte ledamot eller ersättare i \(committee.name) den dagen.")
        }
        do {
            try await store.reportAbsence(Absence(meetingID: meeting.id!, personID: person, reportedAt: Timestamp.now(), reportedBy: user.actor),
                                          actor: user.actor)
        } catch let error as StoreError {
            throw UserFacingError.badForm(error.description)
        }
        return seeOther((bySecretary ? StaffLinks.meeting(meeting.id!) : StaffLinks.notice(meeting.id!)) + "?klart=forhinder")
    }
    staff.post("/intern/sammantraden/:meeting/forhinder/aterkalla", need: named.need { .attend($0) }) { _, context, user in
        let (meeting, committee) = try await named.meeting(context)
        let (person, bySecretary) = try absentPerson(context, user, committee: committee.id!)
        guard [.planned, .notified].contains(meeting.state) else { throw UserFacingError.badForm("Sammanträdet har redan hållits.") }
        try await store.withdrawAbsence(meeting: meeting.id!, person: person, actor: user.actor)
        return seeOther((bySecretary ? StaffLinks.meeting(meeting.id!) : StaffLinks.notice(meeting.id!)) + "?klart=aterkallat")
    }
}

func pdfResponse(_ bytes: [UInt8], name: String) -> Response {
    Response(status: .ok, headers: [.contentType: "application/pdf", .contentDisposition: "inline; filename=\"\(name)\"",
                                    .cacheControl: "private, no-store"],
             body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
}

/// Who is expected at a meeting: the committee's ledamöter and ersättare on its date, who has
/// reported absence, and the ersättare called in by the calling order.
struct MeetingPeople {
    let store: any Store

    struct Roster {
        var everyone: [PersonRef]
        var absent: [PersonRef]
        var calls: [MeetingWorkPage.Called]
        var uncovered: [PersonRef]
    }

    func roster(_ meeting: Meeting) async throws -> Roster {
        let memberships = try await store.memberships(of: meeting.committeeID, on: meeting.date)
        var refs: [PersonID: PersonRef] = [:]
        for membership in memberships where refs[membership.personID] == nil {
            if let person = try await store.person(membership.personID) {
                refs[membership.personID] = PersonRef(personID: person.id, name: person.name, party: person.party)
            }
        }
        let absentIDs = Set(try await store.absences(for: meeting.id!).map(\.personID))
        let seats = memberships.filter { $0.role.holdsSeat }
        let absentMembers = seats.filter { absentIDs.contains($0.personID) }.compactMap { refs[$0.personID] }
        let available = memberships.filter { !$0.role.holdsSeat && !absentIDs.contains($0.personID) }.compactMap { membership in
            refs[membership.personID].map { SubstituteCalling.Substitute(person: $0, callingOrder: membership.callingOrder ?? Int.max) }
        }
        let called = SubstituteCalling.call(absent: absentMembers, available: available)
        var seen = Set<PersonID>()
        let everyone = memberships.compactMap { refs[$0.personID] }.filter { seen.insert($0.personID!).inserted }
        return Roster(everyone: everyone, absent: everyone.filter { absentIDs.contains($0.personID!) },
                      calls: called.compactMap { pair in pair.substitute.map { .init(substitute: $0, replacing: pair.absent) } },
                      uncovered: called.filter { $0.substitute == nil }.map(\.absent))
    }
}

enum PlanningForm {
    static let doneMessages = [
        "planerat": "Sammanträdet är planerat.",
        "sparat": "Tid och plats är sparade.",
        "dagordning": "Föredragningslistan är sparad.",
        "kallat": "Kallelsen är skickad. Ledamöter och ersättare ser den under sina sammanträden.",
        "forhinder": "Förhindret är anmält.",
        "aterkallat": "Förhindret är återkallat.",
    ]

    /// Lines `grupper; ÅÅÅÅ-MM-DD; tt:mm; plats`, where only the groups are required.
    static func groupMeetings(_ text: String, problems: inout [String]) -> [GroupMeeting] {
        Memo.lines(text).compactMap { line in
            let parts = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            var group = GroupMeeting(groups: parts[0])
            if parts.count > 1, !parts[1].isEmpty {
                guard let date = LocalDate(iso: parts[1]) else { problems.append("Gruppmötet ”\(line)”: skriv datumet som ÅÅÅÅ-MM-DD."); return nil }
                group.date = date
            }
            if parts.count > 2, !parts[2].isEmpty {
                guard let time = LocalTime(parts[2].replacingOccurrences(of: ".", with: ":")) else {
                    problems.append("Gruppmötet ”\(line)”: skriv tiden som tt:mm.")
                    return nil
                }
                group.time = time
            }
            if parts.count > 3, !parts[3].isEmpty { group.place = parts[3] }
            return group
        }
    }

    /// Midnight UTC of a day, as the PDF's date: the same notice gives the same bytes.
    static func timestamp(of day: LocalDate?) -> Int? {
        guard let day else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)).map { Int($0.timeIntervalSince1970) }
    }
}
