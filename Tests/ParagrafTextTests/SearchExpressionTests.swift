import Foundation
import Testing
@testable import ParagrafText

@Suite("Search syntax")
struct SearchExpressionTests {
    let analyzer = AnalyzerTests.analyzer

    func parse(_ text: String) -> SearchExpression { SearchExpression.parse(text, analyzer: analyzer) }

    @Test("plain words: each must be there, by its stem")
    func words() {
        let e = parse("Nämnden beslutar")
        #expect(e.clauses.count == 2)
        #expect(e.clauses.allSatisfy { !$0.negated && $0.alternatives.count == 1 })
        #expect(e.clauses[0].alternatives[0].terms == ["nämnd"])
        #expect(e.wantedTerms == ["nämnd", "beslut"])
    }

    @Test("an exact phrase keeps its words' terms and its folded text, straight or typographic quotes")
    func phrases() {
        for text in ["\"Ekonomiskt  Bistånd\" remiss", "”Ekonomiskt Bistånd” remiss"] {
            let e = parse(text)
            #expect(e.clauses.count == 2, "\(text)")
            #expect(e.clauses[0].alternatives[0].phrase == "ekonomiskt bistånd")
            #expect(e.clauses[0].alternatives[0].terms == ["ekonomisk", "bistånd"])
            #expect(e.wantedPhrases == ["ekonomiskt bistånd"])
        }
        // An unclosed quote runs to the end.
        #expect(parse("\"ekonomiskt bistånd").wantedPhrases == ["ekonomiskt bistånd"])
    }

    @Test("-word and -\"phrase\" leave out; a hyphen inside a word or a diary number does not")
    func exclusions() {
        let e = parse("budget -kultur -\"ekonomiskt bistånd\"")
        #expect(e.clauses.map(\.negated) == [false, true, true])
        #expect(e.clauses[1].alternatives[0].terms == ["kultur"])
        #expect(e.clauses[2].alternatives[0].phrase == "ekonomiskt bistånd")
        #expect(e.wantedTerms == ["budget"], "left-out words are not marked in hits")
        #expect(parse("ALN 2024-00029").clauses.count == 1, "a diary number is one term, typed with its space")
        #expect(parse("ALN 2024-00029").clauses.allSatisfy { !$0.negated })
        #expect(!parse("-kultur").hasRequiredTerms, "only exclusions asks for nothing")
        #expect(parse("-kultur").clauses.count == 1)
    }

    @Test("OR joins the words beside it; elsewhere it is dropped")
    func or() {
        let e = parse("budget OR avslag nämnd")
        #expect(e.clauses.count == 2)
        #expect(e.clauses[0].alternatives.map(\.terms) == [["budget"], ["avslag"]])
        #expect(e.clauses[1].alternatives.map(\.terms) == [["nämnd"]])
        let chain = parse("budget OR avslag OR remiss")
        #expect(chain.clauses.count == 1 && chain.clauses[0].alternatives.count == 3)
        // Not beside a phrase or an exclusion, not first or last; lower-case "or" is a word.
        #expect(parse("\"ekonomiskt bistånd\" OR budget").clauses.count == 2)
        #expect(parse("budget OR -kultur").clauses.map(\.negated) == [false, true])
        #expect(parse("OR budget OR").clauses.count == 1)
        #expect(parse("budget or avslag").clauses.count == 3)
    }

    @Test("a compound brings its parts, all of which must be there")
    func compounds() {
        let e = parse("arbetsmarknadsnämnden")
        #expect(e.clauses.count == 1)
        #expect(Set(e.clauses[0].alternatives[0].terms).isSuperset(of: analyzer.termTexts("nämnd arbetsmarknad")))
    }

    @Test("nothing to search for")
    func empty() {
        for text in ["", "   ", "\"\"", "- -", "OR", "...", "\""] {
            #expect(!parse(text).hasRequiredTerms, "\(text)")
        }
    }
}
