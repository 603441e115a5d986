import ParagrafCore
import ParagrafRender
import ParagrafStore

/// Gathers a case's page from the store; nil when there is no such public case.
struct CaseQueries {
    let store: any Store

    /// What the case page shows, or nil for a case that does not exist or is secret.
    func casePage(_ id: CaseID) async throws -> CasePage? {
        guard let matter = try await store.matter(id), Publication.mayPublish(matter),
              let registeredBy = try await store.committee(matter.committeeID) else { return nil }
        let municipality = try await store.municipality(registeredBy.municipalityID)?.name ?? ""
        var meetings: [MeetingID: CasePage.Source] = [:]
        func source(_ id: MeetingID) async throws -> CasePage.Source? {
            if let known = meetings[id] { return known }
            guard let meeting = try await store.meeting(id), let committee = try await store.committee(meeting.committeeID) else { return nil }
            meetings[id] = CasePage.Source(meeting: meeting, committee: committee.name)
            return meetings[id]
        }
        var agenda: [(AgendaItem, CasePage.Source)] = []
        for item in try await store.agendaItems(ofCase: id) {
            if let s = try await source(item.meetingID) { agenda.append((item, s)) }
        }
        var paragraphs: [(Paragraph, CasePage.Source)] = []
        for paragraph in try await store.paragraphs(ofCase: id) {
            if let s = try await source(paragraph.meetingID) { paragraphs.append((paragraph, s)) }
        }
        var documents: [(Document, CasePage.Source?)] = []
        for document in try await store.documents(for: id) {
            documents.append((document, try await document.meetingID.asyncMap(source) ?? nil))
        }
        return CasePage(matter: matter, municipality: municipality, registeredBy: registeredBy.name,
                        agenda: agenda, paragraphs: paragraphs, documents: documents)
    }

    /// The public cases with a diary number, in whichever municipality.
    func cases(numbered dnr: DiaryNumber) async throws -> [CaseChoicePage.Row] {
        var rows: [CaseChoicePage.Row] = []
        for matter in try await store.cases(diaryNumber: dnr.caseNumber) where Publication.mayPublish(matter) {
            guard let committee = try await store.committee(matter.committeeID) else { continue }
            let municipality = try await store.municipality(committee.municipalityID)?.name ?? ""
            rows.append(.init(url: Links.matter(matter.id!), title: matter.title, municipality: municipality, committee: committee.name))
        }
        return rows
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
