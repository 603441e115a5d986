import Testing
@testable import ParagrafCore

@Suite("Quorum (KL 6 kap. 27 §)")
struct QuorumTests {
    @Test func moreThanHalf() {
        #expect(Quorum.minimum(seats: 9) == 5)
        #expect(Quorum.minimum(seats: 10) == 6)
        #expect(Quorum.isQuorate(serving: 5, seats: 9))
        #expect(!Quorum.isQuorate(serving: 4, seats: 9))
        #expect(!Quorum.isQuorate(serving: 5, seats: 10), "exactly half is not more than half")
        #expect(Quorum.isQuorate(serving: 6, seats: 10))
        #expect(!Quorum.isQuorate(serving: 0, seats: 0))
    }
}

@Suite("Paragraph numbers run on through the year per committee")
struct ParagraphNumberingTests {
    @Test func continuesFromTheYearsHighest() {
        #expect(ParagraphNumbering.next(afterHighestThisYear: nil) == 1)
        #expect(ParagraphNumbering.next(afterHighestThisYear: 29) == 30)
        #expect(ParagraphNumbering.problems(numbers: Array(30...43), highestBefore: 29).isEmpty)
        #expect(ParagraphNumbering.problems(numbers: [1, 2, 3], highestBefore: nil).isEmpty)
    }

    @Test func reportsGapsRepeatsAndRestarts() {
        #expect(ParagraphNumbering.problems(numbers: [30, 32], highestBefore: 29) == [.outOfSequence(expected: 31, found: 32)])
        #expect(ParagraphNumbering.problems(numbers: [30, 30, 31], highestBefore: 29) == [.repeated(30)])
        #expect(ParagraphNumbering.problems(numbers: [1, 2], highestBefore: 29) == [.outOfSequence(expected: 30, found: 1)])
        #expect(ParagraphNumbering.problems(numbers: [31, 30], highestBefore: 29).count == 2)
    }
}

@Suite("Meeting states")
struct MeetingStateTests {
    @Test func followsTheCycle() throws {
        var meeting = Meeting(committeeID: CommitteeID(1), date: day("2024-04-16"))
        for next in [MeetingState.notified, .held, .adjusted, .announced] {
            try meeting.advance(to: next)
        }
        #expect(meeting.state == .announced)
    }

    @Test func refusesSkippingAndGoingBack() {
        var meeting = Meeting(committeeID: CommitteeID(1), date: day("2024-04-16"), state: .held)
        #expect(throws: MeetingStateError(from: .held, to: .announced)) { try meeting.advance(to: .announced) }
        #expect(throws: MeetingStateError.self) { try meeting.advance(to: .cancelled) }
        #expect(meeting.state == .held)
        var planned = Meeting(committeeID: CommitteeID(1), date: day("2024-04-16"))
        #expect(throws: Never.self) { try planned.advance(to: .cancelled) }
        #expect(planned.state.successors.isEmpty)
    }
}

@Suite("Ersättare are called in the order fullmäktige decided")
struct SubstituteCallingTests {
    let s1 = PersonRef(name: "Anna Ek", party: "S")
    let m1 = PersonRef(name: "Bo Berg", party: "M")
    let s2 = PersonRef(name: "Cecilia Dahl", party: "S")

    @Test func ownPartyFirstThenCallingOrder() {
        let absentS = PersonRef(name: "Sofia Bryngelsson", party: "S")
        let absentV = PersonRef(name: "Vera Lind", party: "V")
        let called = SubstituteCalling.call(
            absent: [absentS, absentV],
            available: [.init(person: m1, callingOrder: 1), .init(person: s2, callingOrder: 3), .init(person: s1, callingOrder: 2)])
        #expect(called[0].substitute == s1, "S member replaced by the first S substitute in order")
        #expect(called[1].substitute == m1, "no V substitute: the first remaining one in order")
    }

    @Test func runsOut() {
        let called = SubstituteCalling.call(absent: [s1, m1], available: [.init(person: s2, callingOrder: 1)])
        #expect(called[0].substitute == s2)
        #expect(called[1].substitute == nil)
    }
}

@Suite("Votes: majority, the chair's casting vote, lot in elections")
struct VoteOutcomeTests {
    let members = (1...9).map { PersonRef(name: "Ledamot \($0)", party: $0 <= 5 ? "S" : "M") }

    func vote(_ yes: Int, _ no: Int, _ abstain: Int = 0, kind: VoteKind = .main) -> Vote {
        var ballots: [Ballot] = []
        for (i, m) in members.enumerated() {
            if i < yes { ballots.append(.init(voter: m, choice: .yes)) }
            else if i < yes + no { ballots.append(.init(voter: m, choice: .no)) }
            else if i < yes + no + abstain { ballots.append(.init(voter: m, choice: .abstain)) }
        }
        return Vote(kind: kind, yesMeans: "bifall till förslaget", noMeans: "avslag", ballots: ballots)
    }

    @Test func majorityDecides() throws {
        #expect(try vote(5, 4).outcome(voters: members, chair: members[0]) == .yes)
        #expect(try vote(3, 5, 1).outcome(voters: members, chair: members[0]) == .no)
    }

    @Test func tieGoesToTheChair() throws {
        // members[0] is chair and voted yes; 4–4 with one abstaining.
        #expect(try vote(4, 4, 1).outcome(voters: members, chair: members[0]) == .tieBrokenByChair(.yes))
        // The chair among the no-voters.
        #expect(try vote(4, 4, 1).outcome(voters: members, chair: members[5]) == .tieBrokenByChair(.no))
        // The chair abstained: no casting vote can be given.
        #expect(throws: VoteError.tieWithoutCastingVote) { try vote(4, 4, 1).outcome(voters: members, chair: members[8]) }
    }

    @Test func electionTieByLot() throws {
        var v = vote(4, 4, 1, kind: .election)
        #expect(throws: VoteError.tieWithoutLot) { try v.outcome(voters: members, chair: members[0]) }
        v.lotWinner = .no
        #expect(try v.outcome(voters: members, chair: members[0]) == .tieBrokenByLot(.no))
    }

    @Test func refusesImpossibleBallots() {
        let present = Array(members.prefix(7))
        #expect(throws: VoteError.moreBallotsThanVoters(ballots: 9, voters: 7)) {
            try vote(5, 4).outcome(voters: present, chair: members[0])
        }
        var twice = vote(2, 2)
        twice.ballots.append(.init(voter: members[0], choice: .no))
        #expect(throws: VoteError.votedTwice("Ledamot 1")) { try twice.outcome(voters: members, chair: members[0]) }
        var stranger = vote(1, 1)
        stranger.ballots.append(.init(voter: PersonRef(name: "Okänd"), choice: .yes))
        #expect(throws: VoteError.voterNotPresent("Okänd")) { try stranger.outcome(voters: members, chair: members[0]) }
    }

    @Test func disqualifiedMembersDoNotVote() {
        var minutes = Minutes(meetingID: MeetingID(1))
        minutes.attendance = members.map { Attendance(person: $0, role: .ledamot) }
        minutes.attendance.append(Attendance(person: PersonRef(name: "Ersättare E", party: "S"), role: .ersattare))
        minutes.attendance[8].toParagraph = 32
        minutes.paragraphs = [Paragraph(meetingID: MeetingID(1), number: 34, title: "Ärende",
                                        disqualifications: [Disqualification(person: members[0], reason: "släkt med sökanden")])]
        let voters = minutes.voters(at: 34)
        #expect(voters.count == 7)
        #expect(!voters.contains(members[0]))
        #expect(!voters.contains(members[8]))
        #expect(minutes.voters(at: 31).count == 9)
    }
}

@Suite("Follow-up values")
struct FollowUpTests {
    @Test func assignmentOverdueUntilDone() {
        var a = Assignment(committeeID: CommitteeID(1), text: "Återrapportera", reportBackBy: day("2025-06-30"))
        #expect(!a.isOverdue(on: day("2025-06-30")))
        #expect(a.isOverdue(on: day("2025-07-01")))
        a.status = .done
        #expect(!a.isOverdue(on: day("2025-07-01")))
    }

    @Test func referralExtensionIsInForce() {
        let r = Referral(committeeID: CommitteeID(1), direction: .incoming, counterparts: ["Kommunstyrelsen"],
                         title: "Remiss", deadline: day("2024-09-30"), extensions: [day("2024-10-31")])
        #expect(r.deadlineInForce == day("2024-10-31"))
    }

    @Test func committeeStructure() {
        let utskott = Committee(municipalityID: MunicipalityID(1), name: "Arbetsutskottet", kind: .utskott)
        #expect(utskott.structuralProblems.count == 1)
        let ok = Committee(municipalityID: MunicipalityID(1), name: "Arbetsutskottet", kind: .utskott, parentID: CommitteeID(2))
        #expect(ok.structuralProblems.isEmpty)
    }
}
