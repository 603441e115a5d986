import Testing
@testable import ParagrafCore

@Suite("Checks of who serves")
struct AttendanceChecksTests {
    static let members = (1...5).map { PersonRef(name: "Ledamot \($0)", party: "S") }
    static let substitute = PersonRef(name: "Ersättare Ek", party: "S")
    static let numbers = Array(10...14)

    func rows(_ extra: [Attendance]) -> [Attendance] {
        Self.members.dropFirst().map { Attendance(person: $0, role: .ledamot) } + extra
    }

    @Test("a substitute serves until the member arrives, from the next paragraph; a present ersättare who does not serve is not counted")
    func handOver() {
        let attendance = rows([
            Attendance(person: Self.substitute, role: .tjanstgorandeErsattare, replacing: Self.members[0], toParagraph: 11),
            Attendance(person: Self.members[0], role: .ledamot, fromParagraph: 12),
            Attendance(person: PersonRef(name: "Ersättare Lund", party: "M"), role: .ersattare),
        ])
        #expect(AttendanceChecks.problems(attendance, numbers: Self.numbers, seats: 5).isEmpty)
    }

    @Test("the member arrives but the substitute stays: more serve than there are seats")
    func tooMany() {
        let attendance = rows([Attendance(person: Self.substitute, role: .tjanstgorandeErsattare, replacing: Self.members[0]),
                               Attendance(person: Self.members[0], role: .ledamot, fromParagraph: 13)])
        #expect(AttendanceChecks.problems(attendance, numbers: Self.numbers, seats: 5) == [
            "§ 13: 6 tjänstgör men nämnden har 5 platser; en ersättare ska lämna när ledamoten tar över.",
            "§ 14: 6 tjänstgör men nämnden har 5 platser; en ersättare ska lämna när ledamoten tar över.",
        ])
    }

    @Test("one who left does not come back the same day, except after jäv")
    func noReturn() {
        let left = rows([Attendance(person: Self.members[0], role: .ledamot, toParagraph: 11),
                         Attendance(person: Self.members[0], role: .ledamot, fromParagraph: 13)])
        #expect(AttendanceChecks.problems(left, numbers: Self.numbers, seats: 5) == [
            "Ledamot 1 (S) lämnade efter § 11 och kan inte tjänstgöra igen samma dag från § 13 (bara efter jäv).",
        ])
        #expect(AttendanceChecks.problems(left, numbers: Self.numbers, seats: 5, jav: ["Ledamot 1": [12]]).isEmpty,
                "out for § 12 because of jäv, back for § 13")
    }

    @Test("one person twice at the same paragraph")
    func twice() {
        let attendance = rows([Attendance(person: Self.members[1], role: .ledamot, fromParagraph: 14)])
        #expect(AttendanceChecks.problems(attendance, numbers: Self.numbers, seats: 6) == ["§ 14: Ledamot 2 (S) tjänstgör två gånger."])
    }
}
