import Testing
@testable import ParagrafImport

@Suite("Small line rules")
struct LineRulesTests {
    @Test("page numbers and signature boxes are furniture; text that looks a little like them is not")
    func furniture() {
        for text in ["Sida 3 (18)", "sida 3 av 18", "3 (18)", "3(18)", "12 av 40", "Justerandes sign", "UTDRAGSBESTYRKANDE", "Sida  3 (18)"] {
            #expect(LineRules.isFurniture(LineRules.markdown(Line(number: 1, text: text)).text), "\(text)")
        }
        for text in ["3", "Sida 3", "1234 (18)", "3 (1234)", "3 av", "Sida 3 (18) x", "sidan 3 (18)", "§ 3 (18)", "", "Justerandes signaturer i original"] {
            #expect(!LineRules.isFurniture(text), "\(text)")
        }
    }

    @Test("two header columns flattened into one line become a line per label; a sentence or a role stays whole")
    func flattenedColumns() {
        func split(_ text: String) -> [String] { LineRules.splitColumns(Line(number: 3, text: text)).map(\.text) }
        #expect(split("Sammanträdesdatum 2021-05-12 Paragrafer §§ 45-48") == ["Sammanträdesdatum 2021-05-12", "Paragrafer §§ 45-48"])
        #expect(split("Utses att justera Lars Ek Underskrifter") == ["Utses att justera Lars Ek", "Underskrifter"])
        #expect(split("Ordförande ........ Justerande ........") == ["Ordförande ........", "Justerande ........"])
        #expect(split("Plats och tid: Rådhuset Justeringens plats och tid: Kansliet") == ["Plats och tid: Rådhuset", "Justeringens plats och tid: Kansliet"])
        #expect(split("Beslutande Anna Berg (S), Ordförande") == ["Beslutande Anna Berg (S), Ordförande"])
        #expect(split("Ordförande ställer proposition och Beslutande Anna Berg") == ["Ordförande ställer proposition och Beslutande Anna Berg"])
        #expect(split("Beslutande Anna Berg (S) Paragrafer gällde") == ["Beslutande Anna Berg (S) Paragrafer gällde"])
        #expect(split("Nämnden beslutar Paragrafer §§ 1-3") == ["Nämnden beslutar Paragrafer §§ 1-3"])
        #expect(LineRules.splitColumns(Line(number: 7, text: "Sekreterare Eva Dahl Ordförande Anna Berg")).map(\.number) == [7, 7])
    }

    @Test("furniture of two columns on one line is furniture; a sentence that starts like it is not")
    func furnitureRows() {
        #expect(LineRules.isFurniture("Justerandes sign Utdragsbestyrkande"))
        #expect(LineRules.isFurniture("Justerandes sign Signatur"))
        #expect(LineRules.isFurniture("Ordförandes sign Justerandes sign Utdragsbestyrkande"))
        #expect(!LineRules.isFurniture("Justerandes sign saknas"))
        #expect(!LineRules.isFurniture("Signatur och datum"))
    }

    @Test("a label glued to the text before it goes onto a line of its own, one that opens a line stays")
    func unglue() {
        #expect(LineRules.unglue("2023-09-08Instans") == ["2023-09-08", "Instans"])
        #expect(LineRules.unglue("Arbetslivsnämnden**Plats och tid:** Stadshuset") == ["Arbetslivsnämnden", "**Plats och tid:** Stadshuset"])
        #expect(LineRules.unglue("Plats och tid: Stadshuset") == ["Plats och tid: Stadshuset"])
        #expect(LineRules.unglue("Mötet valde Ordförande (S) och Beslutande ledamöter") == ["Mötet valde Ordförande (S) och Beslutande ledamöter"])
        #expect(LineRules.unglue("KSParagrafer") == ["KS", "Paragrafer"])
    }

    @Test("emphasis marks go, a lone asterisk stays, heading levels are read")
    func markdown() {
        let heading = LineRules.markdown(Line(number: 4, text: "## **§ 8**"))
        #expect(heading.text == "§ 8" && heading.heading == 2 && heading.number == 4)
        #expect(LineRules.markdown(Line(number: 1, text: "#hashtag")).heading == 0)
        #expect(LineRules.markdown(Line(number: 1, text: "Fotnot* och **fet**")).text == "Fotnot* och fet")
        #expect(LineRules.markdown(Line(number: 1, text: "- * punkt")).text == "- punkt")
        #expect(DocumentReader.looksLikeMarkdown("Rubrik\n## § 8\n"))
        #expect(DocumentReader.looksLikeMarkdown("Rubrik\r**Plats och tid**"))
        #expect(!DocumentReader.looksLikeMarkdown("Rubrik #1\n####### sju\n#ingen\n*en"))
    }

    @Test("list markers go from decision clauses only when a space follows")
    func listMarkers() {
        #expect(ItemRules.clauses(["1. Nämnden beslutar", "2) Uppdrar", "- Punkt", "• Punkt", "1.5 miljoner kronor", "123. Inte", "-"]) ==
            ["Nämnden beslutar", "Uppdrar", "Punkt", "Punkt", "1.5 miljoner kronor", "123. Inte", "-"])
        #expect(ItemRules.withoutListMarker("3.Kommunstyrelsen", requireSpace: false, bullets: ["-", "•"]) == "Kommunstyrelsen")
    }

    @Test("section headings are read whatever their case and trailing colon")
    func sections() {
        func section(_ text: String) -> ItemRules.Section? { ItemRules.section(Line(number: 1, text: text)) }
        #expect(section("BESLUTSUNDERLAG:") == .basis)
        #expect(section("Kommunstyrelsens förslag till beslut") == .proposedDecision)
        #expect(section("Socialnämndens beslut") == .decision)
        #expect(section("Delegationsordningens beslut") == nil)
        #expect(section("Beslut.") == nil)
        #expect(section("- Beslut") == nil)
        #expect(section("Beslut om att ge ett uppdrag till förvaltningen nu") == nil)
    }

    @Test("the municipality's word must stand alone: `Borås stad`, not `kommunstyrelsen`")
    func municipalityWord() {
        #expect(HeaderRules.hasWord(" kommun", in: "västerås kommun"))
        #expect(HeaderRules.hasWord(" kommun", in: "ale kommun, 2024"))
        #expect(!HeaderRules.hasWord(" kommun", in: "till kommunstyrelsen"))
        #expect(HeaderRules.hasWord(" kommun", in: "kommunstyrelsen i ale kommun"))
        #expect(!HeaderRules.hasWord(" stad", in: "stadshuset"))
        #expect(HeaderRules.municipality([Line(number: 1, text: "Kommunstyrelsen i Borås Stad"), Line(number: 2, text: "Borås stad")]) == "Borås")
    }
}
