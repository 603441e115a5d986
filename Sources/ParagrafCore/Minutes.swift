/// One numbered clause of a decision ("1. Nämnden godkänner …", an att-sats).
public struct DecisionClause: Hashable, Sendable, Codable {
    public var number: Int?
    public var text: String

    public init(number: Int? = nil, text: String) {
        self.number = number
        self.text = text
    }
}

public enum ProposalKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A proposal on the matter itself (bifall, avslag, an alternative decision).
    case main = "huvudyrkande"
    /// An amendment to part of the main proposal (ändringsyrkande).
    case amendment = "ändringsyrkande"
    /// An addition to whatever main proposal is adopted (tilläggsyrkande).
    case addition = "tilläggsyrkande"
    /// Send the matter back for further preparation (återremiss).
    case referBack = "återremiss"
    /// Postpone the matter to a later meeting (bordläggning).
    case postpone = "bordläggning"

    /// Formal proposals are decided before the matter itself.
    public var isFormal: Bool { self == .referBack || self == .postpone }
}

/// A yrkande.
public struct Proposal: Hashable, Sendable, Codable {
    public var by: [PersonRef]
    public var kind: ProposalKind
    public var text: String
    public var withdrawn: Bool

    public init(by: [PersonRef], kind: ProposalKind = .main, text: String, withdrawn: Bool = false) {
        self.by = by
        self.kind = kind
        self.text = text
        self.withdrawn = withdrawn
    }
}

public enum BallotChoice: String, Hashable, Sendable, Codable, CaseIterable {
    case yes = "ja"
    case no = "nej"
    case abstain = "avstår"
}

public struct Ballot: Hashable, Sendable, Codable {
    public var voter: PersonRef
    public var choice: BallotChoice

    public init(voter: PersonRef, choice: BallotChoice) {
        self.voter = voter
        self.choice = choice
    }
}

public enum VoteKind: String, Hashable, Sendable, Codable, CaseIterable {
    case main = "huvudvotering"
    case counterProposal = "kontrapropositionsvotering"
    case formal = "votering om formellt yrkande"
    case election = "val"
}

/// An open roll-call vote (omröstning): ja for one proposal, nej for the other.
public struct Vote: Hashable, Sendable, Codable {
    public var kind: VoteKind
    /// The voting proposition (voteringsproposition) as read out.
    public var question: String?
    public var yesMeans: String
    public var noMeans: String
    public var ballots: [Ballot]
    /// A result given by the chair when a tie was broken by lot (elections only).
    public var lotWinner: BallotChoice?

    public init(kind: VoteKind = .main, question: String? = nil, yesMeans: String, noMeans: String,
                ballots: [Ballot], lotWinner: BallotChoice? = nil) {
        self.kind = kind
        self.question = question
        self.yesMeans = yesMeans
        self.noMeans = noMeans
        self.ballots = ballots
        self.lotWinner = lotWinner
    }

    public var yesCount: Int { ballots.filter { $0.choice == .yes }.count }
    public var noCount: Int { ballots.filter { $0.choice == .no }.count }
    public var abstainCount: Int { ballots.filter { $0.choice == .abstain }.count }
}

public enum StatementKind: String, Hashable, Sendable, Codable, CaseIterable {
    case sarskiltYttrande = "särskilt yttrande"
    case ersattaryttrande = "ersättaryttrande"
    case protokollsanteckning
}

/// One question the chair puts in the propositionsordning.
public struct PropositionQuestion: Hashable, Sendable, Codable {
    public enum Stage: String, Hashable, Sendable, Codable, CaseIterable {
        /// Återremiss or bordläggning, decided before the matter itself.
        case formal = "formellt yrkande"
        /// Choosing which proposal stands against the main one (kontrapropositionsvotering).
        case counterProposal = "kontraproposition"
        case main = "huvudfråga"
        /// Amendments and additions, after the main question.
        case amendment = "ändrings- och tilläggsyrkanden"
    }

    public var stage: Stage
    /// The proposals put against each other, as the minutes name them.
    public var alternatives: [String]
    /// The proposal the chair found adopted, or that won the vote.
    public var adopted: String?
    /// Index into the paragraph's votes when a vote decided the question.
    public var vote: Int?

    public init(stage: Stage, alternatives: [String], adopted: String? = nil, vote: Int? = nil) {
        self.stage = stage
        self.alternatives = alternatives
        self.adopted = adopted
        self.vote = vote
    }
}

/// The beslutsgång: the text the minutes print and, when known, its questions in order.
public struct DecisionProcedure: Hashable, Sendable, Codable {
    public var text: String
    public var questions: [PropositionQuestion]

    public init(text: String, questions: [PropositionQuestion] = []) {
        self.text = text
        self.questions = questions
    }
}

/// A reservation against a decision, with the written reasons when given.
public struct Reservation: Hashable, Sendable, Codable {
    public var by: [PersonRef]
    public var reasons: String?

    public init(by: [PersonRef], reasons: String? = nil) {
        self.by = by
        self.reasons = reasons
    }
}

public struct Statement: Hashable, Sendable, Codable {
    public var kind: StatementKind
    public var by: [PersonRef]
    public var text: String

    public init(kind: StatementKind, by: [PersonRef], text: String) {
        self.kind = kind
        self.by = by
        self.text = text
    }
}

/// Jäv: the person takes no part in, and is not present for, this paragraph.
public struct Disqualification: Hashable, Sendable, Codable {
    public var person: PersonRef
    public var reason: String?

    public init(person: PersonRef, reason: String? = nil) {
        self.person = person
        self.reason = reason
    }
}

/// A paragraph (§) of the minutes.
public struct Paragraph: Hashable, Sendable, Codable {
    public var id: ParagraphID?
    public var meetingID: MeetingID
    public var number: Int
    public var title: String
    public var caseID: CaseID?
    /// The diary number as printed, also when no case is registered for it.
    public var diaryNumber: DiaryNumber?
    /// False for paragraphs closed to the public (myndighetsutövning, sekretess).
    public var isPublic: Bool
    public var decision: [DecisionClause]
    public var description: String?
    /// Beslutsunderlag, one line per document.
    public var basis: [String]
    public var proposals: [Proposal]
    public var procedure: DecisionProcedure?
    public var votes: [Vote]
    public var reservations: [Reservation]
    public var statements: [Statement]
    public var disqualifications: [Disqualification]
    /// Beslutet expedieras till.
    public var recipients: [String]
    /// Omedelbart justerad at the meeting.
    public var immediatelyAdjusted: Bool

    public init(id: ParagraphID? = nil, meetingID: MeetingID, number: Int, title: String, caseID: CaseID? = nil,
                diaryNumber: DiaryNumber? = nil, isPublic: Bool = true, decision: [DecisionClause] = [],
                description: String? = nil, basis: [String] = [], proposals: [Proposal] = [],
                procedure: DecisionProcedure? = nil, votes: [Vote] = [], reservations: [Reservation] = [],
                statements: [Statement] = [], disqualifications: [Disqualification] = [],
                recipients: [String] = [], immediatelyAdjusted: Bool = false) {
        self.id = id
        self.meetingID = meetingID
        self.number = number
        self.title = title
        self.caseID = caseID
        self.diaryNumber = diaryNumber
        self.isPublic = isPublic
        self.decision = decision
        self.description = description
        self.basis = basis
        self.proposals = proposals
        self.procedure = procedure
        self.votes = votes
        self.reservations = reservations
        self.statements = statements
        self.disqualifications = disqualifications
        self.recipients = recipients
        self.immediatelyAdjusted = immediatelyAdjusted
    }

    /// The decision as one text, clauses in order.
    public var decisionText: String {
        decision.map { clause in clause.number.map { "\($0). \(clause.text)" } ?? clause.text }.joined(separator: "\n")
    }
}

public enum AttendanceRole: String, Hashable, Sendable, Codable, CaseIterable {
    case ordforande = "ordförande"
    case viceOrdforande = "vice ordförande"
    case ledamot
    /// An ersättare serving in a member's place, with a vote.
    case tjanstgorandeErsattare = "tjänstgörande ersättare"
    /// An ersättare present without serving.
    case ersattare = "ersättare"

    public var votes: Bool { self != .ersattare }
}

/// One person's presence at a meeting, limited to a span of paragraphs when they came or left.
public struct Attendance: Hashable, Sendable, Codable {
    public var person: PersonRef
    public var role: AttendanceRole
    public var replacing: PersonRef?
    public var fromParagraph: Int?
    public var toParagraph: Int?

    public init(person: PersonRef, role: AttendanceRole, replacing: PersonRef? = nil,
                fromParagraph: Int? = nil, toParagraph: Int? = nil) {
        self.person = person
        self.role = role
        self.replacing = replacing
        self.fromParagraph = fromParagraph
        self.toParagraph = toParagraph
    }

    public func isPresent(at paragraph: Int) -> Bool {
        (fromParagraph.map { paragraph >= $0 } ?? true) && (toParagraph.map { paragraph <= $0 } ?? true)
    }
}

/// A tjänsteperson present at the meeting, for some paragraphs or all.
public struct OfficialAttendance: Hashable, Sendable, Codable {
    public var name: String
    public var title: String?
    public var fromParagraph: Int?
    public var toParagraph: Int?

    public init(name: String, title: String? = nil, fromParagraph: Int? = nil, toParagraph: Int? = nil) {
        self.name = name
        self.title = title
        self.fromParagraph = fromParagraph
        self.toParagraph = toParagraph
    }
}

public enum SignatoryRole: String, Hashable, Sendable, Codable, CaseIterable {
    case ordforande = "ordförande"
    case justerare
    case sekreterare
}

public struct Signature: Hashable, Sendable, Codable {
    public var signer: PersonRef
    public var role: SignatoryRole
    public var signedOn: LocalDate
    /// How it was signed: `Mobilt BankID`, `X.509`, `på papper`.
    public var method: String?

    public init(signer: PersonRef, role: SignatoryRole, signedOn: LocalDate, method: String? = nil) {
        self.signer = signer
        self.role = role
        self.signedOn = signedOn
        self.method = method
    }
}

/// Justering: the adjusters chosen at the meeting, and the signatures once given.
public struct Adjustment: Hashable, Sendable, Codable {
    public var adjusters: [PersonRef]
    public var place: String?
    public var date: LocalDate?
    public var signatures: [Signature]

    public init(adjusters: [PersonRef], place: String? = nil, date: LocalDate? = nil, signatures: [Signature] = []) {
        self.adjusters = adjusters
        self.place = place
        self.date = date
        self.signatures = signatures
    }
}

/// The notice of adjustment on the official notice board (anslag, KL 8 kap. 12 §).
public struct Announcement: Hashable, Sendable, Codable {
    public var posted: LocalDate
    /// Where the minutes are kept (förvaringsplats för protokollet).
    public var minutesKeptAt: String?

    public init(posted: LocalDate, minutesKeptAt: String? = nil) {
        self.posted = posted
        self.minutesKeptAt = minutesKeptAt
    }

    public var lastAppealDay: LocalDate { Deadlines.lastAppealDay(posted: posted) }
    public var takeDown: LocalDate { Deadlines.takeDown(posted: posted) }
}

/// The protokoll of one meeting: attendance, paragraphs, justering and anslag.
public struct Minutes: Hashable, Sendable, Codable {
    public var meetingID: MeetingID
    public var chair: PersonRef?
    public var secretary: String?
    public var attendance: [Attendance]
    public var officials: [OfficialAttendance]
    public var paragraphs: [Paragraph]
    public var adjustment: Adjustment?
    public var announcement: Announcement?

    public init(meetingID: MeetingID, chair: PersonRef? = nil, secretary: String? = nil, attendance: [Attendance] = [],
                officials: [OfficialAttendance] = [], paragraphs: [Paragraph] = [], adjustment: Adjustment? = nil,
                announcement: Announcement? = nil) {
        self.meetingID = meetingID
        self.chair = chair
        self.secretary = secretary
        self.attendance = attendance
        self.officials = officials
        self.paragraphs = paragraphs
        self.adjustment = adjustment
        self.announcement = announcement
    }

    /// The voting members present at a paragraph, those with jäv left out.
    public func voters(at number: Int) -> [PersonRef] {
        let disqualified = Set(paragraphs.first { $0.number == number }?.disqualifications.map(\.person.name) ?? [])
        return attendance.filter { $0.role.votes && $0.isPresent(at: number) && !disqualified.contains($0.person.name) }
            .map(\.person)
    }
}

/// A protokollsutdrag: one paragraph, certified as a true copy (utdragsbestyrkande).
public struct Extract: Hashable, Sendable, Codable {
    public var paragraphID: ParagraphID
    public var certifiedBy: String?
    public var certifiedOn: LocalDate?
    public var recipients: [String]

    public init(paragraphID: ParagraphID, certifiedBy: String? = nil, certifiedOn: LocalDate? = nil, recipients: [String] = []) {
        self.paragraphID = paragraphID
        self.certifiedBy = certifiedBy
        self.certifiedOn = certifiedOn
        self.recipients = recipients
    }
}

/// A dispatch of a decision: which extract went to whom, when.
public struct Dispatch: Hashable, Sendable, Codable {
    public var paragraphID: ParagraphID
    public var recipient: String
    public var sentOn: LocalDate
    public var channel: String?

    public init(paragraphID: ParagraphID, recipient: String, sentOn: LocalDate, channel: String? = nil) {
        self.paragraphID = paragraphID
        self.recipient = recipient
        self.sentOn = sentOn
        self.channel = channel
    }
}
