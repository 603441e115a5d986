import Foundation
import ParagrafCore
@testable import ParagrafStore
import Testing

/// Records as the importer builds them, made by hand so that the store is tested on its own.
enum Records {
    static func source(_ name: String, _ text: String) -> MeetingRecord.Source {
        let data = Data(text.utf8)
        // A stand-in hash: distinct for distinct text, as SHA-256 is.
        let hash = String(text.hashValue.magnitude, radix: 16) + "-" + String(text.count)
        return MeetingRecord.Source(file: StoredFile(fileName: name, mediaType: "text/plain", sha256: hash, byteCount: data.count),
                                    content: data)
    }

    static func paragraph(_ number: Int, _ title: String, dnr: String? = nil, by: PersonRef? = nil) -> Paragraph {
        Paragraph(meetingID: MeetingRecord.unsavedMeeting, number: number, title: title, diaryNumber: dnr.flatMap { DiaryNumber($0) },
                  decision: [DecisionClause(text: "Nämnden beslutar enligt förslaget i § \(number).")],
                  proposals: by.map { [Proposal(by: [$0], text: "\($0.name) yrkar bifall.")] } ?? [],
                  reservations: by.map { [Reservation(by: [PersonRef(name: "Socialdemokraterna")], reasons: "Mot \($0.name).")] } ?? [])
    }

    static func minutes(municipality: String = "Borås", committee: String = "Arbetslivsnämnden", dating: MeetingDating,
                        file: String = "protokoll.txt", version: String = "1", numbers: [Int],
                        kind: MeetingRecord.Kind = .minutes, chairParty: String = "C") -> MeetingRecord {
        var minutes = Minutes(meetingID: MeetingRecord.unsavedMeeting)
        let chair = PersonRef(name: "Mattias Danielsson", party: chairParty)
        minutes.chair = chair
        minutes.attendance = [
            Attendance(person: chair, role: .ordforande),
            Attendance(person: PersonRef(name: "Crister Spets", party: "SD"), role: .tjanstgorandeErsattare,
                       replacing: PersonRef(name: "Sofia Bryngelsson", party: "SD")),
        ]
        minutes.adjustment = Adjustment(adjusters: [PersonRef(name: "Marie Samuelsson", party: "S")])
        minutes.paragraphs = numbers.map {
            paragraph($0, "Ärende \($0) version \(version)", dnr: "ALN 2024-000\($0)", by: $0 == numbers.first ? chair : nil)
        }
        let text = "\(kind.rawValue) \(committee) \(dating) \(numbers) v\(version)"
        return MeetingRecord(kind: kind, source: source(file, text), municipality: municipality, committee: committee,
                             committeeKind: .namnd, dating: dating, startTime: LocalTime("17:00"), place: "Österlånggatan 74",
                             state: .adjusted, minutes: minutes,
                             assignments: [numbers[0]: [.init(text: "Återrapportera till nämnden.", reportBackBy: day("2025-06-30"))]])
    }

    static func notice(dating: MeetingDating, version: String = "1") -> MeetingRecord {
        var record = MeetingRecord(kind: .notice, source: source("kallelse.txt", "kallelse \(dating) v\(version)"), municipality: "Borås",
                      committee: "Arbetslivsnämnden", committeeKind: .namnd, dating: dating, startTime: LocalTime("17:00"),
                      place: "Sammanträdesrummet", state: .notified,
                      agenda: [.init(position: 1, title: "Budgetuppföljning", diaryNumber: DiaryNumber("ALN 2024-00029"),
                                     handler: "Anna Gustafsson", proposedDecision: "Nämnden godkänner uppföljningen."),
                               .init(position: 2, title: "Delegationsbeslut")],
                      documents: [.init(kind: .tjansteskrivelse, title: "Tjänsteskrivelse Budgetuppföljning",
                                        diaryNumber: DiaryNumber("ALN 2024-00029"))])
        record.issued = day("2024-04-05")
        record.isOpenToPublic = true
        record.groupMeetings = [GroupMeeting(groups: "Mittsamverkan", date: day("2024-04-09"), time: LocalTime("16:00"))]
        return record
    }
}

/// Every table that filing writes, for checking that a refused record changes none of them.
let filedTables = ["municipalities", "committees", "persons", "cases", "meetings", "documents", "files", "agenda_items",
                   "minutes", "attendances", "adjusters", "paragraphs", "decision_clauses", "proposals", "proposal_authors",
                   "reservations", "reservation_authors", "assignments"]

func tableCounts(_ store: SQLStore) async throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for table in filedTables { counts[table] = try await count(store, table) }
    return counts
}

@Suite("Store contract: filing imported records")
struct FilingContractTests {
    @Test(arguments: TestBackend.all)
    func filesMinutesWithEverythingBesideThem(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let record = Records.minutes(dating: .on(day("2024-04-16")), numbers: [30, 31, 32])
            let outcome = try await store.file(record)
            guard case .added(let meetingID) = outcome else { Issue.record("expected added, got \(outcome)"); return }

            let meeting = try #require(try await store.meeting(meetingID))
            #expect(meeting.date == day("2024-04-16"))
            #expect(meeting.state == .adjusted)
            #expect(meeting.place == "Österlånggatan 74")
            let committee = try #require(try await store.committee(meeting.committeeID))
            #expect(committee.name == "Arbetslivsnämnden")

            let minutes = try #require(try await store.minutes(for: meetingID))
            #expect(minutes.paragraphs.map(\.number) == [30, 31, 32])
            #expect(minutes.chair?.personID != nil, "the chair is linked to a person")
            #expect(minutes.attendance[1].replacing?.personID != nil, "the replaced member is a person too")
            #expect(minutes.adjustment?.adjusters.first?.personID != nil)
            let first = minutes.paragraphs[0]
            #expect(first.proposals.first?.by.first?.personID == minutes.chair?.personID, "a proposer in the attendance is linked")
            #expect(first.reservations.first?.by.first?.personID == nil, "a party group is kept as printed, not made a person")
            let caseID = try #require(first.caseID)
            let matter = try #require(try await store.matter(caseID))
            #expect(matter.diaryNumber.description == "ALN 2024-00030")
            #expect(matter.title == "Ärende 30 version 1")

            let municipality = try #require(try await store.municipality(named: "Borås"))
            #expect(try await store.persons(in: municipality.id!).count == 4)
            let assignments = try await store.assignments(of: committee.id!)
            #expect(assignments.map(\.paragraphID) == [first.id])
            #expect(assignments.first?.reportBackBy == day("2025-06-30"))

            let documents = try await store.documents(forMeeting: meetingID)
            #expect(documents.map(\.kind) == [.protokoll])
            let file = try #require(documents.first?.file)
            #expect(file.fileName == "protokoll.txt")
            #expect(try await store.sourceFile(sha256: file.sha256) == record.source.content, "the source is kept byte for byte")
        }
    }

    @Test(arguments: TestBackend.all)
    func theSameFileAgainChangesNothing(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let record = Records.minutes(dating: .on(day("2024-04-16")), numbers: [30, 31])
            let first = try await store.file(record)
            let before = try await tableCounts(store)
            let again = try await store.file(record)
            #expect(again == .unchanged(first.meetingID))
            #expect(try await tableCounts(store) == before)
            // The import is in the audit log once: the second filing changed nothing to log.
            let log = try await store.auditLog(subjectKind: "sammanträde", subjectID: first.meetingID.rawValue, limit: 10)
            #expect(log.map(\.action) == ["importerade protokoll"] && log[0].actor == "import")
            #expect(log[0].after?.contains(record.source.file.sha256) == true)
        }
    }

    @Test(arguments: TestBackend.all)
    func aCorrectedVersionReplacesWhatTheEarlierBroughtIn(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // § 33's case was registered in Paragraf's diary before the minutes were imported.
            let old = Records.minutes(dating: .on(day("2024-04-16")), file: "ALN 2024-04-16.txt", version: "1", numbers: [30, 31, 32, 33])
            let borås = try await store.save(Municipality(name: "Borås"))
            let committee = try await store.save(Committee(municipalityID: borås.id!, name: "Arbetslivsnämnden", kind: .namnd))
            let registered = try await store.save(Case(committeeID: committee.id!, diaryNumber: DiaryNumber("ALN 2024-00033")!,
                                                       title: "Registrerat ärende", registered: day("2024-02-01")))
            let meetingID = try await store.file(old).meetingID
            #expect(try await count(store, "cases") == 4)
            let corrected = Records.minutes(dating: .on(day("2024-04-16")), file: "ALN 2024-04-16 rättad.txt", version: "2",
                                            numbers: [30, 31])
            let outcome = try await store.file(corrected)
            #expect(outcome == .replaced(meetingID, previousFile: "ALN 2024-04-16.txt"))

            let minutes = try #require(try await store.minutes(for: meetingID))
            #expect(minutes.paragraphs.map(\.title) == ["Ärende 30 version 2", "Ärende 31 version 2"])
            #expect(try await count(store, "meetings") == 1, "the meeting keeps its identity and address")
            let documents = try await store.documents(forMeeting: meetingID)
            #expect(documents.map(\.file?.fileName) == ["ALN 2024-04-16 rättad.txt"])
            #expect(try await store.sourceFile(sha256: old.source.file.sha256) == nil, "the replaced file's bytes go with it")
            #expect(try await count(store, "assignments") == 1, "assignments are replaced, not duplicated")
            #expect(try await count(store, "persons") == 4, "persons are matched, not created again")
            // § 32's case came with the earlier version only and goes with it; the registered one stays.
            #expect(try await store.cases(diaryNumber: DiaryNumber("ALN 2024-00032")!).isEmpty)
            #expect(try await store.cases(diaryNumber: DiaryNumber("ALN 2024-00033")!).map(\.id) == [registered.id])
            #expect(try await count(store, "cases") == 3)
        }
    }

    @Test("a case is followed through every committee that handled it", arguments: TestBackend.all)
    func aCaseAcrossCommittees(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // The notice puts ALN 2024-00029 on Arbetslivsnämnden's agenda; its minutes decide it in § 29;
            // Kommunstyrelsen decides it again in its own § 29 a month later.
            _ = try await store.file(Records.notice(dating: .on(day("2024-04-16"))))
            _ = try await store.file(Records.minutes(dating: .on(day("2024-04-16")), numbers: [29]))
            _ = try await store.file(Records.minutes(committee: "Kommunstyrelsen", dating: .on(day("2024-05-20")), file: "ks.txt",
                                                     numbers: [29]))
            let matter = try #require(try await store.cases(diaryNumber: DiaryNumber("ALN 2024-00029")!).first)
            #expect(try await store.cases(diaryNumber: DiaryNumber("ALN 2024-00029")!).count == 1, "one case, not one per committee")
            let paragraphs = try await store.paragraphs(ofCase: matter.id!)
            #expect(paragraphs.count == 2)
            #expect(Set(paragraphs.map(\.meetingID)).count == 2)
            #expect(paragraphs.allSatisfy { $0.caseID == matter.id && !$0.decision.isEmpty })
            let agenda = try await store.agendaItems(ofCase: matter.id!)
            #expect(agenda.map(\.title) == ["Budgetuppföljning"])
            #expect(try await store.paragraphs(ofCase: CaseID(98765)).isEmpty)
        }
    }

    @Test(arguments: TestBackend.all)
    func personsAreMatchedWithinAMunicipalityOnly(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            _ = try await store.file(Records.minutes(dating: .on(day("2024-04-16")), numbers: [30]))
            // The same chair printed with the party in lower case is the same person.
            _ = try await store.file(Records.minutes(dating: .on(day("2024-05-21")), numbers: [40], chairParty: "c"))
            // The same names in another municipality are other people.
            _ = try await store.file(Records.minutes(municipality: "Bollebygd", dating: .on(day("2024-04-16")), numbers: [30]))
            let boras = try #require(try await store.municipality(named: "Borås"))
            let bollebygd = try #require(try await store.municipality(named: "Bollebygd"))
            #expect(try await store.persons(in: boras.id!).count == 4)
            #expect(try await store.persons(in: bollebygd.id!).count == 4)
            let chairs = try await store.persons(in: boras.id!).filter { $0.name == "Mattias Danielsson" }
            #expect(chairs.count == 1)
        }
    }

    @Test("a refused record changes nothing", arguments: TestBackend.all)
    func refusedRecordsChangeNothing(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let first = try await store.file(Records.minutes(dating: .on(day("2024-04-16")), numbers: [30, 31, 32]))
            let before = try await tableCounts(store)
            let paragraphsBefore = try await store.minutes(for: first.meetingID)

            // Another meeting of the same committee and year claiming § 31: a conflict, after much was written.
            let clash = Records.minutes(dating: .on(day("2024-05-21")), file: "maj.txt", numbers: [33, 31])
            await #expect(throws: StoreError.self) { try await store.file(clash) }
            #expect(try await tableCounts(store) == before)
            #expect(try await store.minutes(for: first.meetingID) == paragraphsBefore)

            // Two paragraphs with one number in one record.
            let twice = Records.minutes(dating: .on(day("2024-06-18")), file: "juni.txt", numbers: [50, 50])
            await #expect(throws: StoreError.self) { try await store.file(twice) }
            #expect(try await tableCounts(store) == before)
        }
    }

    @Test("in a batch, a refused record is undone alone and the records around it are kept", arguments: TestBackend.all)
    func batchKeepsAllButTheRefused(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let first = try await store.file(Records.minutes(dating: .on(day("2024-04-16")), numbers: [30, 31, 32]))
            let before = try await tableCounts(store)
            let clash = Records.minutes(dating: .on(day("2024-05-21")), file: "maj.txt", numbers: [33, 31])
            let twice = Records.minutes(dating: .on(day("2024-06-18")), file: "juni.txt", numbers: [50, 50])
            let results = try await store.file([
                clash, Records.minutes(dating: .on(day("2024-09-17")), file: "sept.txt", numbers: [60, 61]),
                twice, Records.minutes(municipality: "Bollebygd", dating: .on(day("2024-10-15")), file: "okt.txt", numbers: [70]),
            ])
            #expect(results.map { if case .failure = $0 { false } else { true } } == [false, true, false, true])
            if case .failure(let error) = results[0] { #expect(error.description.contains("31"), "\(error)") }
            #expect(try await store.paragraphCount() == 3 + 2 + 1)
            #expect(try await store.municipality(named: "Bollebygd") != nil)
            // Only what the two kept records brought in was added, and the stored minutes are as they were.
            let after = try await tableCounts(store)
            #expect(after["paragraphs"] == (before["paragraphs"] ?? 0) + 3)
            #expect(try await store.minutes(for: first.meetingID)?.paragraphs.map(\.number) == [30, 31, 32])
            // The same batch again: the kept ones are unchanged, the refused ones refused again.
            let again = try await store.file([Records.minutes(dating: .on(day("2024-09-17")), file: "sept.txt", numbers: [60, 61]), clash])
            #expect(again.count == 2)
            if case .success(let outcome) = again[0] { #expect(outcome == .unchanged(outcome.meetingID)) } else { Issue.record("\(again)") }
            #expect(try await tableCounts(store) == after)

            // A document and its corrected version in one batch: the search index holds the correction only.
            let november = day("2024-11-19")
            let versions = try await store.file([Records.minutes(dating: .on(november), file: "nov.txt", version: "1", numbers: [80]),
                                                 Records.minutes(dating: .on(november), file: "nov.txt", version: "2", numbers: [80])])
            if case .success(.replaced) = versions[1] {} else { Issue.record("\(versions)") }
            let found = try await store.search(SearchQuery(text: "ärende", filters: SearchFilters(from: november, through: november)))
            #expect(found.hits.map(\.title) == ["Ärende 80 version 2"] && found.total == 1)
            if backend == .sqlite {
                // FTS5's own check of its index against what it was given.
                try await store.read { db in try await db.raw("INSERT INTO search_terms (search_terms) VALUES ('integrity-check')").run() }
            }
        }
    }

    @Test(arguments: TestBackend.all)
    func minutesMadeInParagrafAreNeverReplacedByAnImport(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            _ = try await store.save(Minutes(meetingID: f.meeting.id!, paragraphs: [
                Paragraph(meetingID: f.meeting.id!, number: 30, title: "Upprättat i Paragraf"),
            ]))
            let before = try await tableCounts(store)
            await #expect(throws: StoreError.self) {
                try await store.file(Records.minutes(dating: .on(day("2024-04-16")), numbers: [30, 31]))
            }
            #expect(try await tableCounts(store) == before)
            #expect(try await store.minutes(for: f.meeting.id!)?.paragraphs.map(\.title) == ["Upprättat i Paragraf"])
        }
    }

    @Test(arguments: TestBackend.all)
    func anUndatedExtractFindsItsMinutes(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let extract = Records.minutes(dating: .undated(year: 2024), file: "utdrag-31.txt", numbers: [31], kind: .extract)
            let first = try await store.file(extract)
            guard case .added(let meetingID) = first else { Issue.record("expected added, got \(first)"); return }
            #expect(try await store.meeting(meetingID)?.date == nil)
            let committeeID = try #require(try await store.meeting(meetingID)).committeeID
            #expect(try await store.meetings(of: committeeID, year: 2024).count == 1)

            // The full minutes, dated, hold § 31 too: they are the same meeting, which gets its date.
            let full = Records.minutes(dating: .on(day("2024-04-16")), numbers: [30, 31, 32])
            #expect(try await store.file(full) == .added(meetingID))
            #expect(try await store.meeting(meetingID)?.date == day("2024-04-16"))
            #expect(try await store.minutes(for: meetingID)?.paragraphs.map(\.number) == [30, 31, 32])

            // Another extract after the full minutes is kept as a document only.
            let later = Records.minutes(dating: .undated(year: 2024), file: "utdrag-32.txt", numbers: [32], kind: .extract)
            #expect(try await store.file(later) == .keptDocumentOnly(meetingID))
            #expect(try await store.minutes(for: meetingID)?.paragraphs.map(\.title).last == "Ärende 32 version 1")
            #expect(Set(try await store.documents(forMeeting: meetingID).map(\.kind)) == [.protokoll, .protokollsutdrag])
        }
    }

    @Test(arguments: TestBackend.all)
    func extractsOfOneMeetingAddUp(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let a = try await store.file(Records.minutes(dating: .on(day("2024-04-16")), file: "a.txt", numbers: [31], kind: .extract))
            let b = try await store.file(Records.minutes(dating: .on(day("2024-04-16")), file: "b.txt", numbers: [33], kind: .extract))
            #expect(b == .added(a.meetingID))
            #expect(try await store.minutes(for: a.meetingID)?.paragraphs.map(\.number) == [31, 33])
            // A corrected extract of § 31 replaces that paragraph and leaves § 33.
            let fixed = Records.minutes(dating: .on(day("2024-04-16")), file: "a2.txt", version: "2", numbers: [31], kind: .extract)
            #expect(try await store.file(fixed) == .replaced(a.meetingID, previousFile: "a.txt"))
            #expect(try await store.minutes(for: a.meetingID)?.paragraphs.map(\.title) == ["Ärende 31 version 2", "Ärende 33 version 1"])
        }
    }

    @Test(arguments: TestBackend.all)
    func aNoticeThenItsMinutes(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let notice = try await store.file(Records.notice(dating: .on(day("2024-04-16"))))
            let meetingID = notice.meetingID
            #expect(try await store.meeting(meetingID)?.state == .notified)
            #expect(try await store.meeting(meetingID)?.isOpenToPublic == true, "the notice says the meeting is open")
            let kept = try #require(try await store.notice(for: meetingID))
            #expect(kept.issued == day("2024-04-05"))
            #expect(kept.groupMeetings == [GroupMeeting(groups: "Mittsamverkan", date: day("2024-04-09"), time: LocalTime("16:00"))])
            let agenda = try await store.agenda(for: meetingID)
            #expect(agenda.map(\.title) == ["Budgetuppföljning", "Delegationsbeslut"])
            let caseID = try #require(agenda[0].caseID)
            let matter = try #require(try await store.matter(caseID))
            #expect(matter.handler == "Anna Gustafsson")
            #expect(try await store.documents(for: matter.id!).map(\.title) == ["Tjänsteskrivelse Budgetuppföljning"])

            #expect(try await store.file(Records.minutes(dating: .on(day("2024-04-16")), numbers: [30])) == .added(meetingID))
            #expect(try await store.meeting(meetingID)?.state == .adjusted)
            #expect(try await store.agenda(for: meetingID).count == 2, "the agenda stays beside the minutes")

            // A corrected notice replaces the agenda and the handlingar it listed.
            let corrected = try await store.file(Records.notice(dating: .on(day("2024-04-16")), version: "2"))
            #expect(corrected == .replaced(meetingID, previousFile: "kallelse.txt"))
            #expect(try await store.documents(for: matter.id!).count == 1)
            #expect(try await store.meeting(meetingID)?.state == .adjusted, "a notice never moves a held meeting back")
        }
    }
}

@Suite("many at once")
struct ConcurrencyTests {
    @Test("writers and readers at the same time: every write is kept, every read answers, an error comes back whole",
          arguments: TestBackend.all)
    func concurrentWritersAndReaders(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for month in 1...8 {
                    group.addTask {
                        let date = day(String(format: "2024-%02d-10", month))
                        _ = try await store.file(Records.minutes(dating: .on(date), file: "m\(month).txt", numbers: [month * 10, month * 10 + 1]))
                    }
                    group.addTask { _ = try await store.paragraphCount() }
                    group.addTask {
                        // A statement SQLite refuses, among the others: its error reaches the caller and the connection goes on.
                        await #expect(throws: (any Error).self) {
                            try await store.read { db in try await db.raw("SELECT no_such_column FROM paragraphs").run() }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.paragraphCount() == 16)
        }
    }
}
