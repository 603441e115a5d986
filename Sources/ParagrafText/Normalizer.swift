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
        // Most lines are already clean: plain ASCII with single inner spaces. They pass unchanged.
        var clean = true
        var afterSpace = true
        var combining = false
        for byte in string.utf8 {
            if byte == 0x20 {
                if afterSpace { clean = false }
                afterSpace = true
            } else {
                if byte < 0x20 || byte >= 0x80 { clean = false }
                // 0xCC and 0xCD lead the combining diacritics U+0300–U+037F, the ones NFC composes.
                if byte == 0xCC || byte == 0xCD { combining = true }
                afterSpace = false
            }
        }
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

    /// Folds case the Swedish way for comparison: lower case, å/ä/ö kept distinct.
    public static func fold(_ text: some StringProtocol) -> String {
        line(text).lowercased(with: Locale(identifier: "sv_SE"))
    }
}
