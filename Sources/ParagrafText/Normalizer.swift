import Foundation

/// Normalises Swedish text the same way wherever it enters: composed Unicode (NFC), no
/// invisible characters from PDF extraction, plain spaces, whitespace collapsed.
public enum TextNormalizer {
    /// Characters that PDF text layers scatter through words and that carry no meaning.
    static let invisible: Set<Unicode.Scalar> = ["\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{2060}"]
    /// Space characters other than the ordinary one.
    static let spaces: Set<Unicode.Scalar> = ["\u{00A0}", "\u{2007}", "\u{202F}", "\u{2009}", "\u{200A}", "\u{2002}", "\u{2003}", "\t"]

    /// One line of text: NFC, invisible characters dropped, every run of whitespace one space, trimmed.
    public static func line(_ text: some StringProtocol) -> String {
        let string = String(text)
        // Most lines are already clean: single inner spaces, no controls, and beyond ASCII only
        // Latin-1 letters and common punctuation (dashes, quotes, bullets). They pass unchanged.
        var probe = string
        let (clean, afterSpace, combining) = probe.withUTF8(scan)
        if clean && !afterSpace { return string }
        let source = combining ? string.precomposedStringWithCanonicalMapping : string
        // Built as UTF-8 bytes: far cheaper than appending scalars to a string one by one.
        var out: [UInt8] = []
        out.reserveCapacity(source.utf8.count)
        var pendingSpace = false
        for scalar in source.unicodeScalars {
            let isSpace: Bool
            if scalar.value < 0x80 {
                isSpace = scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)
            } else {
                if invisible.contains(scalar) { continue }
                isSpace = spaces.contains(scalar) || scalar.properties.isWhitespace
            }
            if isSpace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            if scalar.value < 0x80 {
                out.append(UInt8(scalar.value))
            } else {
                out.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One pass over a line's bytes: whether it is clean, whether it ends in a space, and whether
    /// it holds combining marks (which NFC composes).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (clean: Bool, afterSpace: Bool, combining: Bool) {
        var clean = true
        var afterSpace = true
        var combining = false
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte == 0x20 {
                if afterSpace { clean = false }
                afterSpace = true
            } else {
                afterSpace = false
                if byte < 0x20 || byte == 0x7F {
                    clean = false
                } else if byte >= 0xC0 {
                    // A sequence's lead byte; its continuation bytes (0x80–0xBF) need no look.
                    // 0xCC and 0xCD lead the combining diacritics U+0300–U+037F, the ones NFC composes.
                    if byte == 0xCC || byte == 0xCD { combining = true }
                    let second = i + 1 < count ? bytes[i + 1] : 0
                    switch byte {
                    case 0xC3: break  // À–ÿ
                    case 0xC2 where second != 0x85 && second != 0xA0 && second != 0xAD: break  // Latin-1 signs, not NEL, NBSP or soft hyphen
                    case 0xE2 where second == 0x80 || second == 0x82:
                        // U+2010–U+2027 dashes, quotes, bullets, ellipsis; U+20A0– currency.
                        let third = i + 2 < count ? bytes[i + 2] : 0
                        if second == 0x80 && !(0x90...0xA7).contains(third) { clean = false }
                    default: clean = false
                    }
                }
            }
            if !clean && combining { break }
            i += 1
        }
        return (clean, afterSpace, combining)
    }

    /// Folds case the Swedish way for comparison: lower case, å/ä/ö kept distinct.
    public static func fold(_ text: some StringProtocol) -> String {
        line(text).lowercased(with: Locale(identifier: "sv_SE"))
    }
}
