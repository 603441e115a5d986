import Testing
@testable import ParagrafCore

@Suite("Diary numbers")
struct DiaryNumberTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        let printed: String
        let series: String?
        let year: Int?
        let serial: String
        let part: String?
        let classification: String?
        var testDescription: String { input }
    }

    static let seedFormats: [Case] = [
        .init(input: "ALN 2024-00029 1.2.4.1", printed: "ALN 2024-00029", series: "ALN", year: 2024, serial: "00029", part: nil, classification: "1.2.4.1"),
        .init(input: "AMN 2024/00152-1.6.2", printed: "AMN 2024/00152", series: "AMN", year: 2024, serial: "00152", part: nil, classification: "1.6.2"),
        .init(input: "SN2020/147", printed: "SN2020/147", series: "SN", year: 2020, serial: "147", part: nil, classification: nil),
        .init(input: "AMN 8-", printed: "AMN 8", series: "AMN", year: nil, serial: "8", part: nil, classification: nil),
        .init(input: "AMN 2015-0013-01.02", printed: "AMN 2015-0013-01.02", series: "AMN", year: 2015, serial: "0013", part: "01.02", classification: nil),
        // Text extraction fuses number and classification; KLASSA's top level is one digit.
        .init(input: "ALN 2024-000291.2.4.1", printed: "ALN 2024-00029", series: "ALN", year: 2024, serial: "00029", part: nil, classification: "1.2.4.1"),
        .init(input: "ALN 2024-000311.2.3.25", printed: "ALN 2024-00031", series: "ALN", year: 2024, serial: "00031", part: nil, classification: "1.2.3.25"),
        .init(input: "ALN 2024-000303.7.0.2", printed: "ALN 2024-00030", series: "ALN", year: 2024, serial: "00030", part: nil, classification: "3.7.0.2"),
        .init(input: "AMN 2024/00137-1.2.3", printed: "AMN 2024/00137", series: "AMN", year: 2024, serial: "00137", part: nil, classification: "1.2.3"),
        .init(input: "SN2020/147-1", printed: "SN2020/147-1", series: "SN", year: 2020, serial: "147", part: "1", classification: nil),
        .init(input: "2023-00063", printed: "2023-00063", series: nil, year: 2023, serial: "00063", part: nil, classification: nil),
        .init(input: "AMN 10", printed: "AMN 10", series: "AMN", year: nil, serial: "10", part: nil, classification: nil),
        .init(input: "Dnr ALN 2024-00029", printed: "ALN 2024-00029", series: "ALN", year: 2024, serial: "00029", part: nil, classification: nil),
        .init(input: "Dnr: KS 2019/123", printed: "KS 2019/123", series: "KS", year: 2019, serial: "123", part: nil, classification: nil),
        .init(input: "  ALN   2024-00029  ", printed: "ALN 2024-00029", series: "ALN", year: 2024, serial: "00029", part: nil, classification: nil),
    ]

    @Test(arguments: seedFormats)
    func parsesAndPrints(_ c: Case) throws {
        let dnr = try DiaryNumber.parse(c.input).get()
        #expect(dnr.description == c.printed)
        #expect(dnr.series == c.series)
        #expect(dnr.year == c.year)
        #expect(dnr.serial == c.serial)
        #expect(dnr.part == c.part)
        #expect(dnr.classification?.code == c.classification)
        // What is printed parses back to the same number.
        let again = try DiaryNumber.parse(dnr.withClassification).get()
        #expect(again == dnr)
    }

    @Test func fusedAndSpacedFormsAreTheSameNumber() {
        #expect(DiaryNumber("ALN 2024-000291.2.4.1") == DiaryNumber("ALN 2024-00029 1.2.4.1"))
        #expect(DiaryNumber("ALN 2024-00029 1.2.4.1")?.withClassification == "ALN 2024-00029 1.2.4.1")
    }

    @Test("strings that are no diary numbers are error values", arguments: [
        "", "   ", "Budgetuppföljning", "Dnr", "ALN", "ALN 2024-00029 och mer", "ALN 2024-00029-", "ABCDEFGHIJKL 12",
        "ALN 2024-0002x", "1.2.4.1", "ALN 2024-0.2", "§ 30",
    ])
    func rejects(_ input: String) {
        let result = DiaryNumber.parse(input)
        guard case .failure(let error) = result else {
            // "ALN 2024-00029-" keeps a trailing dash as "AMN 8-" does; it is a number.
            #expect(input == "ALN 2024-00029-")
            return
        }
        #expect(!error.description.isEmpty)
        #expect(DiaryNumber(input) == nil)
    }

    @Test func errorsSayWhatIsWrong() {
        #expect(DiaryNumber.parse("") == .failure(.empty))
        #expect(DiaryNumber.parse("ALN") == .failure(.noSerial("ALN")))
        if case .failure(let e) = DiaryNumber.parse("ALN 2024-00029 och mer") {
            #expect(e.description.contains("och mer"))
        } else {
            Issue.record("expected failure")
        }
    }

    @Test func codableAsPrinted() throws {
        let dnr = DiaryNumber("AMN 2024/00152-1.6.2")!
        #expect(dnr.withClassification == "AMN 2024/00152 1.6.2")
        #expect(dnr.serialNumber == 152)
        #expect(Classification("1.2.4.1")?.levels == [1, 2, 4, 1])
        #expect(Classification("1..2") == nil)
        #expect(Classification("a.b") == nil)
    }

    @Test("a document's number names its case: without the part, the classification and nothing else lost")
    func caseNumberDropsThePart() {
        #expect(DiaryNumber("SN2020/147-1")!.caseNumber.description == "SN2020/147")
        #expect(DiaryNumber("AMN 2015-0013-01.02")!.caseNumber.description == "AMN 2015-0013")
        #expect(DiaryNumber("ALN 2024-00029 1.2.4.1")!.caseNumber == DiaryNumber("ALN 2024-00029")!)
        #expect(DiaryNumber("AMN 8")!.caseNumber.description == "AMN 8")
    }
}
