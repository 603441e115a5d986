import Foundation
import ParagrafCore
import Synchronization

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
    let dictionary: WordSet
    /// Terms of words seen before: minutes repeat their words, and analysing one is costly.
    let cache = TermCache()

    public init(dictionary: Set<String> = []) {
        self.dictionary = WordSet(dictionary)
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

    public var splitsCompounds: Bool { !dictionary.hashes.isEmpty }

    // MARK: Tokens

    /// The terms of a text, in order.
    public func terms(_ text: String) -> [Term] {
        var out: [Term] = []
        for (position, token) in tokens(TextNormalizer.line(text)).enumerated() {
            switch token.kind {
            case .word:
                for text in wordTerms(token.text) { out.append(Term(text: text, position: position, kind: .word)) }
            default:
                out.append(Term(text: token.text, position: position, kind: token.kind))
            }
        }
        return out
    }

    /// A word's stem and the stems of its compound parts, remembered.
    func wordTerms(_ word: String) -> [String] {
        let key = WordSet.hash(word.utf8)
        if let known = cache.terms(key) { return known }
        let stem = SwedishStemmer.stem(word)
        // The stem is split, not the word: an inflection is no part (nämnden is not nämn + den).
        let terms = [stem] + compoundParts(stem).filter { $0 != stem }
        cache.remember(key, terms)
        return terms
    }

    /// The distinct term texts of a text, as an index stores them.
    public func termTexts(_ text: String) -> [String] {
        // Compared by the hash of their bytes: hashing a Swedish string itself normalises it first.
        var seen = Set<UInt64>()
        return terms(text).map(\.text).filter { seen.insert(WordSet.hash($0.utf8)).inserted }
    }

    struct Token {
        var text: String
        var kind: Kind
    }

    /// Splits normalised text into tokens. Special forms are tried first at each place: a diary
    /// number (`ALN 2024-00029`, `SN2020/147`, `2023-00085`), a § number (`§ 34`), an ISO date,
    /// a number with spaces between its thousands (`253 950`); otherwise a word of letters.
    func tokens(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { Self.tokens(Array($0)) }
    }

    /// Tokens from UTF-8 bytes. A letter is an ASCII letter or any character beyond ASCII but
    /// Latin-1 signs (§, no-break space), general punctuation (dashes, quotes) and currency.
    static func tokens(_ b: [UInt8]) -> [Token] {
        var out: [Token] = []
        var i = 0
        func string(_ range: Range<Int>) -> String { String(decoding: b[range], as: UTF8.self) }
        while i < b.count {
            let c = b[i]
            if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA7 {  // §
                var j = i + 2
                while j < b.count, b[j] == 0x20 || (b[j] == 0xC2 && j + 1 < b.count && b[j + 1] == 0xA7) { j += b[j] == 0x20 ? 1 : 2 }
                let digits = digitRun(b, from: j)
                if digits > 0 {
                    out.append(Token(text: "§" + string(j..<(j + digits)), kind: .paragraph))
                    i = j + digits
                } else {
                    i += 2
                }
                continue
            }
            if let length = letterLength(b, at: i) {
                var j = i + length
                var capitals = isCapital(b, at: i)
                while j < b.count, let next = letterLength(b, at: j) {
                    if capitals, !isCapital(b, at: j) { capitals = false }
                    j += next
                }
                // A series in capitals before a year (`ALN 2024-00029`, `SN2020/147`) makes a diary number.
                var k = j
                if k < b.count, b[k] == 0x20 { k += 1 }
                if capitals, j - i <= 12, let end = diaryNumberEnd(b, from: k) {
                    out.append(Token(text: (string(i..<j) + string(k..<end)).lowerSv, kind: .diaryNumber))
                    i = end
                    continue
                }
                out.append(Token(text: string(i..<j).lowerSv, kind: .word))
                i = j
                continue
            }
            if isDigit(c) {
                if let end = diaryNumberEnd(b, from: i) {
                    let token = string(i..<end)
                    out.append(Token(text: token, kind: isDate(token) ? .date : .diaryNumber))
                    i = end
                    continue
                }
                // Digits, with single spaces between groups of three: one number.
                var j = i + digitRun(b, from: i)
                var number = string(i..<j)
                while j + 4 <= b.count, b[j] == 0x20, digitRun(b, from: j + 1) == 3 {
                    number += string((j + 1)..<(j + 4))
                    j += 4
                }
                out.append(Token(text: number, kind: .number))
                i = j
                continue
            }
            i += c < 0x80 ? 1 : String.sequenceLength(c)
        }
        return out
    }

    /// The byte length of the letter at `i`, or nil when no letter begins there.
    static func letterLength(_ b: [UInt8], at i: Int) -> Int? {
        let c = b[i]
        if c < 0x80 { return (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) ? 1 : nil }
        guard c >= 0xC0 else { return nil }
        let second = i + 1 < b.count ? b[i + 1] : 0
        switch c {
        case 0xC2: return nil  // Latin-1 signs and spaces
        case 0xC3 where second == 0x97 || second == 0xB7: return nil  // × ÷
        case 0xE2 where second == 0x80 || second == 0x82 || second == 0x81: return nil  // punctuation, currency
        case 0xE3 where second == 0x80: return nil  // ideographic space and punctuation
        default: return String.sequenceLength(c)
        }
    }

    /// An upper-case letter at `i`: A–Z, or À–Þ (Å, Ä, Ö, É …).
    static func isCapital(_ b: [UInt8], at i: Int) -> Bool {
        let c = b[i]
        if c < 0x80 { return (0x41...0x5A).contains(c) }
        return c == 0xC3 && i + 1 < b.count && (0x80...0x9E).contains(b[i + 1])
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    static func digitRun(_ b: [UInt8], from start: Int) -> Int {
        var n = 0
        while start + n < b.count, isDigit(b[start + n]) { n += 1 }
        return n
    }

    /// The end of `YYYY-NNNN…` or `YYYY/NNN…` (and an ISO date `YYYY-MM-DD`), with a part number
    /// (`-1`, `-01.02`) when printed.
    static func diaryNumberEnd(_ b: [UInt8], from start: Int) -> Int? {
        guard digitRun(b, from: start) == 4, start + 4 < b.count, b[start + 4] == UInt8(ascii: "-") || b[start + 4] == UInt8(ascii: "/")
        else { return nil }
        let serial = digitRun(b, from: start + 5)
        guard serial > 0 else { return nil }
        var end = start + 5 + serial
        // A date goes on with -DD; a part number with -N.
        while end + 1 < b.count, b[end] == UInt8(ascii: "-") || b[end] == UInt8(ascii: "."), digitRun(b, from: end + 1) > 0 {
            end += 1 + digitRun(b, from: end + 1)
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
        let bytes = Array(word.utf8)
        // Cuts fall between characters: at bytes that begin one.
        let starts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 }
        guard starts.count >= 6 else { return nil }
        for k in stride(from: starts.count - 3, through: 3, by: -1) {
            let cut = starts[k]
            guard dictionary.contains(bytes[cut...]) else { continue }
            if let head = headWord(bytes[..<cut], characters: k) {
                return (String(decoding: head, as: UTF8.self), String(decoding: bytes[cut...], as: UTF8.self))
            }
        }
        return nil
    }

    /// The dictionary word a compound's first part stands for.
    func headWord(_ head: ArraySlice<UInt8>, characters: Int) -> [UInt8]? {
        guard characters >= 3 else { return nil }
        // The linking s goes first: the word list also holds `arbetsmarknads`, which would stem
        // otherwise than `arbetsmarknad` as a query does.
        if head.last == UInt8(ascii: "s") {
            let bare = head.dropLast()
            if characters - 1 >= 3, dictionary.contains(bare) { return Array(bare) }
            let withE = Array(bare) + [UInt8(ascii: "e")]
            if dictionary.contains(withE[...]) { return withE }
        }
        return dictionary.contains(head) ? Array(head) : nil
    }
}

/// Words as 64-bit FNV-1a hashes of their UTF-8: looking one up needs no string, and among a
/// few hundred thousand words two collide with a chance of about one in a hundred million.
struct WordSet: Sendable {
    let hashes: Set<UInt64>

    init(_ words: Set<String>) {
        hashes = Set(words.map { Self.hash($0.utf8) })
    }

    static func hash<C: Sequence>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    func contains(_ bytes: ArraySlice<UInt8>) -> Bool { hashes.contains(Self.hash(bytes)) }
}

/// A bounded memory of words' terms, shared by all who analyse: an import and the searches
/// beside it.
final class TermCache: Sendable {
    private let memo = Mutex<[UInt64: [String]]>([:])
    static let capacity = 200_000

    func terms(_ key: UInt64) -> [String]? { memo.withLock { $0[key] } }

    func remember(_ key: UInt64, _ terms: [String]) {
        memo.withLock { memo in
            if memo.count >= Self.capacity { memo.removeAll(keepingCapacity: true) }
            memo[key] = terms
        }
    }
}
