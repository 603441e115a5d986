import Foundation
import ParagrafCore
import ParagrafText

/// What an item tells the follow-up: the remiss it answers (with its deadline and extensions),
/// and the delegated decisions or anmälningsärenden a standard item lists.
enum FollowUpRules {
    /// An item answers a remiss when its title says so ("Yttrande över Remiss: …", "Remiss - Motion …",
    /// "Remissvar …").
    static func isReferral(title: String) -> Bool { title.lowerSv.containsBytes("remiss") }

    /// The remiss an item answers, read from its text (the paragraph, or the handlingar a notice
    /// prints for it): who sent it, their diary number, the deadline and any extensions.
    static func referral(title: String, text: [String], recipients: [String]) -> ImportedDocument.ReferralOut? {
        guard isReferral(title: title) else { return nil }
        var out = ImportedDocument.ReferralOut()
        for sentence in ItemRules.sentences(text.joined(separator: "\n")) {
            let lower = sentence.lowerSv
            if lower.containsBytes("förläng") || lower.containsBytes("anstånd") {
                if let d = DateRules.date(in: sentence) { out.extendedTo.append(d.date.iso) }
                continue
            }
            if out.deadline == nil, let senast = lower.range(of: "senast"),
               ["remiss", "yttra", "svar"].contains(where: lower.containsBytes) {
                let after = String(sentence[sentence.index(sentence.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: senast.upperBound))...])
                if let d = DateRules.date(in: after) {
                    out.deadline = d.date.iso
                    out.from = out.from ?? sender(in: String(sentence.prefix(lower.distance(from: lower.startIndex, to: senast.lowerBound))))
                }
            }
            if out.reference == nil, let r = lower.range(of: "diarienummer ") {
                let rest = sentence[sentence.index(sentence.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: r.upperBound))...]
                out.reference = reference(in: String(rest))
            }
        }
        out.from = out.from ?? recipients.first
        return out
    }

    /// The body named after the last "till" before "senast": "… ska ha kommit in till Kommunstyrelsen".
    static func sender(in text: String) -> String? {
        guard let r = text.range(of: " till ", options: .backwards) else { return nil }
        let words = text[r.upperBound...].split(separator: " ").prefix(4).map(String.init)
        guard let end = words.firstIndex(where: { w in HeaderRules.committeeSuffixes.contains { w.lowercased().hasSuffix($0) } }) else {
            return nil
        }
        let name = words[...end].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",."))
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The diary number at the start of the text, as printed (`KS 2023-00440`).
    static func reference(in text: String) -> String? {
        let words = text.split(separator: " ").prefix(3).map(String.init)
        for n in stride(from: min(words.count, 2), through: 1, by: -1) {
            let candidate = words.prefix(n).joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",."))
            if let dnr = ItemRules.diaryNumber(candidate, requireLabel: false), dnr.year != nil { return candidate }
        }
        return nil
    }

    /// The entries of a listing item: numbered or bulleted lines of its description, and bulleted
    /// lines under its decision ("tar del av nedanstående beslut: - …"); each with its date,
    /// diary number and sender.
    static func listedMatters(title: String, decision: [String], description: [String]) -> [ImportedDocument.ListedMatterOut] {
        guard AgendaItemKind.listing(titled: title) != nil else { return [] }
        var entries: [[String]] = []
        func collect(_ lines: [String], numbered: Bool) {
            var open = false
            for line in lines {
                if isEntryStart(line, numbered: numbered) {
                    entries.append([String(ItemRules.withoutListMarker(line, requireSpace: true))])
                    open = true
                } else if open, !line.isEmpty {
                    entries[entries.count - 1].append(line)
                }
            }
        }
        collect(decision, numbered: false)
        collect(description, numbered: true)
        return entries.map(matter)
    }

    /// `1. `, `2) ` and, where bullets count, `- ` or `• `.
    static func isEntryStart(_ line: String, numbered: Bool = true) -> Bool {
        if line.hasPrefix("- ") || line.hasPrefix("• ") { return true }
        guard numbered else { return false }
        let digits = line.prefix { $0.isNumber }
        guard (1...3).contains(digits.count) else { return false }
        let rest = line.dropFirst(digits.count)
        return rest.hasPrefix(". ") || rest.hasPrefix(") ")
    }

    /// Decision sentences that close an earlier assignment ("Nämnden avslutar uppdraget om …").
    static func closesAssignment(_ sentence: String) -> Bool {
        let lower = sentence.lowerSv
        return lower.containsBytes("uppdrag")
            && ["avslutar uppdrag", "avslutas", "avslutat", "slutfört", "anses genomfört"].contains(where: lower.containsBytes)
    }

    /// Sentences about återrapportering that take a report in rather than ask for one.
    static func receivesReport(_ sentence: String) -> Bool {
        let lower = sentence.lowerSv
        return ["tar del av", "till handlingarna", "godkänner återrapport", "noterar återrapport"].contains(where: lower.containsBytes)
    }

    static func matter(_ lines: [String]) -> ImportedDocument.ListedMatterOut {
        var parts: [String] = []
        var dnr: String? = nil
        for line in lines {
            if let r = line.range(of: #"(^|\s)Dnr\.?\s+"#, options: .regularExpression) {
                dnr = String(line[r.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " ."))
                let before = line[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
                if !before.isEmpty { parts.append(before) }
            } else {
                parts.append(line)
            }
        }
        let text = parts.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " .")) }.filter { !$0.isEmpty }.joined(separator: " – ")
        return .init(text: text, date: DateRules.date(in: text)?.date.iso, dnr: dnr, from: from(parts.first ?? ""))
    }

    /// Who the entry comes from: "Kommunfullmäktiges beslut …" is Kommunfullmäktige's;
    /// "Arbetslivsförvaltningen, FSG-protokoll …" the förvaltning's.
    static func from(_ first: String) -> String? {
        let words = first.split(separator: " ")
        if let i = words.firstIndex(where: { ["beslut", "protokoll", "protokollsutdrag", "dom", "skrivelse"].contains($0.lowercased()) }),
           i > 0, let name = HeaderRules.committee(fromGenitive: words[..<i].joined(separator: " ") + " beslut") {
            return name
        }
        if let comma = first.firstIndex(of: ",") {
            let head = String(first[..<comma])
            let bodies = ["förvaltningen", "kontoret", "rätten", "inspektionen", "myndigheten"]
            if HeaderRules.isCommitteeName(head)
                || head.split(separator: " ").count <= 4 && bodies.contains(where: head.lowercased().hasSuffix) { return head }
        }
        return nil
    }
}
