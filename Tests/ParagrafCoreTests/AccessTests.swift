import ParagrafCore
import Testing

@Suite("Roles and permissions")
struct AccessTests {
    let aln = CommitteeID(1)
    let ks = CommitteeID(2)

    @Test("a role counts in its own committee only")
    func perCommittee() {
        let secretary = Access(grants: [Grant(.secretary, committee: aln)])
        #expect(secretary.allows(.keepDiary(aln)) && secretary.allows(.keepMinutes(aln)) && secretary.allows(.planMeetings(aln)))
        #expect(!secretary.allows(.keepDiary(ks)) && !secretary.allows(.readDiary(ks)))
        #expect(!secretary.allows(.readAuditLog) && !secretary.allows(.manageAccounts))
    }

    @Test("handläggare write memos and read the diary but do not keep it; members attend; administrators run the system")
    func roles() {
        let handler = Access(grants: [Grant(.handler, committee: aln)])
        #expect(handler.allows(.writeMemo(aln)) && handler.allows(.readDiary(aln)))
        #expect(!handler.allows(.keepDiary(aln)) && !handler.allows(.keepMinutes(aln)) && !handler.allows(.attend(aln)))
        let member = Access(grants: [Grant(.member, committee: aln)])
        #expect(member.allows(.attend(aln)) && !member.allows(.readDiary(aln)) && !member.allows(.attend(ks)))
        let admin = Access(grants: [Grant(.administrator)])
        #expect(admin.allows(.readAuditLog) && admin.allows(.manageAccounts))
        #expect(!admin.allows(.keepDiary(aln)) && !admin.allows(.keepMinutes(aln)))
        #expect(Access(grants: []).allows(.signedIn) && !Access(grants: []).allows(.readDiary(aln)))
    }

    @Test("a disabled account may do nothing, and grants must match their role's reach")
    func accountRules() {
        var account = Account(username: "anna.berg", name: "Anna Berg", grants: [Grant(.secretary, committee: aln)])
        #expect(account.problems.isEmpty && account.access.allows(.keepDiary(aln)))
        account.disabled = true
        #expect(!account.access.allows(.keepDiary(aln)))
        #expect(Account(username: "Anna", name: "A").problems.count == 1)
        #expect(Account(username: "a", name: " ").problems.count == 1)
        #expect(Account(username: "a", name: "A", grants: [Grant(.secretary)]).problems.count == 1)
        #expect(Account(username: "a", name: "A", grants: [Grant(.administrator, committee: aln)]).problems.count == 1)
        #expect(PasswordRule.problem(with: "kort", username: "a") != nil)
        #expect(PasswordRule.problem(with: "anna.berg-hemligt", username: "anna.berg") != nil)
        #expect(PasswordRule.problem(with: String(repeating: "å", count: 40), username: "a") != nil, "over 72 bytes")
        #expect(PasswordRule.problem(with: "korrekt häst batteri", username: "anna.berg") == nil)
    }
}
