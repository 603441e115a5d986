import Foundation

/// seed-001's two tables of the tertial report as CSV, the way a municipality exports them from its
/// spreadsheet: the document's own lines, `;` between cells.
public enum SeedTables {
    public static func csv() throws -> (summary: String, activities: String) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("../shared/seeds/seed-001.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        func table(after heading: String) throws -> String {
            guard let start = lines.firstIndex(where: { $0.contains(heading) }),
                  let header = lines[(start + 1)...].firstIndex(where: { $0.contains("\t") }) else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "seed-001 has no table after \(heading)"])
            }
            let end = lines[header...].firstIndex { $0.hasPrefix("5.1.") } ?? lines.count
            return lines[header..<end].map { $0.replacingOccurrences(of: "\t", with: ";") }.joined(separator: "\n")
        }
        return (try table(after: "Ekonomiskt sammandrag (Tkr)"), try table(after: "Verksamheternas nettokostnader"))
    }
}
