import Foundation
import ParagrafCore
import Testing

@Suite("Report-back times and Swedish numbers")
struct PeriodsTests {
    @Test("a date or a period is read as the day it ends", arguments: [
        ("kvartal 2 2025", "2025-06-30"), ("senast kvartal 2 2025", "2025-06-30"), ("Q4 2024", "2024-12-31"),
        ("andra kvartalet 2025", "2025-06-30"), ("tertial 1 2026", "2026-04-30"), ("T3 2026", "2026-12-31"),
        ("första halvåret 2025", "2025-06-30"), ("halvår 2 2025", "2025-12-31"), ("juni 2025", "2025-06-30"),
        ("februari 2028", "2028-02-29"), ("30 oktober 2025", "2025-10-30"), ("2025-09-30", "2025-09-30"), ("2025", "2025-12-31"),
    ])
    func periods(_ text: String, _ iso: String) throws {
        #expect(try ReportBackTime.lastDay(text) == LocalDate(iso: iso)!)
    }

    @Test("a time that cannot be read is refused with what was written and what is understood",
          arguments: ["kvartal 5 2025", "snart", "vecka 12 2025", "31 juni 2025", "tertial 2", ""])
    func unreadable(_ text: String) {
        #expect(throws: ReportBackTime.Unreadable(text: text)) { try ReportBackTime.lastDay(text) }
        #expect(ReportBackTime.Unreadable(text: text).description.contains("kvartal 2 2025"))
    }

    @Test("Swedish numbers: spaces between thousands, a decimal comma, either minus sign")
    func numbers() throws {
        #expect(try SwedishNumber.parse("1 210") == 1210)
        #expect(try SwedishNumber.parse("-14 252") == -14252)
        #expect(try SwedishNumber.parse("\u{2212}168 763") == -168763)
        #expect(try SwedishNumber.parse("253\u{00A0}950") == 253950)
        #expect(try SwedishNumber.parse("12,5") == Decimal(string: "12.5")!)
        #expect(try SwedishNumber.parse("0") == 0)
        for bad in ["1,210.00", "1.210", "12 34", "1 2345", "abc", "", "-", "1,"] {
            #expect(throws: SwedishNumber.Unreadable(text: bad)) { try SwedishNumber.parse(bad) }
        }
    }
}
