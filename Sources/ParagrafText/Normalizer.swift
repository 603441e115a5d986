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
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in String(text).precomposedStringWithCanonicalMapping.unicodeScalars {
            if invisible.contains(scalar) { continue }
            if spaces.contains(scalar) || scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(scalar)
        }
        return String(out)
    }

    /// Folds case the Swedish way for comparison: lower case, å/ä/ö kept distinct.
    public static func fold(_ text: some StringProtocol) -> String {
        line(text).lowercased(with: Locale(identifier: "sv_SE"))
    }
}
