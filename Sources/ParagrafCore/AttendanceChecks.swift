/// What the law and the rules of procedure ask of who serves, paragraph by paragraph
/// (KL 5 kap. 17–18 §§, 6 kap. 10–11 §§): a substitute steps in and out only between items
/// (the attendance is kept by whole paragraphs, so this holds by construction); no more serve at
/// a paragraph than the committee has seats; one who left does not return the same day, except
/// after a paragraph where jäv kept them out; and no person holds two seats at once.
public enum AttendanceChecks {
    /// `attendance` rows as the minutes keep them (several rows for one person when they came
    /// back); `numbers` the meeting's paragraphs in order; `jav` the paragraphs each person had jäv in.
    public static func problems(_ attendance: [Attendance], numbers: [Int], seats: Int,
                                jav: [String: Set<Int>] = [:]) -> [String] {
        var out: [String] = []
        let serving = attendance.filter { $0.role != .ersattare }
        for number in numbers {
            let here = serving.filter { $0.isPresent(at: number) }
            if here.count > seats {
                out.append("§ \(number): \(here.count) tjänstgör men nämnden har \(seats) platser; en ersättare ska lämna när ledamoten tar över.")
            }
            var seen = Set<String>()
            for row in here where !seen.insert(row.person.name).inserted {
                out.append("§ \(number): \(row.person.description) tjänstgör två gånger.")
            }
        }
        // Spans of one person: a gap between them is allowed only where jäv kept the person out.
        for (name, rows) in Dictionary(grouping: serving, by: \.person.name) where rows.count > 1 {
            let spans = rows.map { (from: $0.fromParagraph ?? numbers.first ?? 0, to: $0.toParagraph ?? numbers.last ?? 0, ref: $0.person) }
                .sorted { $0.from < $1.from }
            for (before, after) in zip(spans, spans.dropFirst()) {
                let gap = numbers.filter { $0 > before.to && $0 < after.from }
                let excused = jav[name] ?? []
                if !gap.isEmpty, !gap.allSatisfy(excused.contains) {
                    out.append("\(after.ref.description) lämnade efter § \(before.to) och kan inte tjänstgöra igen samma dag från § \(after.from) (bara efter jäv).")
                }
            }
        }
        return out
    }
}
