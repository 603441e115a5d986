/// A committee may decide only when more than half of its members are present (KL 6 kap. 27 §).
public enum Quorum {
    /// The smallest number of serving members that makes the committee quorate.
    public static func minimum(seats: Int) -> Int { seats / 2 + 1 }

    public static func isQuorate(serving: Int, seats: Int) -> Bool {
        seats > 0 && serving * 2 > seats
    }
}

/// Paragraph numbers run on through the calendar year per committee, starting at 1 each year.
public enum ParagraphNumbering {
    /// The number the next paragraph gets, given the highest number used so far this year.
    public static func next(afterHighestThisYear highest: Int?) -> Int { (highest ?? 0) + 1 }

    /// Checks that a meeting's paragraph numbers follow the year's previous paragraph without gap,
    /// repetition or reordering; returns the problems found.
    public static func problems(numbers: [Int], highestBefore: Int?) -> [NumberingProblem] {
        var problems: [NumberingProblem] = []
        var expected = next(afterHighestThisYear: highestBefore)
        var seen = Set<Int>()
        for n in numbers {
            if !seen.insert(n).inserted {
                problems.append(.repeated(n))
                continue
            }
            if n != expected { problems.append(.outOfSequence(expected: expected, found: n)) }
            expected = n + 1
        }
        return problems
    }
}

public enum NumberingProblem: Hashable, Sendable, CustomStringConvertible {
    case repeated(Int)
    case outOfSequence(expected: Int, found: Int)

    public var description: String {
        switch self {
        case .repeated(let n): return "§ \(n) förekommer två gånger."
        case let .outOfSequence(expected, found): return "Väntade § \(expected) men fann § \(found)."
        }
    }
}

/// Calling in ersättare for absent members in the calling order fullmäktige decided.
public enum SubstituteCalling {
    public struct Seat: Hashable, Sendable {
        public var member: PersonRef
        public init(member: PersonRef) { self.member = member }
    }

    public struct Substitute: Hashable, Sendable {
        public var person: PersonRef
        public var callingOrder: Int
        public init(person: PersonRef, callingOrder: Int) {
            self.person = person
            self.callingOrder = callingOrder
        }
    }

    /// For each absent member, the ersättare called: first one of the member's own party in
    /// calling order, then any remaining one in calling order (the reglemente's usual rule).
    /// A member left without one stays in the result with nil.
    public static func call(absent: [PersonRef], available: [Substitute]) -> [(absent: PersonRef, substitute: PersonRef?)] {
        var pool = available.sorted { $0.callingOrder < $1.callingOrder }
        return absent.map { member in
            let index = pool.firstIndex { $0.person.party != nil && $0.person.party == member.party } ?? pool.indices.first
            guard let index else { return (member, nil) }
            return (member, pool.remove(at: index).person)
        }
    }
}

/// The outcome of a vote: the majority decides; on a tie the chair's vote decides
/// (KL 6 kap. 33 §, 5 kap. 55 §), and in an election the lot.
public enum VoteOutcome: Hashable, Sendable {
    case yes
    case no
    case tieBrokenByChair(BallotChoice)
    case tieBrokenByLot(BallotChoice)

    public var winner: BallotChoice {
        switch self {
        case .yes: return .yes
        case .no: return .no
        case .tieBrokenByChair(let c), .tieBrokenByLot(let c): return c
        }
    }
}

public enum VoteError: Error, Hashable, Sendable, CustomStringConvertible {
    case moreBallotsThanVoters(ballots: Int, voters: Int)
    case voterNotPresent(String)
    case votedTwice(String)
    case tieWithoutCastingVote
    case tieWithoutLot

    public var description: String {
        switch self {
        case let .moreBallotsThanVoters(b, v): return "Omröstningen har \(b) röster men bara \(v) tjänstgörande ledamöter."
        case .voterNotPresent(let n): return "\(n) tjänstgjorde inte vid paragrafen och kan inte rösta."
        case .votedTwice(let n): return "\(n) har röstat två gånger."
        case .tieWithoutCastingVote: return "Lika röstetal, men ordföranden har inte röstat ja eller nej och kan inte ge utslagsröst."
        case .tieWithoutLot: return "Lika röstetal vid val avgörs genom lottning, men lottningens utfall saknas."
        }
    }
}

extension Vote {
    /// Decides the vote among the given voters; `chair` is the presiding member.
    public func outcome(voters: [PersonRef], chair: PersonRef?) throws(VoteError) -> VoteOutcome {
        guard ballots.count <= voters.count else {
            throw .moreBallotsThanVoters(ballots: ballots.count, voters: voters.count)
        }
        let names = Set(voters.map(\.name))
        var seen = Set<String>()
        for ballot in ballots {
            guard names.contains(ballot.voter.name) else { throw .voterNotPresent(ballot.voter.name) }
            guard seen.insert(ballot.voter.name).inserted else { throw .votedTwice(ballot.voter.name) }
        }
        if yesCount > noCount { return .yes }
        if noCount > yesCount { return .no }
        if kind == .election {
            guard let lotWinner, lotWinner != .abstain else { throw .tieWithoutLot }
            return .tieBrokenByLot(lotWinner)
        }
        guard let chair, let choice = ballots.first(where: { $0.voter.name == chair.name })?.choice, choice != .abstain else {
            throw .tieWithoutCastingVote
        }
        return .tieBrokenByChair(choice)
    }
}
