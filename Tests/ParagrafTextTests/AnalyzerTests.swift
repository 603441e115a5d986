import Foundation
import Testing
@testable import ParagrafText

@Suite("Swedish stemming")
struct StemmerTests {
    /// Snowball's published Swedish examples, and inflections from the seeds.
    @Test(arguments: [
        ("nämnden", "nämnd"), ("nämnder", "nämnd"), ("nämndens", "nämnd"), ("nämnd", "nämnd"),
        ("arbetsmarknaden", "arbetsmarknad"), ("beslutet", "beslutet"), ("beslut", "beslut"), ("besluten", "beslut"),
        ("kommunstyrelsen", "kommunstyr"), ("reservationer", "reservation"), ("yrkanden", "yrk"),
        ("jaktkarlarne", "jaktkarl"), ("klokhet", "klok"), ("kärlekslöst", "kärlekslös"), ("friskt", "frisk"),
        ("ekonomiskt", "ekonomisk"), ("ekonomiska", "ekonomisk"), ("budgeten", "budget"),
    ])
    func stems(_ pair: (String, String)) {
        #expect(SwedishStemmer.stem(pair.0) == pair.1, "\(pair.0)")
    }

    @Test("short words are left as they are")
    func shortWords() {
        #expect(SwedishStemmer.stem("av") == "av")
        #expect(SwedishStemmer.stem("kf") == "kf")
    }
}

@Suite("Swedish analyzer")
struct AnalyzerTests {
    /// The system word list when installed (scripts/install-deps installs it), else a few words
    /// so that the compound rules are still tested.
    static let analyzer: SwedishAnalyzer = {
        let system = SwedishAnalyzer.loadDictionary()
        return SwedishAnalyzer(dictionary: system ?? ["arbetsmarknad", "nämnden", "nämnd", "bistånd", "hushåll", "arbete", "marknad",
                                                      "utbildning", "barn"])
    }()

    func terms(_ text: String) -> Set<String> { Set(Self.analyzer.termTexts(text)) }

    @Test("the system word list is installed for the tests (wswedish)")
    func dictionaryInstalled() {
        #expect(SwedishAnalyzer.loadDictionary()?.contains("nämnd") == true)
    }

    @Test("a compound is found by its parts: arbetsmarknadsnämnden by arbetsmarknad and nämnd")
    func compounds() {
        let found = terms("Arbetsmarknadsnämnden beslutar")
        #expect(found.contains("nämnd"))
        #expect(found.contains(SwedishStemmer.stem("arbetsmarknad")))
        #expect(found.isSuperset(of: terms("arbetsmarknad")))
        #expect(found.isSuperset(of: terms("nämnd")))
        // ekonomiskt bistånd finds biståndshushåll.
        #expect(terms("antalet biståndshushåll ökar").contains(SwedishStemmer.stem("bistånd")))
        #expect(terms("Socialnämnden").contains("nämnd"))
    }

    @Test("diary numbers, § numbers, dates and amounts stay whole")
    func specialTokens() {
        let found = Self.analyzer.terms("Dnr ALN 2024-00029 1.2.4.1 i § 34 den 2024-04-16: 253 950 tkr, SN2020/147-1 och 2023-00085.")
        let byKind = Dictionary(grouping: found, by: \.kind).mapValues { $0.map(\.text) }
        #expect(byKind[.diaryNumber] == ["aln2024-00029", "sn2020/147-1", "2023-00085"])
        #expect(byKind[.paragraph] == ["§34"])
        #expect(byKind[.date] == ["2024-04-16"])
        #expect(byKind[.number]?.contains("253950") == true)
        // A diary number typed as a query gives the same term as in the text.
        #expect(Self.analyzer.termTexts("aln 2024-00029") == ["aln2024-00029"] || Self.analyzer.termTexts("ALN 2024-00029") == ["aln2024-00029"])
        // Words before a year are words: "budget 2024-2025" keeps "budget".
        #expect(terms("Budget 2024-2025").contains("budget"))
    }

    @Test("text and query agree: the same word in any inflection or case gives the same term")
    func queryMatchesText() {
        for (text, query) in [("NÄMNDENS beslut", "nämnd"), ("Reservationer", "reservation"), ("Återremiss", "återremiss"),
                              ("Barn- och utbildningsnämnden", "barn")] {
            #expect(terms(text).isSuperset(of: terms(query)), "\(query) in \(text)")
        }
    }
}
