import Testing
@testable import ParagrafText

@Suite("Text normalisation")
struct NormalizerTests {
    @Test func collapsesWhitespaceAndInvisibles() {
        #expect(TextNormalizer.line("  Arbetslivs\u{00AD}nämnden\u{00A0} \t beslutar ") == "Arbetslivsnämnden beslutar")
        #expect(TextNormalizer.line("\u{FEFF}§\u{202F}30") == "§ 30")
        #expect(TextNormalizer.line("") == "")
    }

    @Test func composesDecomposedLetters() {
        // "nämnd" with a combining diaeresis, as some PDF producers write it.
        let decomposed = "na\u{0308}mnd"
        #expect(TextNormalizer.line(decomposed) == "nämnd")
        #expect(TextNormalizer.line(decomposed).unicodeScalars.count == 5)
    }

    @Test func foldsCaseKeepingSwedishLetters() {
        #expect(TextNormalizer.fold("ÅTERREMISS Ärende ÖVER") == "återremiss ärende över")
        #expect(TextNormalizer.fold("Arbetsmarknadsnämnden") != TextNormalizer.fold("Arbetsmarknadsnamnden"))
    }
}
