import Foundation
import ParagrafCore
import ParagrafTestSupport
import Testing

@Suite("Periodic report tables: CSV in, sums checked")
struct ReportTablesTests {
    @Test("seed-001's tertial tables: the result is 1 210 tkr after August, each activity adds up, and the document's own inconsistency is found")
    func seed001() throws {
        let (summaryCSV, activitiesCSV) = try SeedTables.csv()
        let summary = try ReportTableCSV.read(summaryCSV, title: "Ekonomiskt sammandrag").get()
        let activities = try ReportTableCSV.read(activitiesCSV, title: "Verksamheternas nettokostnader").get()
        #expect(summary.value("Resultat jämfört med kommunbidrag", column: "Utfall jan- aug 2023") == 1210)
        #expect(activities.value("Nettokostnad", group: "Totalt", column: "Avvikelse jan-aug 2023") == 1210)
        #expect(activities.groups.count == 12 && activities.groups.last == "Totalt")
        // Every activity's net is its income plus its cost, and the totals are the sums of the activities.
        #expect(ReportChecks.problems(activities).isEmpty, "\(ReportChecks.problems(activities))")
        // The summary's net costs and the activities' total disagree after August: -168 763 against -168 774.
        let mismatch = ReportChecks.compare(summary, row: "Nettokostnader", against: activities, otherRow: "Nettokostnad", otherGroup: "Totalt")
        #expect(mismatch.count == 2, "\(mismatch)")
        #expect(mismatch.first == "Utfall jan- aug 2023: ”Nettokostnader” i Ekonomiskt sammandrag är -168 763 tkr, men ”Nettokostnad” i Verksamheternas nettokostnader är -168 774 tkr.")
        #expect(mismatch.last?.contains("1 221") == true && mismatch.last?.contains("1 210") == true, "the deviation column follows from it")
    }

    @Test("a CSV with a missing column or a number in the wrong format is refused line by line")
    func badInput() {
        let csv = "Tkr;Budget 2023;Utfall 2023\nCentral administration;;\nIntäkt;305;142\nKostnad;-17 948\nNettokostnad;1,210.00;-12 607\n"
        guard case .failure(let found) = ReportTableCSV.read(csv, title: "T") else {
            Issue.record("a broken CSV was read")
            return
        }
        let problems = found.list
        #expect(problems.map(\.line) == [4, 5])
        #expect(problems[0].description == "Rad 4: 1 värden, men rubriken har 2 kolumner")
        #expect(problems[1].description.contains("kolumnen ”Budget 2023”") && problems[1].description.contains("1,210.00"))
        guard case .failure(let empty) = ReportTableCSV.read("\n\n", title: "T") else { Issue.record("an empty file was read"); return }
        #expect(empty.list.count == 1)
    }

    @Test("the corner cell names the unit: amounts in tkr unless it says otherwise")
    func unit() throws {
        #expect(try ReportTableCSV.read("Tkr;Budget 2023\nNettokostnad;-10\n", title: "T").get().unit == nil)
        #expect(try ReportTableCSV.read(";Budget 2023\nNettokostnad;-10\n", title: "T").get().unit == nil)
        let measures = try ReportTableCSV.read("Antal;2021;2022;jan-aug 2023\nBiståndshushåll över tio månader;412;405;398\n", title: "Nyckeltal").get()
        #expect(measures.unit == "antal" && measures.value("Biståndshushåll över tio månader", column: "2022") == 405)
    }

    @Test("a sum off by more than rounding is reported; 1 tkr is rounding")
    func sums() throws {
        let csv = "Tkr;Utfall\nA;;\nIntäkt;10\nKostnad;-30\nNettokostnad;-21\nB;;\nIntäkt;5\nKostnad;-5\nNettokostnad;0\nTotalt;;\nIntäkt;15\nKostnad;-35\nNettokostnad;-25\n"
        let table = try ReportTableCSV.read(csv, title: "T").get()
        let problems = ReportChecks.problems(table)
        // Group A's -21 against -20 is rounding; the total's -25 is wrong twice over.
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.first?.contains("ger -20, men nettokostnaden anges till -25") == true)
        #expect(problems.last?.contains("verksamheterna summerar till -21, men totalen anges till -25") == true)
    }
}
