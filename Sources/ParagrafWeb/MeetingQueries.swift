import Foundation
import ParagrafCore
import ParagrafRender
import ParagrafStore

/// Gathers the meeting and paragraph pages' models from the store; nil when there is no such page.
struct MeetingQueries {
    let store: any Store

    private func names(of committeeID: CommitteeID) async throws -> (municipality: String, committee: String)? {
        guard let committee = try await store.committee(committeeID) else { return nil }
        let municipality = try await store.municipality(committee.municipalityID)
        return (municipality?.name ?? "", committee.name)
    }

    func meetingPage(_ id: MeetingID) async throws -> MeetingPage? {
        guard let meeting = try await store.meeting(id), let names = try await names(of: meeting.committeeID) else { return nil }
        let agenda = try await store.agenda(for: id)
        var numbers: [CaseID: String] = [:]
        for caseID in Set(agenda.compactMap(\.caseID)) {
            numbers[caseID] = try await store.matter(caseID)?.diaryNumber.withClassification
        }
        return MeetingPage(municipality: names.municipality, committee: names.committee, meeting: meeting,
                           documents: try await store.documents(forMeeting: id), agenda: agenda, caseNumbers: numbers,
                           minutes: try await store.minutes(for: id))
    }

    func paragraphPage(_ meetingID: MeetingID, number: Int) async throws -> ParagraphPage? {
        guard let meeting = try await store.meeting(meetingID),
              let paragraph = try await store.paragraph(meeting: meetingID, number: number),
              paragraph.isPublic,
              let names = try await names(of: meeting.committeeID) else { return nil }
        let numbers = try await store.paragraphNumbers(meeting: meetingID)
        return ParagraphPage(municipality: names.municipality, committee: names.committee, meeting: meeting, paragraph: paragraph,
                             previous: numbers.last { $0 < number }, next: numbers.first { $0 > number })
    }

    /// A kept file of a document that may be shown: never one marked secret.
    func file(of id: DocumentID) async throws -> (Document, StoredFile, Data)? {
        guard let document = try await store.document(id), !document.secrecy.isSecret, let file = document.file,
              let content = try await store.sourceFile(sha256: file.sha256) else { return nil }
        return (document, file, content)
    }
}
