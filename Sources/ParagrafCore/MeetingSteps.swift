/// Minutes being written at the meeting, before they are adjusted: what the secretary records,
/// step by step. Each step checks what the law asks and either gives the changed draft or
/// refuses with a Swedish sentence saying why; a refused step changes nothing.
public struct MinutesDraft: Hashable, Sendable, Codable {
    public var minutes: Minutes
    /// The committee's number of seats (ledamöter), for the quorum.
    public var seats: Int
    /// Set when the chair closes the meeting: reservations can no longer be announced.
    public var closed: Bool
    /// For three or more proposals: the one the chair found adopted by acclamation, per § number.
    public var mainProposal: [Int: String]
    /// Uppdrag given in each paragraph, per § number.
    public var assignments: [Int: [DraftAssignment]]
    /// When the chair closed the meeting (`17:59`).
    public var endTime: String?

    public init(minutes: Minutes, seats: Int, closed: Bool = false, mainProposal: [Int: String] = [:], assignments: [Int: [DraftAssignment]] = [:]) {
        self.minutes = minutes
        self.seats = seats
        self.closed = closed
        self.mainProposal = mainProposal
        self.assignments = assignments
    }

    public func paragraph(_ number: Int) -> Paragraph? { minutes.paragraphs.first { $0.number == number } }
}

/// An uppdrag given in a decision, with the date it is to be reported back.
public struct DraftAssignment: Hashable, Sendable, Codable {
    public var receiver: String
    public var text: String
    public var reportBackBy: LocalDate?

    public init(receiver: String, text: String, reportBackBy: LocalDate?) {
        self.receiver = receiver
        self.text = text
        self.reportBackBy = reportBackBy
    }
}

public struct MeetingStepError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The secretary's steps at the meeting.
public enum MeetingSteps {
    /// Who is expected: ledamöter with their role, and the ersättare called in their place.
    public struct Expected: Sendable {
        public var person: PersonRef
        public var role: AttendanceRole
        public var replacing: PersonRef?
        public init(person: PersonRef, role: AttendanceRole, replacing: PersonRef? = nil) {
            self.person = person
            self.role = role
            self.replacing = replacing
        }
    }

    /// The draft at the opening: one paragraph per agenda item, numbered on from the year's
    /// highest § of the committee, everyone expected present throughout, the chair presiding.
    public static func open(meeting: MeetingID, agenda: [AgendaItem], cases: [CaseID: (Case, Memo?)], expected: [Expected],
                            seats: Int, firstNumber: Int, secretary: String, matters: ReportedMatters = ReportedMatters(delegatedDecisions: [], notifications: []),
                            committee: String = "Nämnden") -> MinutesDraft {
        var paragraphs: [Paragraph] = []
        for (offset, item) in agenda.sorted(by: { $0.position < $1.position }).enumerated() {
            let found = item.caseID.flatMap { cases[$0] }
            let memo = found?.1
            var paragraph = Paragraph(
                meetingID: meeting, number: firstNumber + offset, title: item.title, caseID: item.caseID, diaryNumber: found?.0.diaryNumber,
                isPublic: item.isPublic, description: memo?.summary, basis: memo?.basis ?? [], recipients: memo?.recipients ?? [])
            // The standard items list what was gathered for them, and take their usual decision.
            if let listed = matters.summary(item.kind) {
                paragraph.description = listed
                if let decision = ReportedMatters.decision(item.kind, committee: committee) { paragraph.decision = [DecisionClause(text: decision)] }
            }
            paragraphs.append(paragraph)
        }
        let attendance = expected.map { Attendance(person: $0.person, role: $0.role, replacing: $0.replacing) }
        let chair = expected.first { $0.role == .ordforande }?.person
        return MinutesDraft(minutes: Minutes(meetingID: meeting, chair: chair, secretary: secretary, attendance: attendance, paragraphs: paragraphs),
                            seats: seats)
    }

    /// Replaces the attendance whole, when the rules for who serves hold.
    public static func setAttendance(_ draft: MinutesDraft, _ rows: [Attendance]) throws -> MinutesDraft {
        let numbers = draft.minutes.paragraphs.map(\.number)
        if let bad = rows.first(where: { row in [row.fromParagraph, row.toParagraph].contains { n in n.map { !numbers.contains($0) } ?? false } }) {
            throw MeetingStepError("\(bad.person.description): paragrafen finns inte i protokollet (\(numbers.first.map { "§ \($0)" } ?? "")–\(numbers.last.map { "§ \($0)" } ?? "")).")
        }
        if let bad = rows.first(where: { ($0.fromParagraph ?? Int.min) > ($0.toParagraph ?? Int.max) }) {
            throw MeetingStepError("\(bad.person.description): ”från §” kommer efter ”till §”.")
        }
        var jav: [String: Set<Int>] = [:]
        for p in draft.minutes.paragraphs { for d in p.disqualifications { jav[d.person.name, default: []].insert(p.number) } }
        let problems = AttendanceChecks.problems(rows, numbers: numbers, seats: draft.seats, jav: jav)
        guard problems.isEmpty else { throw MeetingStepError(problems.joined(separator: " ")) }
        var changed = draft
        changed.minutes.attendance = rows
        changed.minutes.chair = rows.first { $0.role == .ordforande }?.person ?? draft.minutes.chair
        return changed
    }

    /// Records jäv: the persons take no part in the paragraph. Their proposals and votes there are refused.
    public static func setDisqualifications(_ draft: MinutesDraft, number: Int, _ persons: [Disqualification]) throws -> MinutesDraft {
        try change(draft, number) { p in
            let names = Set(persons.map(\.person.name))
            if let taken = p.proposals.first(where: { $0.by.contains { names.contains($0.name) } }) {
                throw MeetingStepError("\(taken.by[0].description) har yrkat i paragrafen och kan inte samtidigt ha jäv; ta bort yrkandet först.")
            }
            p.disqualifications = persons
        }
    }

    /// Adds a proposal by members taking part in the paragraph.
    public static func addProposal(_ draft: MinutesDraft, number: Int, _ proposal: Proposal) throws -> MinutesDraft {
        guard !proposal.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw MeetingStepError("Skriv yrkandets innehåll.") }
        guard !proposal.by.isEmpty else { throw MeetingStepError("Ange vem som yrkar.") }
        let taking = Set(draft.minutes.voters(at: number).map(\.name))
        if let outsider = proposal.by.first(where: { !taking.contains($0.name) }) {
            throw MeetingStepError("\(outsider.description) deltar inte i beslutet i § \(number) och kan inte yrka.")
        }
        return try change(draft, number) { p in
            p.proposals.append(proposal)
            try replan(&p, main: draft.mainProposal[number])
        }
    }

    /// Withdraws a proposal (it stays in the record as withdrawn and takes no part).
    public static func withdrawProposal(_ draft: MinutesDraft, number: Int, index: Int) throws -> MinutesDraft {
        try change(draft, number) { p in
            guard p.proposals.indices.contains(index) else { throw MeetingStepError("Yrkandet finns inte.") }
            p.proposals[index].withdrawn = true
            try replan(&p, main: draft.mainProposal[number])
        }
    }

    /// Names the main proposal among three or more (the one the chair found adopted by acclamation).
    public static func chooseMain(_ draft: MinutesDraft, number: Int, text: String) throws -> MinutesDraft {
        var changed = try change(draft, number) { p in try replan(&p, main: text) }
        changed.mainProposal[number] = text
        return changed
    }

    /// Decides a question by acclamation: the chair finds `adopted` carried.
    public static func decide(_ draft: MinutesDraft, number: Int, question: Int, adopted: String) throws -> MinutesDraft {
        try change(draft, number) { p in
            let q = try openQuestion(p, question)
            guard q.alternatives.contains(adopted) else { throw MeetingStepError("”\(adopted)” ställs inte mot något i den frågan.") }
            try quorate(draft, number, p)
            p.procedure!.questions[question].adopted = adopted
            p.procedure!.questions[question].vote = nil
            carry(&p, from: question)
        }
    }

    /// Records a roll-call vote on a question: ja for its first alternative, nej for the second.
    /// More ballots than members taking part, a voter not taking part, or a tie the chair did not
    /// break is refused.
    public static func vote(_ draft: MinutesDraft, number: Int, question: Int, ballots: [Ballot]) throws -> MinutesDraft {
        try change(draft, number) { p in
            let q = try openQuestion(p, question)
            try quorate(draft, number, p)
            let kind: VoteKind = switch q.stage {
            case .formal: .formal
            case .counterProposal: .counterProposal
            case .main, .amendment: .main
            }
            let vote = Vote(kind: kind, question: nil, yesMeans: q.alternatives[0], noMeans: q.alternatives[1], ballots: ballots)
            let voters = draft.minutes.voters(at: number)
            let chair = draft.minutes.chair.flatMap { chair in voters.contains { $0.name == chair.name } ? chair : nil }
            let outcome: VoteOutcome
            do {
                outcome = try vote.outcome(voters: voters, chair: chair)
            } catch let error as VoteError {
                throw MeetingStepError(error.description)
            }
            p.votes.append(vote)
            p.procedure!.questions[question].vote = p.votes.count - 1
            p.procedure!.questions[question].adopted = outcome.winner == .yes ? q.alternatives[0] : q.alternatives[1]
            carry(&p, from: question)
        }
    }

    /// The decision's clauses, its recipients, and whether it was adjusted at once. A decision needs a quorum.
    public static func decideParagraph(_ draft: MinutesDraft, number: Int, clauses: [String], recipients: [String],
                                       immediate: Bool) throws -> MinutesDraft {
        try change(draft, number) { p in
            try quorate(draft, number, p)
            guard !clauses.isEmpty else { throw MeetingStepError("Skriv beslutet, en att-sats eller mening per rad.") }
            p.decision = clauses.count == 1 ? [DecisionClause(text: clauses[0])]
                : clauses.enumerated().map { DecisionClause(number: $0.offset + 1, text: $0.element) }
            p.recipients = recipients
            p.immediatelyAdjusted = immediate
        }
    }

    /// A reservation, announced before the meeting closes, by members who took part in the
    /// decision; the written reasons may follow until adjustment (`reservationReasons`).
    public static func reserve(_ draft: MinutesDraft, number: Int, by: [PersonRef], reasons: String?) throws -> MinutesDraft {
        guard !draft.closed else { throw MeetingStepError("Sammanträdet är avslutat: en reservation ska anmälas innan sammanträdet avslutas.") }
        guard !by.isEmpty else { throw MeetingStepError("Ange vem som reserverar sig.") }
        let taking = Set(draft.minutes.voters(at: number).map(\.name))
        if let outsider = by.first(where: { !taking.contains($0.name) }) {
            throw MeetingStepError("\(outsider.description) deltog inte i beslutet i § \(number) och kan inte reservera sig.")
        }
        return try change(draft, number) { p in
            guard !p.decision.isEmpty else { throw MeetingStepError("Beslutet i § \(number) är inte fattat ännu.") }
            p.reservations.append(Reservation(by: by, reasons: reasons.flatMap { $0.isEmpty ? nil : $0 }))
        }
    }

    /// The written reasons of a reservation, given after the meeting and before adjustment.
    public static func reservationReasons(_ draft: MinutesDraft, number: Int, index: Int, reasons: String) throws -> MinutesDraft {
        try change(draft, number) { p in
            guard p.reservations.indices.contains(index) else { throw MeetingStepError("Reservationen finns inte.") }
            p.reservations[index].reasons = reasons.isEmpty ? nil : reasons
        }
    }

    public static func addStatement(_ draft: MinutesDraft, number: Int, _ statement: Statement) throws -> MinutesDraft {
        guard !statement.by.isEmpty, !statement.text.isEmpty else { throw MeetingStepError("Ange vem som lämnar \(statement.kind.rawValue) och dess text.") }
        let present = Set(draft.minutes.attendance.filter { $0.isPresent(at: number) }.map(\.person.name))
        if let outsider = statement.by.first(where: { !present.contains($0.name) }) {
            throw MeetingStepError("\(outsider.description) är inte närvarande vid § \(number).")
        }
        if statement.kind == .ersattaryttrande,
           let serving = statement.by.first(where: { name in draft.minutes.voters(at: number).contains { $0.name == name.name } }) {
            throw MeetingStepError("\(serving.description) tjänstgör vid § \(number); ersättaryttrande lämnas av en ersättare som inte tjänstgör.")
        }
        return try change(draft, number) { p in p.statements.append(statement) }
    }

    public static func addAssignment(_ draft: MinutesDraft, number: Int, _ assignment: DraftAssignment) throws -> MinutesDraft {
        guard draft.paragraph(number) != nil else { throw MeetingStepError("§ \(number) finns inte i protokollet.") }
        guard !assignment.text.isEmpty else { throw MeetingStepError("Skriv vad uppdraget gäller.") }
        var changed = draft
        changed.assignments[number, default: []].append(assignment)
        return changed
    }

    /// Closes the meeting: every paragraph must have its decision, and the attendance must hold.
    public static func close(_ draft: MinutesDraft) throws -> MinutesDraft {
        if let open = draft.minutes.paragraphs.first(where: { $0.decision.isEmpty }) {
            throw MeetingStepError("§ \(open.number) \(open.title) saknar beslut.")
        }
        var changed = draft
        changed.closed = true
        return changed
    }

    /// The adjusters chosen at the meeting, with the place and day of adjustment.
    public static func chooseAdjusters(_ draft: MinutesDraft, _ adjusters: [PersonRef], place: String?, date: LocalDate?) throws -> MinutesDraft {
        guard !adjusters.isEmpty else { throw MeetingStepError("Välj minst en justerare.") }
        let present = Set(draft.minutes.attendance.map(\.person.name))
        if let outsider = adjusters.first(where: { !present.contains($0.name) }) {
            throw MeetingStepError("\(outsider.description) är inte närvarande och kan inte justera protokollet.")
        }
        if let chair = draft.minutes.chair, adjusters.contains(where: { $0.name == chair.name }) {
            throw MeetingStepError("Ordföranden justerar alltid; välj någon annan som justerare.")
        }
        var changed = draft
        changed.minutes.adjustment = Adjustment(adjusters: adjusters, place: place, date: date, signatures: draft.minutes.adjustment?.signatures ?? [])
        return changed
    }

    // MARK: The beslutsgång

    /// The beslutsgång as the minutes print it, written from the recorded proposals, questions and votes.
    public static func procedureText(_ p: Paragraph) -> String {
        var lines: [String] = []
        let standing = p.proposals.filter { !$0.withdrawn }
        if !standing.isEmpty || p.proposals.contains(where: \.withdrawn) {
            lines.append("Yrkanden")
            for proposal in p.proposals {
                let who = proposal.by.map(\.description).joined(separator: " och ")
                let verb = proposal.by.count > 1 ? "yrkar" : "yrkar"
                let text = proposal.kind == .main ? proposal.text : "\(proposal.kind.rawValue): \(proposal.text)"
                lines.append("\(who) \(verb) \(text)" + (proposal.withdrawn ? " (yrkandet återtogs)." : "."))
            }
        }
        guard let questions = p.procedure?.questions, !questions.isEmpty else { return lines.joined(separator: "\n") }
        lines.append("Propositionsordning")
        for question in questions {
            let (a, b) = (question.alternatives[0], question.alternatives.count > 1 ? question.alternatives[1] : "")
            switch question.stage {
            case .formal: lines.append("Ordföranden ställer först proposition på om ärendet ska avgöras i dag eller \(b).")
            case .counterProposal: lines.append("Ordföranden ställer proposition på förslagen ”\(a)” och ”\(b)” för att utse motförslag i huvudvoteringen.")
            case .main:
                lines.append(b.isEmpty ? "Ordföranden ställer proposition på ”\(a)”." : "Ordföranden ställer proposition på ”\(a)” mot ”\(b)”.")
            case .amendment: lines.append("Ordföranden ställer proposition på ändrings- eller tilläggsyrkandet ”\(a)”.")
            }
            if let index = question.vote, p.votes.indices.contains(index) {
                let vote = p.votes[index]
                let title = vote.kind == .counterProposal ? "Kontrapropositionsvotering" : vote.kind == .formal ? "Votering" : "Omröstning"
                lines.append("\(title) begärs och verkställs. Följande voteringsproposition godkänns: Ja för ”\(vote.yesMeans)”, nej för ”\(vote.noMeans)”.")
                lines.append("Omröstningsresultat: \(vote.yesCount) ja, \(vote.noCount) nej" + (vote.abstainCount > 0 ? ", \(vote.abstainCount) avstår." : "."))
                if vote.yesCount == vote.noCount { lines.append("Ordföranden avgör med sin utslagsröst.") }
                if let adopted = question.adopted {
                    lines.append(question.stage == .counterProposal ? "”\(adopted)” är motförslag i huvudvoteringen." : "Nämnden har beslutat enligt ”\(adopted)”.")
                }
            } else if let adopted = question.adopted {
                lines.append(question.stage == .counterProposal
                             ? "Ordföranden finner att nämnden utser ”\(adopted)” till motförslag."
                             : "Ordföranden finner att nämnden beslutar enligt ”\(adopted)”.")
            }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Helpers

    private static func change(_ draft: MinutesDraft, _ number: Int, _ body: (inout Paragraph) throws -> Void) throws -> MinutesDraft {
        guard let index = draft.minutes.paragraphs.firstIndex(where: { $0.number == number }) else {
            throw MeetingStepError("§ \(number) finns inte i protokollet.")
        }
        var paragraph = draft.minutes.paragraphs[index]
        try body(&paragraph)
        let text = procedureText(paragraph)
        paragraph.procedure?.text = text
        var changed = draft
        changed.minutes.paragraphs[index] = paragraph
        return changed
    }

    /// Plans the questions anew from the proposals, keeping results already recorded for questions that still stand.
    private static func replan(_ p: inout Paragraph, main: String?) throws {
        if p.procedure?.questions.contains(where: { $0.adopted != nil }) == true {
            throw MeetingStepError("Propositionsordningen har börjat avgöras; yrkanden ändras inte efter att en fråga är avgjord.")
        }
        let questions = QuestionOrder.plan(p.proposals, main: main)
        p.procedure = DecisionProcedure(text: "", questions: questions)
    }

    private static func openQuestion(_ p: Paragraph, _ index: Int) throws -> PropositionQuestion {
        guard let questions = p.procedure?.questions, questions.indices.contains(index) else { throw MeetingStepError("Frågan finns inte.") }
        if let earlier = questions[..<index].firstIndex(where: { $0.adopted == nil }) {
            throw MeetingStepError("Fråga \(earlier + 1) i propositionsordningen avgörs först.")
        }
        guard questions[index].adopted == nil else { throw MeetingStepError("Frågan är redan avgjord.") }
        guard !questions[index].alternatives.contains(QuestionOrder.previousWinner) else {
            throw MeetingStepError("Föregående fråga avgörs först.")
        }
        return questions[index]
    }

    private static func quorate(_ draft: MinutesDraft, _ number: Int, _ p: Paragraph) throws {
        let taking = draft.minutes.voters(at: number).count
        guard Quorum.isQuorate(serving: taking, seats: draft.seats) else {
            throw MeetingStepError("Nämnden är inte beslutsför vid § \(number): \(taking) av \(draft.seats) ledamöter deltar, minst \(Quorum.minimum(seats: draft.seats)) behövs.")
        }
    }

    /// The winner of a question stands in the next question where the plan left a placeholder.
    /// A formal proposal carried (återremiss, bordläggning) ends the matter for today.
    private static func carry(_ p: inout Paragraph, from index: Int) {
        guard var questions = p.procedure?.questions, let adopted = questions[index].adopted else { return }
        if questions[index].stage == .formal, adopted != QuestionOrder.decideToday {
            questions.removeSubrange((index + 1)...)
        } else if questions.indices.contains(index + 1) {
            questions[index + 1].alternatives = questions[index + 1].alternatives.map { $0 == QuestionOrder.previousWinner ? adopted : $0 }
        }
        p.procedure!.questions = questions
    }
}

/// Minutes sent for signing: the PDF's hash, the content it was made from, the signatures given.
public struct SignedMinutes: Hashable, Sendable {
    public struct Signed: Hashable, Sendable {
        public var role: SignatoryRole
        public var person: PersonRef
        public var account: String
        public var method: String
        public var signedAt: String
        public var documentSHA256: String
        public var data: [UInt8]

        public init(role: SignatoryRole, person: PersonRef, account: String, method: String, signedAt: String, documentSHA256: String, data: [UInt8]) {
            self.role = role
            self.person = person
            self.account = account
            self.method = method
            self.signedAt = signedAt
            self.documentSHA256 = documentSHA256
            self.data = data
        }
    }

    public var meetingID: MeetingID
    /// 0 for the whole minutes; a § number for that paragraph's immediate adjustment.
    public var part: Int
    public var pdfSHA256: String
    /// The draft as it was when the PDF was made (JSON), and its SHA-256, which the PDF prints.
    public var content: String
    public var contentSHA256: String
    public var signatures: [Signed]
    public var lockedAt: String?

    public init(meetingID: MeetingID, part: Int = 0, pdfSHA256: String, content: String, contentSHA256: String, signatures: [Signed], lockedAt: String?) {
        self.meetingID = meetingID
        self.part = part
        self.pdfSHA256 = pdfSHA256
        self.content = content
        self.contentSHA256 = contentSHA256
        self.signatures = signatures
        self.lockedAt = lockedAt
    }

    /// Who must sign: the chair and each adjuster, as the draft names them.
    public static func required(_ draft: MinutesDraft) -> [(role: SignatoryRole, person: PersonRef)] {
        (draft.minutes.chair.map { [(SignatoryRole.ordforande, $0)] } ?? [])
            + (draft.minutes.adjustment?.adjusters ?? []).map { (SignatoryRole.justerare, $0) }
    }

    /// The roles still unsigned.
    public func missing(_ draft: MinutesDraft) -> [(role: SignatoryRole, person: PersonRef)] {
        Self.required(draft).filter { need in !signatures.contains { $0.role == need.role && $0.person.name == need.person.name } }
    }
}

/// One extract sent in expediering: which paragraph, to whom, when, and the signed file.
public struct DispatchRecord: Hashable, Sendable {
    public var meetingID: MeetingID
    public var paragraph: Int
    public var recipient: String
    public var extractSHA256: String
    public var signature: [UInt8]
    public var signedBy: String
    public var sentOn: LocalDate
    public var sentBy: String
    public var channel: String

    public init(meetingID: MeetingID, paragraph: Int, recipient: String, extractSHA256: String, signature: [UInt8], signedBy: String,
                sentOn: LocalDate, sentBy: String, channel: String) {
        self.meetingID = meetingID
        self.paragraph = paragraph
        self.recipient = recipient
        self.extractSHA256 = extractSHA256
        self.signature = signature
        self.signedBy = signedBy
        self.sentOn = sentOn
        self.sentBy = sentBy
        self.channel = channel
    }
}
