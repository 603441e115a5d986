import Foundation
import ParagrafCore

/// Turns Swedish text into search terms, the same way for what is indexed and for what is
/// asked, on every backend: words lower-cased and stemmed, compounds also by their parts
/// (*arbetsmarknadsnämnden* is found by *arbetsmarknad* and by *nämnd*), and diary numbers, §
/// numbers, dates and amounts kept whole.
public struct SwedishAnalyzer: Sendable {
    public enum Kind: String, Sendable, Hashable {
        case word, diaryNumber, paragraph, date, number
    }

    public struct Term: Sendable, Hashable {
        public var text: String
        /// The token's place in the text; a compound's parts share their word's place.
        public var position: Int
        public var kind: Kind
    }

    /// Words compounds are made of, lower case (Debian's `wswedish` list).
    let dictionary: Set<String>

    public init(dictionary: Set<String> = []) {
        self.dictionary = dictionary
    }

    /// Where Debian's `wswedish` package puts its word list (ISO-8859-1, one word a line).
    public static let dictionaryPath = "/usr/share/dict/swedish"

    /// The analyzer with the system's word list, or without compound splitting when it is missing.
    public static func standard(path: String = dictionaryPath) -> SwedishAnalyzer {
        SwedishAnalyzer(dictionary: loadDictionary(path: path) ?? [])
    }

    public static func loadDictionary(path: String = dictionaryPath) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) ?? ""
        var words = Set<String>()
        for line in text.split(separator: "\n") where line.count >= 2 && !line.contains("'") {
            words.insert(String(line).lowerSv)
        }
        return words.isEmpty ? nil : words
    }

    public var splitsCompounds: Bool { !dictionary.isEmpty }

    // MARK: Tokens

    /// The terms of a text, in order.
    public func terms(_ text: String) -> [Term] {
        var out: [Term] = []
        for (position, token) in tokens(TextNormalizer.line(text)).enumerated() {
            switch token.kind {
            case .word:
                let stem = SwedishStemmer.stem(token.text)
                out.append(Term(text: stem, position: position, kind: .word))
                for part in compoundParts(token.text) where part != stem {
                    out.append(Term(text: part, position: position, kind: .word))
                }
            default:
                out.append(Term(text: token.text, position: position, kind: token.kind))
            }
        }
        return out
    }

    /// The distinct term texts of a text, as an index stores them.
    public func termTexts(_ text: String) -> [String] {
        var seen = Set<String>()
        return terms(text).map(\.text).filter { seen.insert($0).inserted }
    }

    struct Token {
        var text: String
        var kind: Kind
    }

    /// Splits normalised text into tokens. Special forms are tried first at each place: a diary
    /// number (`ALN 2024-00029`, `SN2020/147`, `2023-00085`), a § number (`§ 34`), an ISO date,
    /// a number with spaces between its thousands (`253 950`); otherwise a word of letters.
    func tokens(_ text: String) -> [Token] {
        let chars = Array(text)
        var out: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "§" {
                var j = i + 1
                while j < chars.count, chars[j] == "§" || chars[j] == " " { j += 1 }
                let digits = Self.digitRun(chars, from: j)
                if digits > 0 {
                    out.append(Token(text: "§" + String(chars[j..<(j + digits)]), kind: .paragraph))
                    i = j + digits
                    continue
                }
                i += 1
                continue
            }
            if c.isLetter {
                var j = i
                while j < chars.count, chars[j].isLetter { j += 1 }
                let word = String(chars[i..<j])
                // A series in capitals before a year (`ALN 2024-00029`, `SN2020/147`) makes a diary number.
                var k = j
                if k < chars.count, chars[k] == " " { k += 1 }
                if word.count <= 6, word.allSatisfy(\.isUppercase), let end = Self.diaryNumberEnd(chars, from: k) {
                    out.append(Token(text: (word + String(chars[k..<end])).lowerSv, kind: .diaryNumber))
                    i = end
                    continue
                }
                out.append(Token(text: word.lowerSv, kind: .word))
                i = j
                continue
            }
            if c.isASCII && c.isNumber {
                if let end = Self.diaryNumberEnd(chars, from: i) {
                    let token = String(chars[i..<end])
                    out.append(Token(text: token, kind: Self.isDate(token) ? .date : .diaryNumber))
                    i = end
                    continue
                }
                // Digits, with single spaces between groups of three: one number.
                var j = i + Self.digitRun(chars, from: i)
                var number = String(chars[i..<j])
                while j + 4 <= chars.count, chars[j] == " ", Self.digitRun(chars, from: j + 1) == 3 {
                    number += String(chars[(j + 1)..<(j + 4)])
                    j += 4
                }
                out.append(Token(text: number, kind: .number))
                i = j
                continue
            }
            i += 1
        }
        return out
    }

    static func digitRun(_ chars: [Character], from start: Int) -> Int {
        var n = 0
        while start + n < chars.count, chars[start + n].isASCII && chars[start + n].isNumber { n += 1 }
        return n
    }

    /// The end of `YYYY-NNNN…` or `YYYY/NNN…` (and an ISO date `YYYY-MM-DD`), with a part number
    /// (`-1`, `-01.02`) when printed.
    static func diaryNumberEnd(_ chars: [Character], from start: Int) -> Int? {
        guard digitRun(chars, from: start) == 4, start + 4 < chars.count, chars[start + 4] == "-" || chars[start + 4] == "/" else {
            return nil
        }
        let serial = digitRun(chars, from: start + 5)
        guard serial > 0 else { return nil }
        var end = start + 5 + serial
        // A date goes on with -DD; a part number with -N.
        while end + 1 < chars.count, chars[end] == "-" || chars[end] == ".", digitRun(chars, from: end + 1) > 0 {
            end += 1 + digitRun(chars, from: end + 1)
        }
        return end
    }

    static func isDate(_ token: String) -> Bool {
        token.count == 10 && LocalDate(iso: token) != nil
    }

    /// The text cut into pieces, each marked when one of its terms is among `terms`: for
    /// highlighting what a search found. Only words and whole special tokens are marked.
    public func highlight(_ text: String, terms: Set<String>) -> [(text: String, hit: Bool)] {
        var pieces: [(text: String, hit: Bool)] = []
        var plain = ""
        var word = ""
        func flushWord() {
            guard !word.isEmpty else { return }
            let found = Set(self.terms(word).map(\.text))
            if !found.isDisjoint(with: terms) {
                if !plain.isEmpty { pieces.append((plain, false)); plain = "" }
                pieces.append((word, true))
            } else {
                plain += word
            }
            word = ""
        }
        for c in text {
            if c.isLetter || c.isNumber { word.append(c) } else { flushWord(); plain.append(c) }
        }
        flushWord()
        if !plain.isEmpty { pieces.append((plain, false)) }
        return pieces
    }

    // MARK: Compounds

    /// The stems of a compound's parts: the last part, and the rest split again once. Parts are
    /// dictionary words of at least three letters, joined directly or by a linking s, or with
    /// the first part's final e dropped (`arbete` + `marknad` → `arbetsmarknad`).
    func compoundParts(_ word: String) -> [String] {
        guard splitsCompounds, word.count >= 7 else { return [] }
        guard let (head, tail) = split(word) else { return [] }
        var parts = [SwedishStemmer.stem(head), SwedishStemmer.stem(tail)]
        if let (first, second) = split(head) {
            parts += [SwedishStemmer.stem(first), SwedishStemmer.stem(second)]
        }
        var seen = Set<String>()
        return parts.filter { seen.insert($0).inserted }
    }

    /// The split with the longest first part (Swedish compounds put their main word last).
    func split(_ word: String) -> (head: String, tail: String)? {
        let chars = Array(word)
        guard chars.count >= 6 else { return nil }
        for cut in stride(from: chars.count - 3, through: 3, by: -1) {
            let tail = String(chars[cut...])
            guard dictionary.contains(tail) else { continue }
            let head = String(chars[..<cut])
            if let word = headWord(head) { return (word, tail) }
        }
        return nil
    }

    /// The dictionary word a compound's first part stands for.
    func headWord(_ head: String) -> String? {
        guard head.count >= 3 else { return nil }
        // The linking s goes first: the word list also holds `arbetsmarknads`, which would stem
        // otherwise than `arbetsmarknad` as a query does.
        if head.hasSuffix("s") {
            let bare = String(head.dropLast())
            if bare.count >= 3, dictionary.contains(bare) { return bare }
            if dictionary.contains(bare + "e") { return bare + "e" }
        }
        return dictionary.contains(head) ? head : nil
    }
}
