import Foundation
import ParagrafText
import ParagrafCore

/// Turns a parsed document into a `MeetingRecord` the store can file, or says why it cannot.
/// The interchange shape stays as printed; here its strings become domain values.
public enum RecordBuilder {
    /// What the operator knows when the documents do not say it (`paragraf import --municipality`).
    public struct Fallback: Sendable {
        public var municipality: String?
        public var committee: String?
        public init(municipality: String? = nil, committee: String? = nil) {
            self.municipality = municipality
            self.committee = committee
        }
    }

    public struct Built: Sendable {
        public var record: MeetingRecord
        /// The parser's diagnostics and what building the record noticed, in Swedish.
        public var warnings: [String]
    }

    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var reason: String
        public var description: String { "\(file): \(reason)" }
    }

    public static func build(_ doc: ImportedDocument, content: Data, fallback: Fallback = Fallback()) -> Result<Built, Refusal> {
        let file = doc.source.file
        func refuse(_ reason: String) -> Result<Built, Refusal> { .failure(Refusal(file: file, reason: reason)) }
        var warnings = doc.diagnostics.map { d in d.line.map { "rad \($0): \(d.message)" } ?? d.message }

        guard let kind = MeetingRecord.Kind(rawValue: doc.documentType) else {
            return refuse("dokumentet ser inte ut som ett protokoll, en kallelse eller ett protokollsutdrag; inget importerades.")
        }
        guard let municipality = doc.municipality ?? fallback.municipality else {
            return refuse("kommunen framgår inte av dokumentet; ange den med --municipality.")
        }
        guard let committee = doc.body ?? fallback.committee else {
            return refuse("nämnden framgår inte av dokumentet; ange den med --committee.")
        }
        if kind != .notice, doc.items.isEmpty {
            return refuse("dokumentet innehåller inga paragrafer; inget importerades.")
        }
        let dating: MeetingDating
        if let date = doc.meetingDate.flatMap(LocalDate.init(iso:)) {
            dating = .on(date)
        } else if let year = inferredYear(doc) {
            dating = .undated(year: year)
            warnings.append("Sammanträdesdatum saknas; sammanträdet förs till år \(year) efter dokumentets diarienummer och datum.")
        } else {
            return refuse("sammanträdesdatum saknas och året går inte att utläsa av dokumentet; inget importerades.")
        }

        let (committeeKind, parent) = CommitteeKind.inferred(fromName: committee)
        if committeeKind == .namnd, committee.lowercased().contains("utskott") {
            warnings.append("Det framgår inte vilken nämnd \(committee) hör till; det förs in som en egen nämnd.")
        }
        let people = PartyBook(doc)
        var minutes = Minutes(meetingID: MeetingRecord.unsavedMeeting)
        var assignments: [Int: [MeetingRecord.RecordedAssignment]] = [:]
        var agenda: [MeetingRecord.RecordedAgendaItem] = []
        if kind == .notice {
            agenda = doc.items.map { item in
                MeetingRecord.RecordedAgendaItem(position: item.number, title: item.title, diaryNumber: diaryNumber(item),
                                                 handler: item.handler, proposedDecision: item.proposedDecision, isPublic: item.public)
            }
        } else {
            minutes = buildMinutes(doc, people: people, warnings: &warnings)
            for item in doc.items where !item.assignments.isEmpty {
                assignments[item.number, default: []] += item.assignments.map {
                    MeetingRecord.RecordedAssignment(text: $0.text, reportBackBy: $0.reportBackBy.flatMap(LocalDate.init(iso:)))
                }
            }
        }
        let state: MeetingState
        switch kind {
        case .notice: state = .notified
        case .extract: state = minutes.announcement != nil ? .announced : .adjusted
        case .minutes: state = minutes.announcement != nil ? .announced : minutes.adjustment != nil ? .adjusted : .held
        }
        // A text file is kept as it came, so its media type names the encoding it was read in.
        var media = doc.source.format == "pdf" ? "application/pdf" : doc.source.format == "markdown" ? "text/markdown" : "text/plain"
        if let encoding = doc.source.encoding { media += "; charset=" + encoding.lowercased() }
        let source = MeetingRecord.Source(
            file: StoredFile(fileName: file, mediaType: media, sha256: doc.source.sha256, byteCount: content.count), content: content)
        var record = MeetingRecord(
            kind: kind, source: source, municipality: municipality, committee: committee, committeeKind: committeeKind,
            parentCommittee: parent, dating: dating, startTime: doc.startTime.flatMap { LocalTime($0) },
            endTime: doc.endTime.flatMap { LocalTime($0) }, place: doc.place, state: state, minutes: minutes,
            assignments: assignments, agenda: agenda,
            documents: doc.attachments.map {
                MeetingRecord.RecordedDocument(kind: DocumentKind(rawValue: $0.kind) ?? .bilaga, title: $0.title,
                                               diaryNumber: $0.dnr.flatMap { DiaryNumber($0) }.map(\.caseNumber))
            })
        for item in doc.items {
            if kind != .notice, !item.closesAssignments.isEmpty { record.closedAssignments[item.number] = item.closesAssignments }
            if let r = item.referral {
                record.referrals[item.number] = MeetingRecord.RecordedReferral(
                    title: item.title, diaryNumber: diaryNumber(item), from: r.from, theirReference: r.reference,
                    deadline: r.deadline.flatMap(LocalDate.init(iso:)), extensions: r.extendedTo.compactMap(LocalDate.init(iso:)))
            }
            if let listing = AgendaItemKind.listing(titled: item.title), !item.listedMatters.isEmpty {
                record.listedMatters[item.number] = item.listedMatters.map {
                    MeetingRecord.RecordedMatter(kind: listing, title: $0.text, date: $0.date.flatMap(LocalDate.init(iso:)),
                                                 from: $0.from, diaryNumber: $0.dnr)
                }
            }
        }
        record.issued = doc.issuedDate.flatMap(LocalDate.init(iso:))
        record.isOpenToPublic = doc.openToPublic
        record.groupMeetings = doc.groupMeetings.map {
            GroupMeeting(groups: $0.group, date: $0.date.flatMap(LocalDate.init(iso:)), time: $0.time.flatMap { LocalTime($0) })
        }
        return .success(Built(record: record, warnings: warnings))
    }

    /// The year an undated document's paragraphs are numbered in: the latest year among its diary
    /// numbers and its dates of adjustment and posting. A matter is registered no later than it is
    /// decided, so this is the earliest year the meeting can have been held.
    static func inferredYear(_ doc: ImportedDocument) -> Int? {
        var years = doc.items.compactMap { diaryNumber($0)?.year }
        years += [doc.adjustmentDate, doc.announcementDate].compactMap { $0.flatMap(LocalDate.init(iso:))?.year }
        return years.filter { (1900...2200).contains($0) }.max()
    }

    static func diaryNumber(_ item: ImportedDocument.Item) -> DiaryNumber? {
        guard let dnr = item.dnr else { return nil }
        return item.classification.flatMap { DiaryNumber("\(dnr) \($0)") } ?? DiaryNumber(dnr)
    }

    static func buildMinutes(_ doc: ImportedDocument, people: PartyBook, warnings: inout [String]) -> Minutes {
        var minutes = Minutes(meetingID: MeetingRecord.unsavedMeeting)
        minutes.chair = doc.chair.map(people.ref)
        minutes.secretary = doc.secretary
        minutes.attendance = doc.membersPresent.map { person in
            Attendance(person: PersonRef(name: person.name, party: person.party),
                       role: AttendanceRole(rawValue: person.role) ?? .ledamot,
                       replacing: person.replacing.map(people.ref),
                       fromParagraph: person.paragraphs?.first, toParagraph: person.paragraphs?.last)
        }
        minutes.officials = doc.officials.map {
            OfficialAttendance(name: $0.name, title: $0.title, fromParagraph: $0.paragraphs?.first, toParagraph: $0.paragraphs?.last)
        }
        let adjustmentDate = doc.adjustmentDate.flatMap(LocalDate.init(iso:))
        if !doc.adjusters.isEmpty || adjustmentDate != nil {
            minutes.adjustment = Adjustment(adjusters: doc.adjusters.map(people.ref), date: adjustmentDate)
        }
        if let posted = doc.announcementDate.flatMap(LocalDate.init(iso:)) {
            minutes.announcement = Announcement(posted: posted)
        }
        var seen = Set<Int>()
        for item in doc.items {
            guard seen.insert(item.number).inserted else {
                warnings.append("§ \(item.number) förekommer två gånger; den första behölls.")
                continue
            }
            minutes.paragraphs.append(paragraph(item, people: people))
        }
        return minutes
    }

    static func paragraph(_ item: ImportedDocument.Item, people: PartyBook) -> Paragraph {
        let clauses: [DecisionClause]
        if item.decisionClauses.count > 1 {
            clauses = item.decisionClauses.enumerated().map { DecisionClause(number: $0 + 1, text: $1) }
        } else if let text = item.decisionClauses.first ?? item.decisionText {
            clauses = [DecisionClause(text: text)]
        } else {
            clauses = []
        }
        return Paragraph(
            meetingID: MeetingRecord.unsavedMeeting, number: item.number, title: item.title.isEmpty ? "(utan rubrik)" : item.title,
            diaryNumber: diaryNumber(item), isPublic: item.public, decision: clauses, description: item.description,
            basis: item.basis,
            proposals: item.proposals.map { p in
                Proposal(by: [people.ref(p.by, party: p.party)], kind: proposalKind(p.text), text: p.text)
            },
            procedure: item.procedure.map { DecisionProcedure(text: $0) },
            votes: item.votes.map { VoteRules.vote(from: $0, people: people) },
            reservations: item.reservations.map { r in Reservation(by: r.names.map(people.ref), reasons: r.text) },
            statements: item.statements.map { s in
                Statement(kind: StatementKind(rawValue: s.kind) ?? .protokollsanteckning, by: s.names.map(people.ref), text: s.text)
            },
            recipients: item.decisionRecipients, immediatelyAdjusted: item.immediatelyAdjusted)
    }

    /// A yrkande's kind from its wording: formal motions first, since they are decided first.
    static func proposalKind(_ text: String) -> ProposalKind {
        let lower = text.lowercased()
        if lower.contains("återremi") { return .referBack }
        if lower.contains("bordlägg") { return .postpone }
        if lower.contains("tillägg") { return .addition }
        if lower.contains("ändring") || lower.contains("stryks") { return .amendment }
        return .main
    }
}

/// Who is who in one document: the party each named person sits for, from the attendance list
/// and from names printed with a party anywhere in the paragraphs.
struct PartyBook: Sendable {
    private var parties: [String: String] = [:]
    private var chair: String?

    init(_ doc: ImportedDocument) {
        for item in doc.items {
            for text in item.reservations.map(\.text) + item.statements.map(\.text) + item.proposals.map(\.text) + item.votes {
                for match in PersonRules.named(in: text) { parties[match.name] = match.party }
            }
        }
        // The attendance list is the most reliable source, so it is read last and wins.
        for person in doc.membersPresent {
            if let party = person.party { parties[person.name] = party }
        }
        chair = doc.chair
    }

    func ref(_ name: String) -> PersonRef { ref(name, party: nil) }

    /// "Ordföranden" stands for the chair by name when the document names one.
    func ref(_ name: String, party: String?) -> PersonRef {
        let lower = name.lowercased()
        if lower == "ordföranden" || lower == "ordförande", let chair {
            return PersonRef(name: chair, party: parties[chair])
        }
        return PersonRef(name: name, party: party ?? parties[name])
    }
}

/// Votes as the interchange prints them (text), with each member's ballot where a line names a
/// member and a choice: `Anna Andersson (S) Ja`, `Per Berg (M)   nej`.
enum VoteRules {
    static let choice = try! NSRegularExpression(pattern: #"(?i)\b(ja|nej|avstår|avstod)\s*$"#)

    static func vote(from text: String, people: PartyBook) -> Vote {
        var ballots: [Ballot] = []
        for line in text.split(separator: "\n").map(String.init) {
            let ns = line as NSString
            guard let m = choice.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)),
                  let person = PersonRules.named(in: line).first else { continue }
            let word = ns.substring(with: m.range(at: 1)).lowercased()
            let picked: BallotChoice = word == "ja" ? .yes : word == "nej" ? .no : .abstain
            ballots.append(Ballot(voter: people.ref(person.name, party: person.party), choice: picked))
        }
        return Vote(kind: .main, question: text, yesMeans: "ja", noMeans: "nej", ballots: ballots)
    }
}
