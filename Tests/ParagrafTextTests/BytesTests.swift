import Testing
@testable import ParagrafText

@Suite("Byte-level searching and case folding")
struct BytesTests {
    /// Pieces the generated strings are made of: Swedish letters in both cases, punctuation that
    /// stays on the fast path, and letters that must fall back to the standard library.
    static let pieces = ["Å", "Ä", "Ö", "å", "ä", "ö", "É", "é", "Ü", "ü", "×", "÷", "ß", "ÿ", "Þ", "þ", "KS", "ks", "§ 12", " ", "–", "—",
                         "”", "…", "€", "«", "°", "İ", "Š", "Ω", "П", "ẞ", "ﬁ", "K", "e\u{0301}", "Nämnden", "dnr", "Z", "a", "7"]

    static func generated(_ count: Int) -> [String] {
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            // A fixed sequence (xorshift), so that a failure can be reproduced.
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % UInt64(bound))
        }
        return (0..<count).map { _ in (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined() }
    }

    @Test("lower case agrees with the standard library's on Swedish and foreign letters")
    func lowerAgreesWithStandardLibrary() {
        for text in Self.generated(5_000) {
            #expect(text.lowerSv == text.lowercased(), "\(text)")
        }
        #expect("ÅTERREMISS Ärende ÖVER §".lowerSv == "återremiss ärende över §")
        #expect("İstanbul".lowerSv == "İstanbul".lowercased())
    }

    @Test("byte search finds what range(of:) finds, and ranges cut at the same place")
    func searchAgreesWithCharacterSearch() {
        let needles = ["ä", "Nämnden", "§ 1", " ", "dnr", "K", "ÖÄ", "–"]
        for text in Self.generated(3_000) {
            for needle in needles {
                let expected = text.utf8.count >= needle.utf8.count
                    ? text.utf8.indices.first { text.utf8[$0...].starts(with: needle.utf8) } : nil
                let found = text.byteRange(of: needle)
                #expect(found?.lowerBound == expected, "\(needle) in \(text)")
                if let found { #expect(Array(text[found].utf8) == Array(needle.utf8)) }
            }
        }
        #expect("Beslutet expedieras till KS".containsBytes("expedieras"))
        #expect(!"Beslutet".containsBytes("beslutet"))
        #expect("abcabc".byteOffset(of: "abc", from: 1) == 3)
        #expect("abc".byteOffset(of: "abcd") == nil)
        #expect("".byteOffset(of: "a") == nil)
    }

    @Test("splitting on a separator keeps empty pieces, as components(separatedBy:) does")
    func splitKeepsEmptyPieces() {
        #expect("a. b. . c".splitBytes(on: ". ") == ["a", "b", "", "c"])
        #expect("".splitBytes(on: ". ") == [""])
        #expect("Tertial 2. Åter".splitBytes(on: ". ") == ["Tertial 2", "Åter"])
        #expect(Substring("  x y  ").trimmingSpaces == "x y")
    }

    @Test("clean lines pass unchanged, and every impurity is still found beside Swedish letters")
    func normaliserFastPathMissesNothing() {
        let clean = "Kommunstyrelsen – ärendet ”Översyn” § 12 … 5 € «x» 20°"
        #expect(TextNormalizer.line(clean) == clean)
        let impurities = ["\u{00A0}", "\u{00AD}", "\u{0085}", "\u{200B}", "\u{2028}", "\u{202F}", "\u{2009}", "\u{FEFF}", "\u{2060}",
                          "\t", "  ", "\u{3000}", "\u{1680}"]
        for impurity in impurities {
            let text = "Ärende\(impurity)för nämnden"
            let normalised = TextNormalizer.line(text)
            #expect(normalised == "Ärende för nämnden" || normalised == "Ärendeför nämnden", "\(impurity.unicodeScalars.map(\.value))")
        }
        #expect(TextNormalizer.line("Na\u{0308}mnden – beslut") == "Nämnden – beslut")
    }
}
