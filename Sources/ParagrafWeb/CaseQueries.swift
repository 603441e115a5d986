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
        let items = try await store.agendaItems(ofCase: id)
        let paragraphs = try await store.paragraphs(ofCase: id)
        let documents = try await store.documents(for: id)
        let places = try await meetingPlaces(items.map(\.meetingID) + paragraphs.map(\.meetingID) + documents.compactMap(\.meetingID), in: store)
        return CasePage(matter: matter, municipality: municipality, registeredBy: registeredBy.name,
                        agenda: items.compactMap { item in places[item.meetingID].map { (item, $0) } },
                        paragraphs: paragraphs.compactMap { paragraph in places[paragraph.meetingID].map { (paragraph, $0) } },
                        documents: documents.map { ($0, $0.meetingID.flatMap { places[$0] }) })
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
