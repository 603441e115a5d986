/// A KLASSA classification code (`1.2.4.1`): dot-separated numeric levels.
public struct Classification: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: String

    public init?(_ code: some StringProtocol) {
        let levels = code.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...6).contains(levels.count),
              levels.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigitChar) }) else { return nil }
        self.code = String(code)
    }

    public var levels: [Int] { code.split(separator: ".").compactMap { Int($0) } }
    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let value = Classification(string) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Ogiltig klassificering: \(string)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// A diary number (diarienummer, Dnr) as municipalities print them: `ALN 2024-00029`,
/// `AMN 2024/00152`, `SN2020/147`, `AMN 8`, `AMN 2015-0013-01.02`, `2023-00063`.
///
/// A classification printed with it (`ALN 2024-00029 1.2.4.1`, `AMN 2024/00152-1.6.2`) is split
/// off into `classification`, also when text extraction fused the two (`ALN 2024-000291.2.4.1`).
public struct DiaryNumber: Hashable, Sendable, CustomStringConvertible {
    /// The register's series letters (`ALN`), nil when the number has none.
    public var series: String?
    /// Whether a space separates series and number (`ALN 2024` vs `SN2020`).
    public var spaced: Bool
    public var year: Int?
    /// `-` or `/` between year and serial number.
    public var yearSeparator: Character
    /// The serial number with its leading zeros, as printed.
    public var serial: String
    /// A part or document number after the serial (`-1`, `-01.02`).
    public var part: String?
    public var classification: Classification?

    public init(series: String?, spaced: Bool = true, year: Int?, yearSeparator: Character = "-",
                serial: String, part: String? = nil, classification: Classification? = nil) {
        self.series = series
        self.spaced = spaced
        self.year = year
        self.yearSeparator = yearSeparator
        self.serial = serial
        self.part = part
        self.classification = classification
    }

    /// The number as printed, without classification: `ALN 2024-00029`.
    public var description: String {
        var s = ""
        if let series { s += series + (spaced ? " " : "") }
        if let year { s += "\(year)\(yearSeparator)" }
        s += serial
        if let part { s += "-" + part }
        return s
    }

    /// The number followed by its classification, as a register prints it: `ALN 2024-00029 1.2.4.1`.
    public var withClassification: String {
        classification.map { "\(description) \($0.code)" } ?? description
    }

    /// The case's own number: without a part or document number (`SN2020/147-1` is document 1
    /// of case `SN2020/147`) and without classification.
    public var caseNumber: DiaryNumber {
        DiaryNumber(series: series, spaced: spaced, year: year, yearSeparator: yearSeparator, serial: serial)
    }

    /// The serial as an integer, for sorting and for the next free number in a series.
    public var serialNumber: Int? { Int(serial) }

    /// A number as Paragraf gives it in a committee's series: `ALN 2025-00001`.
    public static func inSeries(_ series: String, year: Int, serial: Int, classification: Classification? = nil) -> DiaryNumber {
        let digits = String(serial)
        return DiaryNumber(series: series, year: year, serial: String(repeating: "0", count: max(0, 5 - digits.count)) + digits,
                           classification: classification)
    }

    public init?(_ string: some StringProtocol) {
        guard case .success(let value) = DiaryNumber.parse(string) else { return nil }
        self = value
    }

    /// Parses a diary number; a string that is not one is an error value naming why.
    public static func parse(_ input: some StringProtocol) -> Result<DiaryNumber, DiaryNumberError> {
        let original = String(input)
        var text = Substring(original.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        guard !text.isEmpty else { return .failure(.empty) }
        stripLabel(&text)
        guard !text.isEmpty else { return .failure(.noSerial(original)) }

        // Series letters, then at most one space.
        let letters = text.prefix(while: \.isLetter)
        var series: String? = nil
        var spaced = false
        if !letters.isEmpty {
            guard letters.count <= 10 else { return .failure(.notADiaryNumber(original)) }
            series = String(letters)
            text = text.dropFirst(letters.count)
            if text.first == " " {
                spaced = true
                text = text.dropFirst()
            }
        }

        let first = text.prefix(while: \.isASCIIDigitChar)
        guard !first.isEmpty else {
            return .failure(series == nil ? .notADiaryNumber(original) : .noSerial(original))
        }
        text = text.dropFirst(first.count)

        var year: Int? = nil
        var separator: Character = "-"
        var serial = String(first)
        if first.count == 4, let y = Int(first), (1900...2199).contains(y),
           let sep = text.first, sep == "-" || sep == "/",
           let afterSep = text.dropFirst().first, afterSep.isASCIIDigitChar {
            year = y
            separator = sep
            text = text.dropFirst()
            let digits = text.prefix(while: \.isASCIIDigitChar)
            serial = String(digits)
            text = text.dropFirst(digits.count)
        }

        var part: String? = nil
        var classification: Classification? = nil
        if text.first == "." {
            // Fused by text extraction: KLASSA's top level is one digit, so the last digit
            // before the dot starts the classification.
            let code = text.prefix(while: { $0.isASCIIDigitChar || $0 == "." })
            guard serial.count >= 2, let c = Classification(String(serial.last!) + code), c.levels.count >= 3 else {
                return .failure(.unreadableSuffix(original, String(text)))
            }
            serial.removeLast()
            classification = c
            text = text.dropFirst(code.count)
        } else if text.first == "-" || text.first == "/" {
            text = text.dropFirst()
            let code = text.prefix(while: { $0.isASCIIDigitChar || $0 == "." })
            if let c = Classification(code), c.levels.count >= 3 {
                classification = c
            } else if !code.isEmpty {
                guard code.first!.isASCIIDigitChar, code.last!.isASCIIDigitChar else {
                    return .failure(.unreadableSuffix(original, String(code)))
                }
                part = String(code)
            }
            text = text.dropFirst(code.count)
        }
        if classification == nil, text.first == " " {
            let code = text.dropFirst().prefix(while: { $0.isASCIIDigitChar || $0 == "." })
            if let c = Classification(code), c.levels.count >= 2 {
                classification = c
                text = text.dropFirst(1 + code.count)
            }
        }
        guard text.isEmpty else { return .failure(.unreadableSuffix(original, String(text))) }
        return .success(DiaryNumber(series: series, spaced: spaced, year: year, yearSeparator: separator,
                                    serial: serial, part: part, classification: classification))
    }

    private static func stripLabel(_ text: inout Substring) {
        for label in ["diarienummer", "dnr"] {
            guard text.lowercased().hasPrefix(label) else { continue }
            let rest = text.dropFirst(label.count)
            // Only a label when followed by a separator: "DNR2020" is not labelled.
            guard let next = rest.first, next == " " || next == ":" || next == "." else { continue }
            text = rest.drop(while: { $0 == " " || $0 == ":" || $0 == "." })
            return
        }
    }
}

extension DiaryNumber: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        switch DiaryNumber.parse(string) {
        case .success(let value): self = value
        case .failure(let error):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(withClassification)
    }
}

public enum DiaryNumberError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case notADiaryNumber(String)
    case noSerial(String)
    case unreadableSuffix(String, String)

    public var description: String {
        switch self {
        case .empty: return "Diarienumret är tomt."
        case .notADiaryNumber(let s): return "”\(s)” är inget diarienummer (väntade t.ex. ALN 2024-00029)."
        case .noSerial(let s): return "Diarienumret ”\(s)” saknar löpnummer."
        case let .unreadableSuffix(s, rest): return "Diarienumret ”\(s)” slutar med ”\(rest)”, som varken är delnummer eller klassificering."
        }
    }
}

extension Character {
    var isASCIIDigitChar: Bool { isASCII && isNumber }
}
