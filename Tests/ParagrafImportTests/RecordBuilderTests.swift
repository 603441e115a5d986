import Foundation
import ParagrafCore
import Testing
@testable import ParagrafImport

@Suite("Building records to file from parsed documents")
struct RecordBuilderTests {
    func built(_ name: String, fallback: RecordBuilder.Fallback = .init()) throws -> RecordBuilder.Built {
        let loaded = try DocumentReader.load(path: Seeds.directory.appendingPathComponent("\(name).txt").path).get()
        return try RecordBuilder.build(loaded.document, content: loaded.content, fallback: fallback).get()
    }

    @Test("minutes: the meeting, its attendance linked by party, its paragraphs with diary numbers")
    func minutes() throws {
        let built = try built("seed-000")
        let record = built.record
        #expect(record.kind == .minutes)
        #expect(record.municipality == "Borås")
        #expect(record.committee == "Arbetslivsnämnden")
        #expect(record.committeeKind == .namnd)
        #expect(record.dating == .on(LocalDate(iso: "2024-04-16")!))
        #expect(record.startTime == LocalTime("17:00") && record.endTime == LocalTime("17:59"))
        #expect(record.state == .announced, "the minutes print when they were posted")
        #expect(record.minutes.chair == PersonRef(name: "Mattias Danielsson", party: "C"), "the chair's party comes from the attendance list")
        #expect(record.minutes.paragraphs.map(\.number) == Array(30...43))
        let p34 = try #require(record.minutes.paragraphs.first { $0.number == 34 })
        #expect(p34.diaryNumber?.description == "ALN 2024-00029")
        #expect(p34.diaryNumber?.classification?.code == "1.2.4.1")
        #expect(record.minutes.attendance.contains {
            $0.person.name == "Crister Spets" && $0.role == .tjanstgorandeErsattare && $0.replacing?.name == "Sofia Bryngelsson"
        })
        #expect(record.source.file.sha256 == record.source.file.sha256.lowercased() && record.source.file.sha256.count == 64)
        #expect(record.source.file.byteCount == record.source.content.count)
    }

    @Test("proposals by 'Ordföranden' are the chair's; reservations keep their authors' parties")
    func people() throws {
        let record = try built("seed-002").record
        let p115 = try #require(record.minutes.paragraphs.first { $0.number == 115 })
        #expect(p115.proposals.first?.by == [try #require(record.minutes.chair)])
        let p117 = try #require(record.minutes.paragraphs.first { $0.number == 117 })
        #expect(p117.reservations.first?.by.map(\.party) == ["M", "M", "M", "M"])
        #expect(p117.proposals.map(\.kind) == [.amendment, .amendment])
        #expect(p117.statements.first?.kind == .sarskiltYttrande)
        let p122 = try #require(record.minutes.paragraphs.first { $0.number == 122 })
        #expect(record.assignments[122]?.first?.reportBackBy == LocalDate(iso: "2025-06-30"))
        #expect(p122.number == 122)
    }

    @Test("a notice becomes an agenda, with each point's diary number")
    func notice() throws {
        let record = try built("seed-001").record
        #expect(record.kind == .notice)
        #expect(record.state == .notified)
        #expect(record.minutes.paragraphs.isEmpty)
        #expect(record.agenda.count == 10)
        #expect(record.agenda.contains { $0.diaryNumber != nil })
    }

    @Test("an undated extract is filed under the year its diary numbers give, and says so")
    func undated() throws {
        let built = try built("seed-003")
        #expect(built.record.kind == .extract)
        #expect(built.record.dating == .undated(year: 2020))
        #expect(built.record.state == .adjusted)
        #expect(built.warnings.contains { $0.contains("år 2020") })
    }

    @Test("documents that cannot be filed are refused with the reason")
    func refusals() throws {
        func build(_ text: String, fallback: RecordBuilder.Fallback = .init()) -> Result<RecordBuilder.Built, RecordBuilder.Refusal> {
            RecordBuilder.build(DocumentParser.parse(text: text, file: "x.txt", sha256: String(repeating: "0", count: 64)),
                                content: Data(text.utf8), fallback: fallback)
        }
        let letter = "Hej!\n\nHär kommer en inbjudan till julbordet den 12 december.\n\nVänliga hälsningar"
        guard case .failure(let notMinutes) = build(letter) else { Issue.record("a letter was accepted"); return }
        #expect(notMinutes.file == "x.txt" && notMinutes.reason.contains("protokoll"))

        let anonymous = "Sammanträdesdatum 2024-03-12\n\n§ 5\n\nBudget\n\nBeslut\n\nBudgeten godkänns.\n\n§ 6\n\nTaxor\n\nBeslut\n\nTaxorna godkänns."
        guard case .failure(let noMunicipality) = build(anonymous) else { Issue.record("minutes without a municipality were accepted"); return }
        #expect(noMunicipality.reason.contains("kommunen") && noMunicipality.reason.contains("--municipality"))
        guard case .failure(let noCommittee) = build(anonymous, fallback: .init(municipality: "Älvstad")) else {
            Issue.record("minutes without a committee were accepted"); return
        }
        #expect(noCommittee.reason.contains("nämnden") && noCommittee.reason.contains("--committee"))
        let withFallback = try build(anonymous, fallback: .init(municipality: "Älvstad", committee: "Tekniska nämnden")).get()
        #expect(withFallback.record.municipality == "Älvstad" && withFallback.record.committee == "Tekniska nämnden")
        #expect(withFallback.record.dating == .on(LocalDate(iso: "2024-03-12")!))

        let timeless = "§ 5\n\nBudget\n\nBeslut\n\nBudgeten godkänns."
        guard case .failure(let noYear) = build(timeless, fallback: .init(municipality: "Älvstad", committee: "Tekniska nämnden")) else {
            Issue.record("minutes without any year were accepted"); return
        }
        #expect(noYear.reason.contains("året"))
    }

    @Test("a vote's ballots, one line per member")
    func ballots() {
        let text = """
            Omröstning begärs och verkställs. Ja-röst för förvaltningens förslag, nej-röst för avslag.
            Anna Andersson (S)   Ja
            Bengt Berg (M)   Nej
            Cecilia Ceder (C)   avstår
            Med 1 ja-röst mot 1 nej-röst och 1 som avstår beslutar nämnden med ordförandens utslagsröst.
            """
        let vote = VoteRules.vote(from: text, people: PartyBook(ImportedDocument(source: .init(file: "", sha256: "", format: "text"),
                                                                                  documentType: "protokoll")))
        #expect(vote.ballots.map(\.voter.name) == ["Anna Andersson", "Bengt Berg", "Cecilia Ceder"])
        #expect(vote.ballots.map(\.choice) == [.yes, .no, .abstain])
        #expect(vote.ballots.map(\.voter.party) == ["S", "M", "C"])
    }

    @Test("committee kinds from their names", arguments: [
        ("Kommunfullmäktige", CommitteeKind.fullmaktige, nil as String?),
        ("Kommunstyrelsen", .styrelse, nil),
        ("Kommunstyrelsens arbetsutskott", .utskott, "Kommunstyrelsen"),
        ("Socialnämndens individutskott", .utskott, "Socialnämnden"),
        ("Arbetsutskottet", .namnd, nil),
        ("Demokratiberedningen", .beredning, nil),
        ("Arbetslivsnämnden", .namnd, nil),
    ])
    func committeeKinds(_ name: String, _ kind: CommitteeKind, _ parent: String?) {
        let inferred = CommitteeKind.inferred(fromName: name)
        #expect(inferred.kind == kind)
        #expect(inferred.parent == parent)
    }
}
