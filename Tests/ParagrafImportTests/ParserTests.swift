import Foundation
import Testing
@testable import ParagrafImport

/// The shared seeds and their truth files, beside the project as CI has them.
enum Seeds {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/seeds").standardized

    static func parse(_ name: String) throws -> ImportedDocument {
        try DocumentReader.read(path: directory.appendingPathComponent("\(name).txt").path).get()
    }

    static func truth(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("truth/\(name).json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}

func norm(_ s: String?) -> String? {
    s.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " .:;,")) }
}

@Suite("Parsing the seed documents")
struct SeedParsingTests {
    @Test("header, people and items agree with the truth files", arguments: ["seed-000", "seed-001", "seed-002", "seed-003", "seed-004"])
    func agreesWithTruth(_ name: String) throws {
        let doc = try Seeds.parse(name)
        let truth = try Seeds.truth(name)
        for key in ["municipality", "body", "document_type", "meeting_date", "start_time", "end_time", "chair", "secretary",
                    "adjustment_date", "announcement_date"] {
            let got: String? = switch key {
            case "municipality": doc.municipality
            case "body": doc.body
            case "document_type": doc.documentType
            case "meeting_date": doc.meetingDate
            case "start_time": doc.startTime
            case "end_time": doc.endTime
            case "chair": doc.chair
            case "secretary": doc.secretary
            case "adjustment_date": doc.adjustmentDate
            default: doc.announcementDate
            }
            #expect(norm(got) == norm(truth[key] as? String), "\(name) \(key)")
        }
        let items = truth["items"] as? [[String: Any]] ?? []
        #expect(doc.items.map(\.number) == items.map { $0["number"] as! Int }, "\(name): the same paragraphs, none twice")
        for (got, want) in zip(doc.items, items) {
            #expect(norm(got.title) == norm(want["title"] as? String), "\(name) § \(got.number) title")
            let dnr = ((want["dnr"] as? String) ?? "") + ((want["classification"] as? String) ?? "")
            #expect((got.dnr ?? "") + (got.classification ?? "") == dnr.replacingOccurrences(of: " ", with: "")
                    || (got.dnr ?? "") + " " + (got.classification ?? "") == (want["dnr"] as? String ?? "") + " " + (want["classification"] as? String ?? ""),
                    "\(name) § \(got.number) dnr")
            #expect(got.hasReservation == (want["has_reservation"] as? Bool ?? false), "\(name) § \(got.number) reservation")
            #expect(got.hasVote == (want["has_vote"] as? Bool ?? false), "\(name) § \(got.number) vote")
            if let first = want["decision_text_first_sentence"] as? String {
                #expect(norm(got.decisionText)?.hasPrefix(norm(first)!) == true, "\(name) § \(got.number) decision")
            }
            if let recipients = want["decision_recipients"] as? [String], !recipients.isEmpty {
                #expect(Set(got.decisionRecipients.compactMap(norm)) == Set(recipients.compactMap(norm)), "\(name) § \(got.number) recipients")
            }
        }
        let members = truth["members_present"] as? [[String: Any]] ?? []
        #expect(doc.membersPresent.map(\.name) == members.map { $0["name"] as! String }, "\(name) members")
        for (got, want) in zip(doc.membersPresent, members) {
            #expect(got.role == want["role"] as? String, "\(name) \(got.name) role")
            #expect(got.party == want["party"] as? String, "\(name) \(got.name) party")
            #expect(got.replacing == want["replacing"] as? String, "\(name) \(got.name) replacing")
        }
        let officials = truth["officials"] as? [[String: Any]] ?? []
        #expect(doc.officials.map(\.name) == officials.map { $0["name"] as! String }, "\(name) officials")
    }

    @Test("seed-004 opens inside an earlier paragraph: kept as the leading fragment")
    func leadingFragment() throws {
        let doc = try Seeds.parse("seed-004")
        #expect(doc.leadingFragment?.hasPrefix("Det är oundvikligt") == true)
        #expect(doc.items.first?.immediatelyAdjusted == true)
        #expect(doc.items.first?.statements.map(\.kind) == ["särskilt yttrande", "ersättaryttrande"])
    }

    @Test("seed-002: reservation names, the report-back quarter, partial presence")
    func seed002Details() throws {
        let doc = try Seeds.parse("seed-002")
        let p117 = try #require(doc.items.first { $0.number == 117 })
        #expect(p117.reservations.first?.names == ["Johan Fernkvist", "Mikael Wild", "Cassandra Romo", "Mikael Rodin"])
        #expect(p117.statements.first?.names == ["Hannes Elfving"])
        let p122 = try #require(doc.items.first { $0.number == 122 })
        #expect(p122.assignments.first?.reportBackBy == "2025-06-30")
        #expect(doc.membersPresent.first { $0.name == "Hannes Elfving" }?.paragraphs == [114, 122])
        #expect(doc.paragraphRange == [109, 122])
    }

    @Test("JSON output: snake_case keys, explicit nulls, one line")
    func jsonShape() throws {
        let json = try Seeds.parse("seed-003").json()
        #expect(!json.contains("\n"))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(object["meeting_date"] is NSNull)
        #expect(object["document_type"] as? String == "protokollsutdrag")
        #expect((object["items"] as? [[String: Any]])?.first?["decision_recipients"] as? [String]
                == ["Kommunstyrelsen", "förvaltningschef socialförvaltningen", "verksamhetschef IFO"])
    }
}

@Suite("Layouts beyond the seeds")
struct LayoutTests {
    static let documents = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Documents")

    @Test("a typewriter-era protocol: aligned label columns, lower-case parties, KS § headings, page numbers")
    func typewriter() throws {
        let doc = try DocumentReader.read(path: Self.documents.appendingPathComponent("typewriter-kommunstyrelsen.txt").path).get()
        #expect(doc.documentType == "protokoll")
        #expect(doc.body == "Kommunstyrelsen")
        #expect(doc.meetingDate == "1998-03-10")
        #expect(doc.startTime == "09:00" && doc.endTime == "11:30")
        #expect(doc.place == "Kommunhuset, Tingsalen")
        #expect(doc.items.map(\.number) == [12, 13, 14])
        #expect(doc.items.map(\.dnr) == ["KS 1998/15", "KS 1998/22", nil])
        #expect(doc.items[0].decisionRecipients == ["Kommunfullmäktige", "Ekonomikontoret"])
        #expect(doc.items[1].hasVote && doc.items[1].hasReservation)
        #expect(doc.items[2].immediatelyAdjusted)
        #expect(doc.chair == "Karl Andersson")
        #expect(doc.adjusters == ["Greta Lind"])
        #expect(doc.adjustmentDate == "1998-03-17")
        #expect(doc.membersPresent.map(\.party) == ["s", "m", "c", "fp"])
        #expect(doc.membersPresent[2].paragraphs == [12, 13])
        #expect(doc.membersPresent[3].role == "tjänstgörande ersättare")
        #expect(doc.officials.map(\.title) == ["kommunchef", "sekreterare"])
        #expect(!doc.items.contains { $0.title.hasPrefix("Sida") })
    }

    @Test("a two-column header flattened into one line a row: each label read, officials in the right-hand column kept apart")
    func twoColumnHeader() throws {
        let doc = try DocumentReader.read(path: Self.documents.appendingPathComponent("tvaspaltigt-barn-och-utbildningsnamnden.txt").path).get()
        #expect(doc.documentType == "protokoll")
        #expect(doc.municipality == "Hylte")
        #expect(doc.body == "Barn- och utbildningsnämnden")
        #expect(doc.meetingDate == "2021-05-12")
        #expect(doc.paragraphRange == [45, 48])
        #expect(doc.place == "Rådhuset, sal Nissan")
        #expect(doc.startTime == "18:00" && doc.endTime == "20:15")
        #expect(doc.adjustmentDate == "2021-05-18")
        #expect(doc.announcementDate == "2021-05-19")
        #expect(doc.adjusters == ["Lars Ek"])
        #expect(doc.chair == "Anna Berg")
        #expect(doc.secretary == "Eva Dahl")
        #expect(doc.membersPresent.map(\.name) == ["Anna Berg", "Lars Ek", "Stina Ås", "Nils Bo", "Maja Lund"])
        #expect(doc.membersPresent.map(\.role) == ["ordförande", "vice ordförande", "ledamot", "tjänstgörande ersättare", "ledamot"])
        #expect(doc.membersPresent[3].replacing == "Kent Ryd")
        // Omar Said's §§ 45-46 is his, printed in the right-hand column on Stina Ås's line.
        #expect(doc.membersPresent[2].paragraphs == nil)
        #expect(doc.membersPresent[4].paragraphs == [45, 47])
        #expect(doc.officials.map(\.name) == ["Per Holm", "Eva Dahl", "Omar Said"])
        #expect(doc.officials.map(\.title) == ["förvaltningschef", "nämndsekreterare", "controller"])
        #expect(doc.officials[2].paragraphs == [45, 46])
        #expect(doc.items.map(\.number) == [45, 46, 47, 48])
        #expect(doc.items[1].classification == "6.1.2")
        #expect(doc.items[1].decisionRecipients == ["Förvaltningschefen", "Skolskjutssamordnaren"])
        #expect(doc.items[1].assignments.map(\.reportBackBy) == ["2022-08-31"])
        #expect(doc.items[1].hasVote && doc.items[1].hasReservation)
        #expect(doc.items[2].statements.map(\.kind) == ["protokollsanteckning"])
        #expect(doc.diagnostics.isEmpty)
    }

    @Test("a heading out of sequence continues the paragraph before it and is reported")
    func misplacedHeading() throws {
        let text = """
        § 121

        Övriga frågor

        Beslut

        Inga övriga frågor.

        § 122

        Uppdrag

        Beslut

        Förvaltningen får i uppdrag att utreda frågan.

        § 113

        och återrapportera till nämnden senast kvartal 2 2025.
        """
        let doc = DocumentParser.parse(text: text, file: "x.txt", sha256: "")
        #expect(doc.items.map(\.number) == [121, 122])
        #expect(doc.diagnostics.contains { $0.message.contains("§ 113") && $0.line == 17 })
    }

    @Test("a table of contents repeating every title does not create paragraphs twice")
    func tableOfContents() {
        let text = """
        Ärendelista
        § 1\tUpprop.....\t2
        § 2\tBudget.....\t3

        § 1

        Upprop

        Beslut

        Upprop förrättas.

        § 2

        Budget

        Beslut

        Nämnden godkänner budgeten.
        """
        let doc = DocumentParser.parse(text: text, file: "x.txt", sha256: "")
        #expect(doc.items.map(\.number) == [1, 2])
        #expect(doc.items.map(\.title) == ["Upprop", "Budget"])
    }
}

@Suite("Paragraph signs other than §")
struct ParagraphSignTests {
    @Test("`Sn 49` headings in minutes without any `§`, and a `Bil 1` line that is no paragraph")
    func abbreviatedSigns() throws {
        let doc = try DocumentReader.read(path: LayoutTests.documents.appendingPathComponent("sn-socialnamnden.txt").path).get()
        #expect(doc.documentType == "protokoll")
        #expect(doc.body == "Socialnämnden")
        #expect(doc.meetingDate == "1987-11-24")
        #expect(doc.items.map(\.number) == [49, 50, 51])
        #expect(doc.items.map(\.title) == ["Ansökan om bidrag till föreningen Gemenskap", "Hemtjänstens taxor 1988", "Anmälningsärenden"])
        #expect(doc.items.map(\.dnr) == ["1987/102", "1987/87", nil])
        #expect(doc.items[0].decisionRecipients == ["Föreningen Gemenskap", "Ekonomiavdelningen"])
        #expect(doc.items[1].hasReservation)
        #expect(doc.membersPresent.map(\.party) == ["s", "fp", "c", "m"])
        #expect(doc.membersPresent[3].replacing == "Ove Dahl")
    }

    @Test("a lone `Xx 12` line is no heading when the document has `§` headings or no rising series")
    func notSigns() {
        let withParagraphs = DocumentParser.parse(text: "§ 1\n\nBudget\n\nBeslut\n\nGodkänns.\n\nKs 12\n\nText.", file: "x.txt", sha256: "")
        #expect(withParagraphs.items.map(\.number) == [1])
        #expect(SegmentRules.paragraphSign([Line(number: 1, text: "Ks 12"), Line(number: 2, text: "Ks 3")]) == nil)
        #expect(SegmentRules.paragraphSign([Line(number: 1, text: "Bil 1"), Line(number: 2, text: "Bil 2")]) == nil)
        #expect(SegmentRules.paragraphSign([Line(number: 1, text: "Ks 12"), Line(number: 2, text: "Ks 13")]) == "Ks")
    }
}

@Suite("What a notice says beside its agenda")
struct NoticeDetailTests {
    @Test("seed-001: issued, open to the public, group meetings, absence contact, each tjänsteskrivelse's handler and proposal")
    func seed001() throws {
        let doc = try Seeds.parse("seed-001")
        let truth = try Seeds.truth("seed-001")
        #expect(doc.issuedDate == truth["issued_date"] as? String)
        #expect(doc.openToPublic == truth["open_to_public"] as? Bool)
        #expect(doc.absenceContact == truth["absence_contact"] as? String)
        let groups = try #require(truth["group_meetings"] as? [[String: Any]])
        #expect(doc.groupMeetings.map(\.group) == groups.map { $0["group"] as? String ?? "" })
        #expect(doc.groupMeetings.map(\.date) == groups.map { $0["date"] as? String })
        #expect(doc.groupMeetings.map(\.time) == groups.map { $0["time"] as? String })
        let proposals = try #require(truth["proposals"] as? [[String: Any]])
        for proposal in proposals {
            let number = try #require(proposal["item"] as? Int)
            let item = try #require(doc.items.first { $0.number == number })
            #expect(item.handler == proposal["handler"] as? String, "handler of item \(number)")
            let first = try #require(proposal["proposed_decision_first_sentence"] as? String)
            #expect(norm(item.proposedDecision)?.hasPrefix(try #require(norm(first))) == true, "proposal of item \(number)")
        }
        #expect(doc.items.allSatisfy { $0.decisionText == nil }, "a notice carries proposals, not decisions")
        // Each tjänsteskrivelse's beslutsunderlag and recipients go to its agenda item.
        let item7 = try #require(doc.items.first { $0.number == 7 })
        #expect(item7.basis == ["Bilaga Remiss: Arbetsmiljöpolicy."])
        #expect(item7.proposedRecipients == ["Kommunstyrelsen"])
        #expect(item7.decisionRecipients.isEmpty)
        // The handlingar printed after the agenda: the tjänsteskrivelser with their letterheads, and the
        // bilaga that item 6 lists and that follows under its own title.
        let memos = doc.attachments.filter { $0.kind == "tjänsteskrivelse" }
        #expect(memos.map(\.dnr) == [nil, "ALN 2023-00084", "ALN 2023-00071", "ALN 2023-00070", nil, "ALN 2023-00086"])
        #expect(memos.map(\.handler) == [nil, "Christian Fast", "Maria Mencevski", "Maria Mencevski", "Sead Omerovic", "Margareta Udén Hoff"])
        #expect(memos[2].title == "Yttrande över Remiss: Arbetsmiljöpolicy")
        #expect(doc.attachments.contains { $0.kind == "bilaga" && $0.title.hasPrefix("Kommunfullmäktiges uppdrag som inte ingår i budget") })
    }

    @Test("seed-003: the extract's attached utredning and tjänsteskrivelse, as the truth lists them")
    func seed003Attachments() throws {
        let doc = try Seeds.parse("seed-003")
        let truth = try #require(try Seeds.truth("seed-003")["attachments"] as? [[String: Any]])
        #expect(doc.attachments.map(\.kind) == truth.map { $0["kind"] as? String ?? "" })
        #expect(doc.attachments.map(\.title) == truth.map { $0["title"] as? String ?? "" })
        #expect(doc.attachments.map(\.dnr) == truth.map { $0["dnr"] as? String })
        #expect(doc.attachments.map(\.handler) == truth.map { $0["handler"] as? String })
        // The paragraph's own text ends where the attached documents begin.
        #expect(doc.items.first?.decisionRecipients == ["Kommunstyrelsen", "förvaltningschef socialförvaltningen", "verksamhetschef IFO"])
    }
}

@Suite("Follow-up read from documents")
struct FollowUpParseTests {
    @Test("follow-up: a remiss with its deadline and extension, a closing decision, listed delegationsbeslut with dates and Dnr")
    func followUp() {
        let text = """
            Miljönämnden
            Sammanträdesdatum 2025-03-04
            § 12
            Dnr MN 2025-00031
            Yttrande över remiss om ny avfallsplan
            Beslut
            Miljönämnden antar förvaltningens yttrande som sitt eget.
            Ärendebeskrivning
            Tekniska nämnden har skickat förslaget på remiss med begäran om svar till tekniska nämnden senast den 28 februari 2025. Nämnden har fått anstånd till den 14 mars 2025.
            Ert diarienummer TN 2024-00410 ska anges i svaret.
            § 13
            Dnr MN 2025-00002
            Uppdrag om tillsynsplan
            Beslut
            1. Miljönämnden tar del av återrapporteringen.
            2. Miljönämnden förklarar uppdraget om tillsynsplan för förorenade områden avslutat.
            3. Förvaltningen ska återrapportera arbetet med tillsynsskulden senast tertial 1 2026.
            § 14
            Dnr MN 2025-00003
            Redovisning av delegationsbeslut
            Beslut
            Redovisningen läggs till handlingarna.
            Sammanfattning
            1. Beslut om föreläggande 2025-02-03, miljöinspektör
            Dnr MN 2025-00019
            2. Avskrivning av ärende, 12 februari 2025
            """
        let doc = DocumentParser.parse(text: text, file: "x.txt", sha256: "")
        let remiss = doc.items.first { $0.number == 12 }?.referral
        #expect(remiss?.deadline == "2025-02-28" && remiss?.extendedTo == ["2025-03-14"])
        #expect(remiss?.from == "Tekniska nämnden" && remiss?.reference == "TN 2024-00410")
        let p13 = doc.items.first { $0.number == 13 }
        #expect(p13?.closesAssignments.count == 1)
        #expect(p13?.assignments.map(\.reportBackBy) == ["2026-04-30"], "taking a report in is no new assignment")
        let listed = doc.items.first { $0.number == 14 }?.listedMatters ?? []
        #expect(listed.map(\.date) == ["2025-02-03", "2025-02-12"])
        #expect(listed.first?.dnr == "MN 2025-00019" && listed.first?.text == "Beslut om föreläggande 2025-02-03, miljöinspektör")
        #expect(doc.items.first { $0.number == 12 }?.listedMatters.isEmpty == true, "only a listing item lists")
    }
}
