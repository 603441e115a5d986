import Foundation

/// CSV as a spreadsheet exports it in Sweden: `;` (or tab) between cells, the first non-empty
/// line naming the columns. Lines keep their numbers in the file, so every problem can name its line.
public enum SwedishCSV {
    public struct Line: Hashable, Sendable {
        public var number: Int
        public var cells: [String]
    }

    /// A problem on one line of an uploaded file.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
        public var description: String { "Rad \(line): \(message)" }
        /// The problem where a form shows it among others: `export.csv, rad 3: …`.
        public func located(in file: String) -> String { "\(file), rad \(line): \(message)" }
    }

    /// Every problem found in a file, in line order.
    public struct Problems: Error, Hashable, Sendable, CustomStringConvertible {
        public var list: [Problem]
        public init(list: [Problem]) { self.list = list.sorted { $0.line < $1.line } }
        public var description: String { list.map(\.description).joined(separator: "\n") }
    }

    /// The header line and the non-empty lines after it; nil for a file with no text.
    public static func lines(_ text: String) -> (header: Line, rows: [Line])? {
        let raw = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        guard let headerIndex = raw.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
        let separator: Character = raw[headerIndex].contains(";") ? ";" : "\t"
        func cells(_ line: String) -> [String] {
            line.split(separator: separator, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        let rows = raw.enumerated().dropFirst(headerIndex + 1)
            .filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { Line(number: $0.offset + 1, cells: cells($0.element)) }
        return (Line(number: headerIndex + 1, cells: cells(raw[headerIndex])), rows)
    }
}
