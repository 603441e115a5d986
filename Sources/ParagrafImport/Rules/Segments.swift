import Foundation
import ParagrafText

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
        // Only a short line holding `§` (C2 A7) goes to the pattern.
        guard line.text.utf8.count <= 24, line.text.utf8.contains(0xA7), line.text.count <= 16 else { return nil }
        let ns = line.text as NSString
        guard
              let m = headingPattern.firstMatch(in: line.text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return Int(ns.substring(with: m.range(at: 1)))
    }

    /// Lines that begin the signature page or an electronic-signature appendix: a paragraph ends there.
    static func startsSignaturePage(_ line: Line) -> Bool {
        let lower = line.lower
        guard lower.utf8.count <= 40 || lower.hasBytePrefix("signerat") else { return false }
        return lower == "underskrifter" || lower == "elektroniska underskrifter" || lower.hasPrefix("signerat av")
            || lower == "justerandes underskrifter"
    }

    /// `Sn 49`, `Ks 112`: some older minutes print the committee's short name instead of `§`.
    static let abbreviatedHeading = try! NSRegularExpression(pattern: #"^([A-ZÅÄÖ][a-zåäö]{1,3}) (\d{1,4})$"#)
    /// Words that stand before a number on a line of their own without being a paragraph sign.
    static let notParagraphSigns: Set<String> = ["Bil", "Nr", "Kap", "Rum", "Kl", "Sal", "Vån", "Sid", "Punkt", "Dnr", "År"]

    static func abbreviated(_ text: String) -> (sign: String, number: Int)? {
        // `Xx 123`: an upper-case letter first, a digit last, at most ten bytes.
        guard let first = text.utf8.first, let last = text.utf8.last, text.utf8.count <= 10,
              (0x41...0x5A).contains(first) || first == 0xC3, (0x30...0x39).contains(last) else { return nil }
        let ns = text as NSString
        guard let m = abbreviatedHeading.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
              let number = Int(ns.substring(with: m.range(at: 2))) else { return nil }
        let sign = ns.substring(with: m.range(at: 1))
        return notParagraphSigns.contains(sign) ? nil : (sign, number)
    }

    /// The short name a document uses as its paragraph sign: only in documents without `§`
    /// headings, and only when it heads at least two lines with rising numbers.
    static func paragraphSign(_ lines: [Line]) -> String? {
        var numbers: [String: [Int]] = [:]
        for line in lines { if let a = abbreviated(line.text) { numbers[a.sign, default: []].append(a.number) } }
        let candidate = numbers.filter { $0.value.count >= 2 && $0.value == $0.value.sorted() && Set($0.value).count == $0.value.count }
            .max { $0.value.count < $1.value.count }?.key
        // Checked only for a candidate, which is rare: `segment` reads every heading anyway.
        guard let candidate, !lines.contains(where: { headingNumber($0) != nil }) else { return nil }
        return candidate
    }

    static func segment(_ lines: [Line]) -> Segments {
        var header: [Line] = []
        var paragraphs: [ParagraphBlock] = []
        var diagnostics: [ImportedDocument.Diagnostic] = []
        var current: ParagraphBlock? = nil
        let sign = paragraphSign(lines)
        func heading(_ line: Line) -> Int? {
            if let n = headingNumber(line) { return n }
            guard let sign, let a = abbreviated(line.text), a.sign == sign else { return nil }
            return a.number
        }
        for line in lines {
            if let n = heading(line) {
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
            if current != nil, startsSignaturePage(line) {
                paragraphs.append(current!)
                current = nil
            }
            if current != nil {
                // Appended in place: copying the block out and back would copy its lines each time.
                current!.lines.append(line)
            } else {
                // Before the first paragraph, or after the last one ended at the signature page.
                header.append(line)
            }
        }
        if let c = current { paragraphs.append(c) }
        return Segments(header: header, paragraphs: paragraphs, diagnostics: diagnostics)
    }
}
