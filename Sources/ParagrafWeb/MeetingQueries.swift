import Foundation
import ParagrafCore
import ParagrafImport
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
              Publication.mayPublish(paragraph),
              let names = try await names(of: meeting.committeeID) else { return nil }
        let numbers = try await store.paragraphNumbers(meeting: meetingID)
        let referral = try await store.referralList(committee: meeting.committeeID)
            .first { $0.referral.answeredByParagraph == paragraph.id && $0.isPublic }?.referral
        return ParagraphPage(municipality: names.municipality, committee: names.committee, meeting: meeting, paragraph: paragraph,
                             previous: numbers.last { $0 < number }, next: numbers.first { $0 > number },
                             matters: try await store.publicMatters(meeting: meetingID)[number] ?? [], referral: referral,
                             reports: try await store.periodicReports(committee: nil, meeting: meetingID).filter { $0.paragraphNumber == number })
    }

    /// A kept file of a document that may be shown, never one marked secret: a text file with
    /// personal identity numbers masked; a PDF that holds any is withheld (`.withheld`), since
    /// its pages cannot be masked here.
    enum FileAnswer {
        case file(Document, StoredFile, Data)
        case withheld(Document)
    }

    func file(of id: DocumentID) async throws -> FileAnswer? {
        guard let document = try await store.document(id), Publication.mayPublish(document), let file = document.file,
              let content = try await store.sourceFile(sha256: file.sha256) else { return nil }
        if file.mediaType.hasPrefix("text/") {
            let text = file.mediaType.contains("windows-1252") ? TextDecoding.windows1252Text(content) : String(decoding: content, as: UTF8.self)
            guard Publication.holdsPersonalIdentityNumber(text) else { return .file(document, file, content) }
            // Served as UTF-8 once masked, whatever it came in.
            var masked = file
            masked.mediaType = file.mediaType.split(separator: ";").first.map(String.init) ?? "text/plain"
            return .file(document, masked, Data(Publication.redacted(text).utf8))
        }
        if file.mediaType == "application/pdf" {
            guard let text = DocumentReader.text(ofPDF: content) else { return .withheld(document) }
            return Publication.holdsPersonalIdentityNumber(text) ? .withheld(document) : .file(document, file, content)
        }
        return .file(document, file, content)
    }
}
