import Foundation
import ParagrafCore
import ParagrafRender
import ParagrafStore

/// Loads what the OParl API shows, through the same never-public policy as the pages: closed
/// paragraphs are shown as closed, secret cases and documents are left out, and every text is
/// masked by the OParl builders.
struct OpenDataQueries {
    let store: any Store
    let a: OParl.Addresses

    /// A list's filters on the stamps (OParl's `created_since`, `created_until`, `modified_since`,
    /// `modified_until`), as the store's UTC timestamps.
    struct Window {
        var createdSince, createdUntil, modifiedSince, modifiedUntil: String?

        func admits(_ s: Stamps) -> Bool {
            (createdSince.map { s.created >= $0 } ?? true) && (createdUntil.map { s.created <= $0 } ?? true)
                && (modifiedSince.map { s.modified >= $0 } ?? true) && (modifiedUntil.map { s.modified <= $0 } ?? true)
        }

        /// Reads the four parameters; an unreadable one is named in the error.
        static func read(_ parameter: (String) -> String?) throws(OpenDataError) -> Window {
            func time(_ name: String) throws(OpenDataError) -> String? {
                guard let text = parameter(name), !text.isEmpty else { return nil }
                let styles: [Date.ISO8601FormatStyle] = [.init(includingFractionalSeconds: true), .init()]
                for style in styles { if let date = try? style.parse(text) { return Timestamp.string(date) } }
                if let day = LocalDate(iso: text), let date = try? Date.ISO8601FormatStyle().parse("\(day.iso)T00:00:00Z") {
                    return Timestamp.string(date)
                }
                throw .badParameter("\(name)=\(text) är ingen tidpunkt; skriv den enligt ISO 8601, till exempel 2024-04-16T00:00:00+02:00")
            }
            return Window(createdSince: try time("created_since"), createdUntil: try time("created_until"),
                          modifiedSince: try time("modified_since"), modifiedUntil: try time("modified_until"))
        }
    }

    enum OpenDataError: Error {
        case badParameter(String)
    }

    private static let epoch = Stamps(created: "1970-01-01T00:00:00.000Z", modified: "1970-01-01T00:00:00.000Z")

    private func stamps(_ kind: StampedRecord, _ ids: [Int64]) async throws -> [Int64: Stamps] {
        try await store.stamps(kind, ids: ids)
    }

    // MARK: System and bodies

    func system() async throws -> OParl.System {
        let bodies = try await store.municipalities()
        let all = try await stamps(.municipality, bodies.compactMap { $0.id?.rawValue }).values
        let first = all.min { $0.created < $1.created }
        let last = all.max { $0.modified < $1.modified }
        return OParl.System(a, stamps: first.map { Stamps(created: $0.created, modified: last?.modified ?? $0.modified) })
    }

    func bodies() async throws -> [(OParl.Body, Stamps)] {
        let all = try await store.municipalities()
        let s = try await stamps(.municipality, all.compactMap { $0.id?.rawValue })
        return all.compactMap { m in m.id.flatMap { s[$0.rawValue] }.map { (OParl.Body(m, stamps: $0, a), $0) } }
    }

    func body(_ id: MunicipalityID) async throws -> OParl.Body? {
        guard let m = try await store.municipality(id), let s = try await stamps(.municipality, [id.rawValue])[id.rawValue] else { return nil }
        return OParl.Body(m, stamps: s, a)
    }

    // MARK: Organizations, memberships, people

    private func memberships(of committees: [Committee]) async throws -> [ParagrafCore.Membership] {
        var all: [ParagrafCore.Membership] = []
        for c in committees { if let id = c.id { all += try await store.memberships(of: id, on: nil) } }
        return all
    }

    func organizations(_ body: MunicipalityID) async throws -> [(OParl.Organization, Stamps)] {
        let committees = try await store.committees(in: body)
        let memberships = try await memberships(of: committees)
        let s = try await stamps(.committee, committees.compactMap { $0.id?.rawValue })
        return committees.compactMap { c in
            guard let id = c.id, let stamp = s[id.rawValue] else { return nil }
            return (OParl.Organization(c, memberships: memberships.filter { $0.committeeID == id }.compactMap(\.id), stamps: stamp, a), stamp)
        }
    }

    func organization(_ id: CommitteeID) async throws -> OParl.Organization? {
        guard let c = try await store.committee(id) else { return nil }
        return try await organizations(c.municipalityID).first { $0.0.id == a.organization(id) }?.0
    }

    func memberships(_ body: MunicipalityID) async throws -> [(OParl.Membership, Stamps)] {
        let all = try await memberships(of: try await store.committees(in: body))
        let s = try await stamps(.membership, all.compactMap { $0.id?.rawValue })
        return all.compactMap { m in m.id.flatMap { s[$0.rawValue] }.map { (OParl.Membership(m, stamps: $0, a), $0) } }
    }

    func people(_ body: MunicipalityID) async throws -> [(OParl.Person, Stamps)] {
        let persons = try await store.persons(in: body)
        let memberships = try await memberships(body)
        let s = try await stamps(.person, persons.compactMap { $0.id?.rawValue })
        return persons.compactMap { p in
            guard let id = p.id, let stamp = s[id.rawValue] else { return nil }
            let own = memberships.map(\.0).filter { $0.person == a.person(id) }
            return (OParl.Person(p, memberships: own, stamps: stamp, a), stamp)
        }
    }

    func person(_ id: PersonID) async throws -> OParl.Person? {
        guard let p = try await store.person(id) else { return nil }
        return try await people(p.municipalityID).first { $0.0.id == a.person(id) }?.0
    }

    // MARK: Meetings and their paragraphs

    private func files(_ documents: [Document]) async throws -> [(OParl.File, Stamps, DocumentKind)] {
        let shown = documents.filter(Publication.mayPublish)
        let s = try await stamps(.document, shown.compactMap { $0.id?.rawValue })
        return shown.compactMap { d in d.id.flatMap { s[$0.rawValue] }.map { (OParl.File(d, stamps: $0, a), $0, d.kind) } }
    }

    private func agendaItems(_ meeting: MeetingID) async throws -> [(OParl.AgendaItem, Stamps, Paragraph)] {
        try await agendaItems(of: try await store.minutes(for: meeting))
    }

    private func agendaItems(of minutes: Minutes?) async throws -> [(OParl.AgendaItem, Stamps, Paragraph)] {
        let paragraphs = minutes?.paragraphs ?? []
        let s = try await stamps(.paragraph, paragraphs.compactMap { $0.id?.rawValue })
        return paragraphs.enumerated().compactMap { order, p in
            p.id.flatMap { s[$0.rawValue] }.map { (OParl.AgendaItem(p, order: order + 1, stamps: $0, a), $0, p) }
        }
    }

    /// The agenda of a meeting without minutes here, under the meeting's own stamps.
    func plannedItems(_ meeting: MeetingID, stamp: Stamps) async throws -> [OParl.AgendaItem] {
        try await store.agenda(for: meeting).map { OParl.AgendaItem(planned: $0, stamps: stamp, a) }
    }

    private func meeting(_ m: ParagrafCore.Meeting, committee: String, stamp: Stamps) async throws -> OParl.Meeting {
        let id = m.id ?? MeetingID(0)
        let files = try await files(try await store.documents(forMeeting: id))
        let kinds = Dictionary(files.map { ($0.0.id, $0.2) }, uniquingKeysWith: { x, _ in x })
        // The minutes' paragraphs once kept; before that, the agenda as the notice gave it.
        let minutes = try await store.minutes(for: id)
        var agenda = try await agendaItems(of: minutes).map(\.0)
        if agenda.isEmpty { agenda = try await plannedItems(id, stamp: stamp) }
        return OParl.Meeting(m, committee: committee, agenda: agenda, files: files.map(\.0), kinds: kinds, stamps: stamp, a, minutes: minutes)
    }

    func plannedItem(_ meeting: MeetingID, position: Int) async throws -> OParl.AgendaItem? {
        guard try await agendaItems(meeting).isEmpty, let stamp = try await stamps(.meeting, [meeting.rawValue])[meeting.rawValue] else {
            return nil
        }
        return try await plannedItems(meeting, stamp: stamp).first { $0.order == position }
    }

    func meetings(_ body: MunicipalityID, organization: CommitteeID?, window: Window) async throws -> [(OParl.Meeting, Stamps)] {
        var out: [(OParl.Meeting, Stamps)] = []
        for c in try await store.committees(in: body) where organization == nil || c.id == organization {
            guard let cid = c.id else { continue }
            let meetings = try await store.meetings(of: cid, year: nil)
            let s = try await stamps(.meeting, meetings.compactMap { $0.id?.rawValue })
            for m in meetings {
                // Filtered before the paragraphs are read: a synchronising client asks for few.
                guard let id = m.id, let stamp = s[id.rawValue], window.admits(stamp) else { continue }
                out.append((try await meeting(m, committee: c.name, stamp: stamp), stamp))
            }
        }
        return out
    }

    func meeting(_ id: MeetingID) async throws -> OParl.Meeting? {
        guard let m = try await store.meeting(id), let c = try await store.committee(m.committeeID),
              let stamp = try await stamps(.meeting, [id.rawValue])[id.rawValue] else { return nil }
        return try await meeting(m, committee: c.name, stamp: stamp)
    }

    func agendaItems(_ body: MunicipalityID, window: Window) async throws -> [(OParl.AgendaItem, Stamps)] {
        var out: [(OParl.AgendaItem, Stamps)] = []
        for c in try await store.committees(in: body) {
            guard let cid = c.id else { continue }
            for m in try await store.meetings(of: cid, year: nil) {
                guard let id = m.id else { continue }
                out += try await agendaItems(id).filter { window.admits($0.1) }.map { ($0.0, $0.1) }
            }
        }
        return out
    }

    func agendaItem(_ id: ParagraphID) async throws -> OParl.AgendaItem? {
        guard let p = try await store.paragraph(id) else { return nil }
        return try await agendaItems(p.meetingID).first { $0.2.id == id }?.0
    }

    // MARK: Papers (cases), consultations, files

    private func consultations(_ matter: Case) async throws -> [(OParl.Consultation, Stamps)] {
        guard let id = matter.id else { return [] }
        let paragraphs = try await store.paragraphs(ofCase: id).filter(Publication.mayPublish)
        let s = try await stamps(.paragraph, paragraphs.compactMap { $0.id?.rawValue })
        var out: [(OParl.Consultation, Stamps)] = []
        for p in paragraphs {
            guard let pid = p.id, let stamp = s[pid.rawValue], let m = try await store.meeting(p.meetingID) else { continue }
            out.append((OParl.Consultation(p, caseID: id, committee: m.committeeID, stamps: stamp, a), stamp))
        }
        return out
    }

    private func paper(_ matter: Case, body: MunicipalityID, stamp: Stamps) async throws -> OParl.Paper {
        let files = try await files(try await store.documents(for: matter.id ?? CaseID(0)))
        return OParl.Paper(matter, body: body, consultations: try await consultations(matter).map(\.0), files: files.map(\.0),
                           stamps: stamp, a)
    }

    private func cases(_ body: MunicipalityID) async throws -> [Case] {
        var all: [Case] = []
        for c in try await store.committees(in: body) { if let id = c.id { all += try await store.cases(in: id) } }
        return all.filter(Publication.mayPublish)
    }

    func papers(_ body: MunicipalityID, window: Window) async throws -> [(OParl.Paper, Stamps)] {
        let all = try await cases(body)
        let s = try await stamps(.matter, all.compactMap { $0.id?.rawValue })
        var out: [(OParl.Paper, Stamps)] = []
        for c in all {
            guard let id = c.id, let stamp = s[id.rawValue], window.admits(stamp) else { continue }
            out.append((try await paper(c, body: body, stamp: stamp), stamp))
        }
        return out
    }

    func paper(_ id: CaseID) async throws -> OParl.Paper? {
        guard let c = try await store.matter(id), Publication.mayPublish(c), let committee = try await store.committee(c.committeeID),
              let stamp = try await stamps(.matter, [id.rawValue])[id.rawValue] else { return nil }
        return try await paper(c, body: committee.municipalityID, stamp: stamp)
    }

    func consultations(_ body: MunicipalityID, window: Window) async throws -> [(OParl.Consultation, Stamps)] {
        var out: [(OParl.Consultation, Stamps)] = []
        for c in try await cases(body) { out += try await consultations(c).filter { window.admits($0.1) } }
        return out
    }

    func consultation(_ id: ParagraphID) async throws -> OParl.Consultation? {
        guard let p = try await store.paragraph(id), let caseID = p.caseID, let c = try await store.matter(caseID),
              Publication.mayPublish(c) else { return nil }
        return try await consultations(c).first { $0.0.id == a.consultation(id) }?.0
    }

    func files(_ body: MunicipalityID, window: Window) async throws -> [(OParl.File, Stamps)] {
        var documents: [DocumentID: Document] = [:]
        for c in try await store.committees(in: body) {
            guard let cid = c.id else { continue }
            for m in try await store.meetings(of: cid, year: nil) {
                for d in try await store.documents(forMeeting: m.id ?? MeetingID(0)) { if let id = d.id { documents[id] = d } }
            }
        }
        for c in try await cases(body) {
            for d in try await store.documents(for: c.id ?? CaseID(0)) { if let id = d.id { documents[id] = d } }
        }
        return try await files(Array(documents.values)).filter { window.admits($0.1) }.map { ($0.0, $0.1) }
    }

    func file(_ id: DocumentID) async throws -> OParl.File? {
        guard let d = try await store.document(id) else { return nil }
        if let caseID = d.caseID, let c = try await store.matter(caseID), !Publication.mayPublish(c) { return nil }
        return try await files([d]).first?.0
    }

    // MARK: Follow-up (Paragraf's extension lists)

    /// The municipality's assignments given in public paragraphs (or by another body's cited decision).
    func assignments(_ body: MunicipalityID, window: Window) async throws -> [(OParl.Assignment, Stamps)] {
        let committees = try await store.committees(in: body).compactMap(\.id)
        var out: [(OParl.Assignment, Stamps)] = []
        for committee in committees {
            let list = try await store.assignmentRegister(committee: committee).filter(\.isPublic)
            let s = try await stamps(.assignment, list.compactMap { $0.assignment.id?.rawValue })
            for r in list {
                guard let id = r.assignment.id, let stamp = s[id.rawValue], window.admits(stamp) else { continue }
                out.append((OParl.Assignment(r, paragraphID: r.assignment.paragraphID, stamps: stamp, a), stamp))
            }
        }
        return out.sorted { $0.1.created < $1.1.created }
    }

    /// The municipality's remisser that the public may see: answered in a public paragraph, or on a public agenda item.
    func referrals(_ body: MunicipalityID, window: Window) async throws -> [(OParl.Referral, Stamps)] {
        let committees = try await store.committees(in: body).compactMap(\.id)
        var out: [(OParl.Referral, Stamps)] = []
        for committee in committees {
            let list = try await store.referralList(committee: committee).filter(\.isPublic)
            let s = try await stamps(.referral, list.compactMap { $0.referral.id?.rawValue })
            for l in list {
                guard let id = l.referral.id, let stamp = s[id.rawValue], window.admits(stamp) else { continue }
                out.append((OParl.Referral(l, stamps: stamp, a), stamp))
            }
        }
        return out.sorted { $0.1.created < $1.1.created }
    }
}
