import Foundation

/// A paragraph's lines: its heading's number and the lines up to the next heading.
struct ParagraphBlock: Sendable {
    var number: Int
    var headingLine: Int
    var lines: [Line]
}

/// The document cut into its parts: the header before the first paragraph, the paragraphs,
/// and what follows the last one (signature page, attachments).
struct Segments: Sendable {
    var header: [Line]
    var paragraphs: [ParagraphBlock]
    var diagnostics: [ImportedDocument.Diagnostic]
}

enum SegmentRules {
    /// `§ 30`, `§30`, `KS § 12`, `§ 8.` standing alone on a line: a paragraph heading. A `§`
    /// followed by a title and a page number on the same line is a table-of-contents entry.
    static let headingPattern = try! NSRegularExpression(pattern: #"^(?:[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,7}\s*)?§\s*(\d{1,4})\.?$"#)

    static func headingNumber(_ line: Line) -> Int? {
        let ns = line.text as NSString
        guard line.text.utf8.count <= 24, line.text.count <= 16,
              let m = headingPattern.firstMatch(in: line.text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return Int(ns.substring(with: m.range(at: 1)))
    }

    /// Lines that begin the signature page or an electronic-signature appendix: a paragraph ends there.
    static func startsSignaturePage(_ text: String) -> Bool {
        guard text.utf8.count <= 40 || text.hasPrefix("Signerat") || text.hasPrefix("signerat") else { return false }
        let lower = text.lowercased()
        return lower == "underskrifter" || lower == "elektroniska underskrifter" || lower.hasPrefix("signerat av")
            || lower == "justerandes underskrifter"
    }

    static func segment(_ lines: [Line]) -> Segments {
        var header: [Line] = []
        var paragraphs: [ParagraphBlock] = []
        var diagnostics: [ImportedDocument.Diagnostic] = []
        var current: ParagraphBlock? = nil
        for line in lines {
            if let n = headingNumber(line) {
                if let previous = current ?? paragraphs.last, n <= previous.number {
                    // A heading out of sequence is a block extraction put in the wrong place; it
                    // continues the paragraph before it and must not replace the real one.
                    diagnostics.append(.init(severity: "warning",
                                             message: "§ \(n) står efter § \(previous.number); texten räknas till § \(previous.number).",
                                             line: line.number))
                    if current == nil, !paragraphs.isEmpty { current = paragraphs.removeLast() }
                    continue
                }
                if let c = current { paragraphs.append(c) }
                current = ParagraphBlock(number: n, headingLine: line.number, lines: [])
                continue
            }
            if current != nil, startsSignaturePage(line.text) {
                paragraphs.append(current!)
                current = nil
            }
            if var c = current {
                c.lines.append(line)
                current = c
            } else {
                // Before the first paragraph, or after the last one ended at the signature page.
                header.append(line)
            }
        }
        if let c = current { paragraphs.append(c) }
        return Segments(header: header, paragraphs: paragraphs, diagnostics: diagnostics)
    }
}
