import Foundation
import ParagrafCore
import ParagrafText

/// Documents printed after a paragraph or after a notice's agenda: each tjänsteskrivelse, other
/// documents opened by a labelled diary number (an utredning, a remiss), and bilagor that a
/// tjänsteskrivelse lists under Beslutsunderlag and that follow with their title on a line.
enum AttachmentRules {
    /// A tjänsteskrivelse: its title, letterhead and sections.
    struct Memo {
        var title: String
        var titleLine: Int
        var dnr: DiaryNumber?
        var handler: String?
        var basis: [String]
        var recipients: [String]
    }

    struct Found {
        var attachment: ImportedDocument.Attachment
        /// Where its title stands in the region, for the order they come in.
        var line: Int
    }

    /// A tjänsteskrivelse is found by its decision heading (`Förslag till beslut`,
    /// `Arbetslivsnämndens beslut`) with its title on the line above; its Dnr and handler stand
    /// in the letterhead, the few lines above the title.
    static func memos(_ lines: [Line]) -> [Memo] {
        var memos: [Memo] = []
        var starts: [(title: Int, decision: Int)] = []
        for (i, line) in lines.enumerated() {
            guard let s = ItemRules.section(line), s == .decision || s == .proposedDecision,
                  let t = previousText(lines, before: i, within: 3), ItemRules.section(lines[t]) == nil,
                  isTitle(lines[t].text) else { continue }
            // A second decision heading under the same title (`Beslut` after `Förslag till beslut`) is no new memo.
            if let last = starts.last, last.title == t { continue }
            starts.append((t, i))
        }
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? letterheadStart(lines, title: starts[k + 1].title, after: start.decision) : lines.count
            let floor = k > 0 ? starts[k - 1].decision + 1 : 0
            let head = Array(lines[max(floor, start.title - 14)..<start.title])
            let content = ItemRules.sections(lines[start.decision..<max(start.decision, end)])
            func texts(_ s: ItemRules.Section) -> [String] { content.filter { $0.0 == s }.flatMap(\.1) }
            memos.append(Memo(title: lines[start.title].text, titleLine: start.title,
                              dnr: head.lazy.compactMap { ItemRules.diaryNumber($0, requireLabel: true) }.last,
                              handler: handler(in: head),
                              basis: ItemRules.clauses(texts(.basis)), recipients: ItemRules.recipients(texts(.recipients))))
        }
        return memos
    }

    /// Every document attached in the region, in the order they stand.
    static func attachments(_ lines: [Line], memos: [Memo]? = nil) -> [ImportedDocument.Attachment] {
        let memos = memos ?? Self.memos(lines)
        var found = memos.map {
            Found(attachment: .init(kind: DocumentKind.tjansteskrivelse.rawValue, title: $0.title, dnr: $0.dnr?.description,
                                    handler: $0.handler), line: $0.titleLine)
        }
        var taken = Set(memos.map(\.titleLine))
        // Other documents under a labelled Dnr of their own (not a memo's letterhead).
        for (i, line) in lines.enumerated() {
            guard let dnr = ItemRules.diaryNumber(line, requireLabel: true),
                  let t = nextText(lines, after: i, within: 4), !taken.contains(t), isTitle(lines[t].text), !isField(lines[t].text),
                  !memos.contains(where: { $0.titleLine > i && $0.titleLine - i <= 14 }) else { continue }
            taken.insert(t)
            found.append(Found(attachment: .init(kind: kind(of: lines[t].text).rawValue, title: lines[t].text, dnr: dnr.description,
                                                 handler: nil), line: t))
        }
        // Bilagor a memo lists, printed after it under their own title.
        for memo in memos {
            for item in memo.basis {
                guard let title = bilagaTitle(item) else { continue }
                let wanted = title.lowerSv
                let length = wanted.utf8.count
                guard let t = lines.indices.first(where: {
                    $0 > memo.titleLine && lines[$0].lower.utf8.count == length && lines[$0].lower == wanted && !taken.contains($0)
                })
                else { continue }
                taken.insert(t)
                found.append(Found(attachment: .init(kind: kind(of: title, otherwise: .bilaga).rawValue, title: lines[t].text,
                                                     dnr: nil, handler: nil), line: t))
            }
        }
        return found.sorted { $0.line < $1.line }.map(\.attachment)
    }

    /// `1. Bilaga Tertial 2, 2023 Arbetslivsnämnden.` names the bilaga `Tertial 2, 2023 Arbetslivsnämnden`.
    static func bilagaTitle(_ basisItem: String) -> String? {
        var text = Substring(basisItem)
        for prefix in ["Bilaga ", "Bilagor ", "Bilaga: "] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        guard text.count < basisItem.count else { return nil }
        while text.last == "." || text.last == " " { text = text.dropLast() }
        return text.isEmpty ? nil : String(text)
    }

    /// The kind a title names: `Utredning av …`, `Remiss: …`, `Yttrande över …`.
    static func kind(of title: String, otherwise: DocumentKind = .other) -> DocumentKind {
        let lower = title.lowerSv
        if lower.hasBytePrefix("utredning") || lower.hasBytePrefix("rapport") { return .utredning }
        if lower.hasBytePrefix("remissvar") || lower.hasBytePrefix("yttrande") { return .remissvar }
        if lower.hasBytePrefix("remiss") { return .remiss }
        if lower.hasBytePrefix("tjänsteskrivelse") { return .tjansteskrivelse }
        if lower.hasBytePrefix("bilaga") { return .bilaga }
        return otherwise
    }

    /// A title: a line of a few words that is no label, date, number or sentence.
    static func isTitle(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter, first.isUppercase, text.utf8.count <= 200,
              !text.hasSuffix(":"), !PersonRules.isBareName(text) else { return false }
        let lower = text.lowerSv
        return !["instans", "datum", "handläggare", "dnr", "diarienummer", "innehållsförteckning", "sida "].contains { lower.hasBytePrefix($0) }
    }

    /// `Dokumentet gäller till och med: 2027`, `För revidering ansvarar: Kommunstyrelsen`: a field of
    /// a document's front page, with a label of several words (`Remiss: Arbetsmiljöpolicy` is a title).
    static func isField(_ text: String) -> Bool {
        guard let colon = text.byteRange(of: ": ") else { return false }
        return text[..<colon.lowerBound].split(separator: " ").count > 1
    }

    /// The handler in a letterhead: a name above `Handläggare`, `Handläggare: Name`, or `Name | Title`.
    static func handler(in head: [Line]) -> String? {
        for (i, line) in head.enumerated().reversed() {
            if line.lower == "handläggare", let name = head[..<i].last(where: { !$0.text.isEmpty }), PersonRules.isBareName(name.text) {
                return name.text
            }
            if let rest = line.rest(afterLower: "handläggare") {
                let name = rest.trimmingCharacters(in: CharacterSet(charactersIn: ": "))
                if PersonRules.isBareName(name) { return name }
            }
            if let bar = line.text.byteRange(of: " | ") {
                let name = String(line.text[..<bar.lowerBound]).trimmingCharacters(in: .whitespaces)
                if PersonRules.isBareName(name) { return name }
            }
        }
        return nil
    }

    /// Where the letterhead above a title begins: the memo before ends there.
    static func letterheadStart(_ lines: [Line], title: Int, after floor: Int) -> Int {
        var start = title
        var i = title - 1
        while i > floor, title - i <= 14 {
            let line = lines[i]
            if line.lower == "handläggare" || ItemRules.diaryNumber(line, requireLabel: true) != nil || line.text.containsBytes(" | ") {
                start = i
            }
            i -= 1
        }
        // The name above `Handläggare` belongs to the letterhead too.
        if start < title, lines[start].lower == "handläggare", let name = previousText(lines, before: start, within: 2) { start = name }
        return start
    }

    static func previousText(_ lines: [Line], before index: Int, within count: Int) -> Int? {
        var i = index - 1
        while i >= 0, index - i <= count + 1 {
            if !lines[i].text.isEmpty { return i }
            i -= 1
        }
        return nil
    }

    static func nextText(_ lines: [Line], after index: Int, within count: Int) -> Int? {
        var i = index + 1
        while i < lines.count, i - index <= count + 1 {
            if !lines[i].text.isEmpty { return i }
            i += 1
        }
        return nil
    }
}
