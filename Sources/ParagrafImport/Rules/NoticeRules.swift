import Foundation
import ParagrafText
import ParagrafCore

/// What a kallelse says beside its agenda: when it was sent, whether the meeting is open, the
/// party groups' meetings, whom to tell of absence, and each tjänsteskrivelse's handler and
/// proposed decision.
enum NoticeRules {
    /// `Datum` with the date on its line or the next: the day the notice was issued.
    static func issued(_ head: [Line]) -> String? {
        HeaderRules.value(after: "Datum", in: head).flatMap { DateRules.date(in: $0.text, whole: true)?.date.iso }
    }

    /// KL 6 kap. 25 §: the notice says when a committee meets in public.
    static func openToPublic(_ head: [Line]) -> Bool? {
        for line in head {
            let lower = line.lower
            guard lower.containsBytes("allmänheten") else { continue }
            if lower.containsBytes("inte öppet") || lower.containsBytes("ej öppet") || lower.containsBytes("stängt") { return false }
            if lower.containsBytes("öppet för allmänheten") || lower.containsBytes("öppna för allmänheten") { return true }
        }
        return nil
    }

    static let weekday = try! NSRegularExpression(
        pattern: #"\s+(?:(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\s+)?den\s+(\d{1,2})\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"#,
        options: .caseInsensitive)

    /// Lines under `Gruppmöten …`: `Mittsamverkan tisdagen den 12 september klockan 16:00.`
    static func groupMeetings(_ head: [Line], meetingDate: LocalDate?) -> [ImportedDocument.GroupMeetingOut] {
        guard let start = head.firstIndex(where: { $0.lower.hasBytePrefix("gruppmöte") }) else { return [] }
        var out: [ImportedDocument.GroupMeetingOut] = []
        for line in head[(start + 1)...] {
            let text = line.text
            if text.isEmpty { continue }
            let ns = text as NSString
            guard let m = weekday.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { break }
            let group = ns.substring(to: m.range.location).trimmingCharacters(in: .whitespaces)
            guard !group.isEmpty, let day = Int(ns.substring(with: m.range(at: 1))),
                  let month = DateRules.months[ns.substring(with: m.range(at: 2)).lowercased()] else { break }
            // The year is the meeting's; a group meeting in December before a January meeting is the year before.
            var date: LocalDate? = nil
            if let meeting = meetingDate {
                date = LocalDate(year: meeting.year, month: month, day: day)
                if let d = date, d > meeting { date = LocalDate(year: meeting.year - 1, month: month, day: day) }
            }
            out.append(.init(group: group, date: date?.iso, time: DateRules.times(in: text)?.start?.description))
        }
        return out
    }

    /// `Förhinder anmäls … till Margareta Udén Hoff, 07688-8 84 69 …`
    static func absenceContact(_ head: [Line]) -> String? {
        guard let line = head.first(where: { $0.lower.hasBytePrefix("förhinder") }),
              let r = line.text.byteRange(of: " till ") else { return nil }
        let rest = line.text[r.upperBound...].prefix { $0 != "," && $0 != ";" }
        let name = rest.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        return PersonRules.isBareName(name) ? name : nil
    }

    /// Each tjänsteskrivelse after the agenda: a name above `Handläggare`, then its `Dnr` (or,
    /// without one, the item's title) and its proposed decision under the decision heading.
    /// A tjänsteskrivelse without a handler is found by its diary number alone.
    static func proposals(_ lines: [Line], into items: inout [ImportedDocument.Item]) {
        // Titles compared in lower case, computed once rather than for every line.
        let titles = Dictionary(items.enumerated().map { ($1.title.lowerSv, $0) }, uniquingKeysWith: { first, _ in first })
        // Byte lengths first: hashing a string normalises it, and almost no line is a title.
        let titleLengths = Set(titles.keys.map(\.utf8.count))
        func item(titled line: Line) -> Int? {
            line.lower.isEmpty || !titleLengths.contains(line.lower.utf8.count) ? nil : titles[line.lower]
        }
        let numbers = items.map { $0.dnr.flatMap { DiaryNumber($0) } }
        func item(for dnr: DiaryNumber) -> Int? { index(of: dnr, in: numbers) }
        for (i, line) in lines.enumerated() where line.lower == "handläggare" {
            guard let nameLine = lines[..<i].last(where: { !$0.text.isEmpty }), PersonRules.isBareName(nameLine.text) else { continue }
            let window = (i + 1)..<min(lines.count, i + 25)
            var found: (item: Int, line: Int)? = nil
            for j in window {
                if let dnr = ItemRules.diaryNumber(lines[j], requireLabel: true) {
                    if let index = item(for: dnr) { found = (index, j) }
                    break
                }
                if let index = item(titled: lines[j]) {
                    found = (index, j)
                    break
                }
            }
            guard let (index, at) = found else { continue }
            if items[index].handler == nil { items[index].handler = nameLine.text }
            if items[index].proposedDecision == nil { items[index].proposedDecision = proposedDecision(lines, after: at) }
        }
        for (j, line) in lines.enumerated() {
            guard let dnr = ItemRules.diaryNumber(line, requireLabel: true), let index = item(for: dnr),
                  items[index].proposedDecision == nil else { continue }
            items[index].proposedDecision = proposedDecision(lines, after: j)
        }
        // Without handler or diary number: the item's title on a line of its own, then the decision heading.
        for (j, line) in lines.enumerated() {
            guard let index = item(titled: line), items[index].proposedDecision == nil else { continue }
            items[index].proposedDecision = proposedDecision(lines, after: j)
        }
    }

    /// The agenda item a tjänsteskrivelse's diary number names: the same year and serial, whatever
    /// series or separator either prints.
    static func index(of dnr: DiaryNumber, in numbers: [DiaryNumber?]) -> Int? {
        numbers.firstIndex { $0.map { $0.year == dnr.year && $0.serial == dnr.serial } ?? false }
    }

    /// Each tjänsteskrivelse's beslutsunderlag and recipients go to the agenda item it belongs to
    /// (by diary number, else by title), and its handler where the letterhead rule found none.
    static func memoDetails(_ memos: [AttachmentRules.Memo], into items: inout [ImportedDocument.Item]) {
        for memo in memos {
            guard let index = item(of: memo, in: items) else { continue }
            if items[index].basis.isEmpty { items[index].basis = memo.basis }
            if items[index].proposedRecipients.isEmpty { items[index].proposedRecipients = memo.recipients }
            if items[index].handler == nil { items[index].handler = memo.handler }
        }
    }

    /// The agenda item a tjänsteskrivelse belongs to: by diary number, else by title.
    static func item(of memo: AttachmentRules.Memo, in items: [ImportedDocument.Item]) -> Int? {
        memo.dnr.flatMap { dnr in index(of: dnr, in: items.map { $0.dnr.flatMap { DiaryNumber($0) } }) }
            ?? items.firstIndex { $0.title.lowerSv == memo.title.lowerSv }
    }

    /// What the handlingar tell the follow-up of each item: the remiss a statement answers (its
    /// deadline stands in the remiss letter printed after the tjänsteskrivelse) and the entries
    /// an anmälningsärenden or delegationsbeslut memo lists.
    static func followUp(_ memos: [AttachmentRules.Memo], handlingar lines: [Line], into items: inout [ImportedDocument.Item]) {
        var regions: [Int: [Line]] = [:]
        for (k, memo) in memos.enumerated() {
            guard let index = item(of: memo, in: items) else { continue }
            let end = k + 1 < memos.count ? max(memo.titleLine, memos[k + 1].titleLine) : lines.count
            regions[index, default: []] += lines[memo.titleLine..<end]
        }
        for index in items.indices {
            let region = regions[index] ?? []
            items[index].referral = FollowUpRules.referral(title: items[index].title, text: region.map(\.text),
                                                           recipients: items[index].proposedRecipients)
            let content = ItemRules.sections(region[...])
            items[index].listedMatters = FollowUpRules.listedMatters(
                title: items[index].title, decision: content.filter { $0.0 == .decision || $0.0 == .proposedDecision }.flatMap(\.1),
                description: content.filter { $0.0 == .description }.flatMap(\.1))
        }
    }

    /// The text under the first decision heading after a tjänsteskrivelse's diary number.
    static func proposedDecision(_ lines: [Line], after start: Int) -> String? {
        var i = start + 1
        let limit = min(lines.count, start + 12)
        while i < limit {
            if let s = ItemRules.section(lines[i]), s == .decision || s == .proposedDecision { break }
            i += 1
        }
        guard i < limit else { return nil }
        var text: [String] = []
        for line in lines[(i + 1)...] {
            if line.text.isEmpty { if text.isEmpty { continue } else { break } }
            if ItemRules.section(line) != nil { break }
            text.append(line.text)
        }
        return text.isEmpty ? nil : text.joined(separator: "\n")
    }
}
