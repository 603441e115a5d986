import Foundation
import ParagrafText

/// Who was present: the header's lists of members, substitutes and officials, in either
/// layout — one person a line, or a whole list run together on the label's line.
enum AttendanceRules {
    enum ListKind { case members, substitutes, officials }

    static let labels: [(String, ListKind)] = [
        ("beslutande ledamöter", .members), ("tjänstgörande ledamöter", .members), ("närvarande ledamöter", .members),
        ("beslutande", .members), ("ledamöter", .members), ("närvarande", .members),
        ("tjänstgörande ersättare", .members),
        ("närvarande ersättare", .substitutes), ("ej tjänstgörande ersättare", .substitutes), ("ersättare", .substitutes),
        ("övriga deltagare", .substitutes), ("övriga närvarande", .substitutes),
        ("övriga tjänstepersoner", .officials), ("tjänstepersoner", .officials), ("tjänstemän", .officials),
        ("övriga tjänstemän", .officials),
    ]

    /// The first bytes of the labels: a line that starts with none of them opens no list.
    static let labelInitials = Set(labels.map { $0.0.utf8.first! })

    /// Labels that end a list.
    static let stops = ["justeringens plats och tid", "utses att justera", "justerare", "paragrafer", "underskrifter",
                        "vid protokollet", "justering", "tillkännagivande", "sekreterare", "ordförande", "ärendelista",
                        "plats och tid", "sammanträdesdatum", "innehållsförteckning", "anslag", "bevis"]

    static func listKind(_ line: Line) -> (ListKind, rest: String)? {
        guard let first = line.lower.utf8.first, labelInitials.contains(first) else { return nil }
        for (label, kind) in labels {
            guard let after = line.rest(afterLower: label) else { continue }
            let rest = String(after)
            // "Ersättare för …" opens no list; a label stands alone or is followed by a tab or colon.
            // Aligned columns collapse to one space: then the rest must itself be a person or an official.
            let spaced = rest.first == " " && !rest.lowerSv.hasBytePrefix(" för ")
                && (startsWithPerson(rest) || official(rest.trimmingCharacters(in: .whitespaces)) != nil)
            guard rest.isEmpty || rest.first == "\t" || rest.first == ":" || spaced else { continue }
            return (kind, rest.trimmingCharacters(in: CharacterSet(charactersIn: ": \t")))
        }
        return nil
    }

    static func startsWithPerson(_ text: String) -> Bool {
        PersonRules.named(in: text).first.map { text.distance(from: text.startIndex, to: $0.range.lowerBound) < 3 } ?? false
    }

    static func isStop(_ line: Line) -> Bool {
        stops.contains { line.lower.hasBytePrefix($0) } && listKind(line) == nil
    }

    static func role(_ text: String, in kind: ListKind) -> (role: String, replacing: String?) {
        let lower = text.lowerSv
        if let offset = lower.byteOffset(of: "ersättare för ") {
            // The name after it, without a trailing "(party)".
            var name = text.droppingBytes(offset + "ersättare för ".utf8.count).trimmingCharacters(in: .whitespaces)
            if name.hasSuffix(")"), let open = name.lastIndex(of: "(") { name = String(name[..<open]) }
            return ("tjänstgörande ersättare", name.trimmingCharacters(in: .whitespaces))
        }
        if lower.containsBytes("tjänstgörande ersättare") || lower.containsBytes("tjg ersättare") { return ("tjänstgörande ersättare", nil) }
        if lower.containsBytes("vice ordförande") { return ("vice ordförande", nil) }
        if lower.containsBytes("ordförande") { return ("ordförande", nil) }
        if lower.containsBytes("ersättare") { return ("ersättare", nil) }
        return (kind == .substitutes ? "ersättare" : "ledamot", nil)
    }

    /// `… Eva Dahl, nämndsekreterare §§ 45-46` ending a members line: the right-hand column of a
    /// header table flattened into one line, an official beside the member. A title starts in
    /// lower case; a member's own role follows the party without a name before it.
    static let officialTail = try! NSRegularExpression(
        pattern: "(?:^|[\\s,])(\(PersonRules.nameWord)(?:\\s+\(PersonRules.nameWord)){1,3}),\\s*([a-zåäö][^,()§]*?)\\s*(§§?\\s*\\d{1,4}\\s*[-–]\\s*\\d{1,4})?$")

    static func officialAtEnd(of text: String) -> (official: ImportedDocument.OfficialPresent, start: String.Index)? {
        guard text.utf8.contains(UInt8(ascii: ",")) else { return nil }
        let ns = text as NSString
        guard let m = officialTail.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
              let start = Range(m.range(at: 1), in: text)?.lowerBound else { return nil }
        let title = ns.substring(with: m.range(at: 2)).trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        let lower = title.lowerSv
        guard !["ordförande", "ersättare", "ledamot"].contains(where: lower.containsBytes) else { return nil }
        let span = m.range(at: 3).location == NSNotFound ? nil : PersonRules.paragraphSpan(in: ns.substring(with: m.range(at: 3)))?.range
        return (.init(name: ns.substring(with: m.range(at: 1)), title: title, paragraphs: span), start)
    }

    /// Reads one list's text (one or many people) into persons, and an official printed beside
    /// the last of them.
    typealias People = (persons: [ImportedDocument.Person], beside: ImportedDocument.OfficialPresent?)

    static func people(_ text: String, kind: ListKind) -> People {
        let matches = PersonRules.named(in: text)
        var out: [ImportedDocument.Person] = []
        var beside: ImportedDocument.OfficialPresent? = nil
        var i = 0
        while i < matches.count {
            let m = matches[i]
            var end = i + 1 < matches.count ? matches[i + 1].range.lowerBound : text.endIndex
            let rest = String(text[m.range.upperBound...])
            if i + 1 == matches.count, let tail = officialAtEnd(of: rest) {
                beside = tail.official
                end = text.utf8.index(m.range.upperBound, offsetBy: rest.utf8.distance(from: rest.startIndex, to: tail.start))
            }
            let suffix = String(text[m.range.upperBound..<end])
            let span = PersonRules.paragraphSpan(in: suffix)
            var (role, replacing) = role(suffix, in: kind)
            // "Per Lund (m), tjänstgörande ersättare för Ove Dahl (m)": the next name is the one replaced.
            if replacing == "", i + 1 < matches.count {
                replacing = matches[i + 1].name
                i += 1
            }
            out.append(.init(name: m.name, party: m.party, role: role, replacing: replacing, paragraphs: span?.range))
            i += 1
        }
        return (out, beside)
    }

    static let officialPattern = try! NSRegularExpression(
        pattern: "^(\(PersonRules.nameWord)(?:\\s+\(PersonRules.nameWord)){1,3}),\\s*(.+?)\\s*(§§?\\s*\\d{1,4}\\s*[-–]\\s*\\d{1,4})?$")

    static func official(_ text: String) -> ImportedDocument.OfficialPresent? {
        let ns = text as NSString
        guard let m = officialPattern.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        let title = ns.substring(with: m.range(at: 2)).trimmingCharacters(in: CharacterSet(charactersIn: " ,."))
        let span = m.range(at: 3).location == NSNotFound ? nil : PersonRules.paragraphSpan(in: ns.substring(with: m.range(at: 3)))?.range
        return .init(name: ns.substring(with: m.range(at: 1)), title: title.isEmpty ? nil : title, paragraphs: span)
    }

    static func read(_ lines: [Line]) -> (members: [ImportedDocument.Person], officials: [ImportedDocument.OfficialPresent]) {
        var members: [ImportedDocument.Person] = []
        var officials: [ImportedDocument.OfficialPresent] = []
        var kind: ListKind? = nil
        // The source line of the label that opened the current list. A label or stop on the same
        // line is the right-hand column of a flattened table: the list on the left goes on below.
        var listLine: Int? = nil
        func take(_ found: People) {
            members += found.persons
            if let official = found.beside { officials.append(official) }
        }
        for line in lines {
            let text = line.text
            if text.isEmpty { continue }
            let besideList = kind != nil && listLine == line.number
            if let (k, rest) = listKind(line) {
                if !besideList {
                    kind = k
                    listLine = line.number
                }
                if !rest.isEmpty {
                    let found: People = k == .officials ? ([], nil) : people(rest, kind: k)
                    if found.persons.isEmpty, let o = official(rest) { officials.append(o) } else { take(found) }
                }
                continue
            }
            guard let current = kind else { continue }
            if isStop(line) {
                if !besideList { kind = nil }
                continue
            }
            switch current {
            case .members, .substitutes:
                if line.lower.hasBytePrefix("ersättare för") || line.lower.hasBytePrefix("tjänstgörande ersättare"), !members.isEmpty {
                    // A role printed on the line under the person it belongs to.
                    let (role, replacing) = role(text, in: current)
                    members[members.count - 1].role = role
                    members[members.count - 1].replacing = replacing
                    continue
                }
                let found = people(text, kind: current)
                if found.persons.isEmpty {
                    if let o = official(text) { officials.append(o) } else { kind = nil }
                } else {
                    take(found)
                }
            case .officials:
                if let o = official(text) { officials.append(o) } else if !PersonRules.named(in: text).isEmpty {
                    take(people(text, kind: .substitutes))
                } else { kind = nil }
            }
        }
        return (members, officials)
    }
}
