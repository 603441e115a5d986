import Foundation
import ParagrafText
import ParagrafCore

/// Reading one paragraph: its diary number and title, then its sections.
enum ItemRules {
    enum Section: Equatable {
        case decision, proposedDecision, description, basis, procedure, proposals, vote, reservation
        case statement(String), recipients, disqualification, other
    }

    static func section(_ line: Line) -> Section? {
        // Section headings are a few words; longer lines are text.
        guard !line.text.isEmpty, line.text.utf8.count <= 64, line.text.utf8.last != UInt8(ascii: ".") else { return nil }
        // Lines are normalised: no double spaces, no tabs. Colons and spaces at the ends go.
        var t = Substring(line.lower)
        while let c = t.utf8.first, c == UInt8(ascii: ":") || c == 0x20 { t = t.dropFirst() }
        while let c = t.utf8.last, c == UInt8(ascii: ":") || c == 0x20 { t = t.dropLast() }
        if t.hasBytePrefix("- ") { return nil }
        guard !t.isEmpty, t.utf8.count(where: { $0 == 0x20 }) <= 5 else { return nil }
        if let exact = headings[String(t)] { return exact }
        // `Socialförvaltningens förslag till beslut`, `Arbetslivsnämndens beslut`.
        if t.hasByteSuffix("förslag till beslut") { return .proposedDecision }
        if t.hasByteSuffix("s beslut"), !String(t).containsBytes("delegation") { return .decision }
        return nil
    }

    /// Section headings as printed (in lower case), one lookup instead of a comparison each.
    static let headings: [String: Section] = {
        var table: [String: Section] = [:]
        func add(_ section: Section, _ words: [String]) { for w in words { table[w] = section } }
        add(.decision, ["beslut", "nämndens beslut", "beslutet"])
        add(.description, ["ärendet", "ärendet i sin helhet", "ärendebeskrivning", "sammanfattning av ärendet", "sammanfattning",
                           "bakgrund", "beskrivning av ärendet", "ärendebeskrivning och bakgrund"])
        add(.basis, ["beslutsunderlag", "handlingar", "underlag", "handlingar i ärendet"])
        add(.procedure, ["beslutsgång", "propositionsordning", "proposition", "beslutsgången"])
        add(.proposals, ["yrkanden", "yrkande"])
        add(.vote, ["omröstning", "votering", "omröstningsresultat", "omröstningar"])
        add(.reservation, ["reservation", "reservationer"])
        add(.statement("särskilt yttrande"), ["särskilt yttrande", "särskilda yttranden", "särskilt uttalande", "särskilda uttalanden"])
        add(.statement("ersättaryttrande"), ["ersättaryttrande", "ersättaryttranden"])
        add(.statement("protokollsanteckning"), ["protokollsanteckning", "protokollsanteckningar"])
        add(.recipients, ["skickas till", "beslutet skickas till", "beslutet ska skickas till", "beslutet expedieras till",
                          "expedieras till", "expediering", "sändlista", "beslutet sänds till"])
        add(.disqualification, ["jäv"])
        add(.other, ["samverkan", "överläggning", "information"])
        return table
    }()

    /// A line's diary number; with `requireLabel`, only on a line that starts with `Dnr` or `Diarienummer`.
    static func diaryNumber(_ line: Line, requireLabel: Bool) -> DiaryNumber? {
        // Checked on the folded line first: most lines are no labelled number.
        if requireLabel && !(line.lower.hasBytePrefix("dnr") || line.lower.hasBytePrefix("diarienummer")) { return nil }
        return diaryNumber(line.text, requireLabel: requireLabel)
    }

    static func diaryNumber(_ text: String, requireLabel: Bool) -> DiaryNumber? {
        guard text.utf8.count <= 192 else { return nil }
        let lower = text.utf8.prefix(12).count < 3 ? "" : String(decoding: text.utf8.prefix(12), as: UTF8.self).lowerSv
        let labelled = lower.hasBytePrefix("dnr") || lower.hasBytePrefix("diarienummer")
        if requireLabel && !labelled { return nil }
        // A diary number holds a digit; most lines that reach here have none.
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), text.count <= 48,
              case .success(let dnr) = DiaryNumber.parse(text) else { return nil }
        // Unlabelled, only numbers with a year or series and a separator count (not "2015" or "Budget 12").
        if !labelled, dnr.year == nil || text.contains(" ") && dnr.series == nil { return nil }
        return dnr
    }

    static func clauses(_ lines: [String]) -> [String] {
        lines.map { String(withoutListMarker($0, requireSpace: true)) }.filter { !$0.isEmpty }
    }

    /// The text after a leading list marker: `1.`, `2)`, `-`, `•`, `*`, and the spaces after it.
    /// With `requireSpace` a marker counts only when a space follows (`1.5 miljoner` is no marker).
    static func withoutListMarker(_ text: String, requireSpace: Bool, bullets: Set<Character> = ["-", "•", "*"]) -> Substring {
        let bytes = text.utf8
        var i = bytes.startIndex
        var digits = 0
        while i != bytes.endIndex, (0x30...0x39).contains(bytes[i]), digits < 3 { digits += 1; i = bytes.index(after: i) }
        var markerEnd: String.Index? = nil
        if (1...2).contains(digits), i != bytes.endIndex, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ")") {
            markerEnd = bytes.index(after: i)
        } else if digits == 0, let first = text.first, bullets.contains(first) {
            markerEnd = text.index(after: text.startIndex)
        }
        guard var end = markerEnd else { return Substring(text) }
        var spaces = 0
        while end != text.endIndex, text.utf8[end] == 0x20 { end = text.utf8.index(after: end); spaces += 1 }
        if requireSpace && spaces == 0 { return Substring(text) }
        return text[end...]
    }

    static let reportBack = try! NSRegularExpression(pattern: #"(?:kvartal|tertial)\s+(\d)\s+(\d{4})"#, options: .caseInsensitive)

    /// A report-back time as a date: a printed date, or the last day of a quarter or tertial.
    static func reportBackDate(_ sentence: String) -> String? {
        if let d = DateRules.date(in: sentence) { return d.date.iso }
        let ns = sentence as NSString
        guard let m = reportBack.firstMatch(in: sentence, range: NSRange(location: 0, length: ns.length)) else { return nil }
        // The period as Core reads it everywhere: its last day.
        return (try? ReportBackTime.lastDay(ns.substring(with: m.range)))?.iso
    }

    static func sentences(_ text: String) -> [String] {
        text.splitBytes(on: "\n").flatMap { String($0).splitBytes(on: ". ") }.map { String($0.trimmingSpaces) }
    }

    /// Words that say a vote was taken.
    static let voteWords = ["omröstning begärs", "omröstning verkställs", "omröstning genomförs", "votering begärs",
                            "votering verkställs", "votering genomförs", "ja-röster"]
    /// Words that say a paragraph was adjusted at the meeting.
    static let immediateAdjustmentWords = ["justera paragrafen omedelbart", "justeras paragrafen omedelbart",
                                           "justera beslutet omedelbart", "justeras beslutet omedelbart", "omedelbart justera",
                                           "omedelbar justering", "förklaras omedelbart justerad"]

    /// Text under each section heading, in order; a recipients list ends at its first blank line.
    static func sections(_ lines: ArraySlice<Line>) -> [(Section, [String])] {
        var current: Section? = nil
        var content: [(Section, [String])] = []
        for line in lines {
            if let s = section(line) {
                current = s
                content.append((s, []))
                continue
            }
            if current == .recipients, line.text.isEmpty, !(content.last?.1.isEmpty ?? true) {
                // What follows is no longer a recipient (a signature, an attachment).
                current = .other
                content.append((.other, []))
            }
            guard current != nil, !line.text.isEmpty else { continue }
            content[content.count - 1].1.append(line.text)
        }
        return content
    }

    /// Where documents attached to a paragraph begin: a labelled diary number after its sections.
    static func attachedStart(_ lines: [Line], from start: Int = 0) -> Int? {
        var seenSection = false
        for i in start..<lines.count {
            if section(lines[i]) != nil {
                seenSection = true
            } else if seenSection, lines[i].lower.hasBytePrefix("dnr") {
                // In a listing (anmälningsärenden), an entry's Dnr is followed by the next entry or by nothing.
                let next = lines[(i + 1)...].first { !$0.text.isEmpty }
                if let next, !FollowUpRules.isEntryStart(next.text) { return i }
            }
        }
        return nil
    }

    /// Recipients as listed, one a line or several to a line with commas, without list marks.
    static func recipients(_ lines: [String]) -> [String] {
        lines.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { withoutListMarker(String($0), requireSpace: false, bullets: ["-", "•"]) }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " .")) }
            .filter { !$0.isEmpty }
    }

    static func read(_ block: ParagraphBlock) -> ImportedDocument.Item {
        var item = ImportedDocument.Item(number: block.number, title: "")
        var index = 0
        let lines = block.lines
        func skipEmpty() { while index < lines.count, lines[index].text.isEmpty { index += 1 } }
        var dnr: DiaryNumber? = nil
        // Head: diary number and title, in either order.
        for _ in 0..<3 {
            skipEmpty()
            guard index < lines.count, section(lines[index]) == nil else { break }
            let text = lines[index].text
            if dnr == nil, let d = diaryNumber(lines[index], requireLabel: false) {
                dnr = d
                index += 1
            } else if item.title.isEmpty {
                item.title = text
                index += 1
            } else {
                break
            }
        }
        item.dnr = dnr?.description
        item.classification = dnr?.classification?.code

        let content = sections(lines[index..<(attachedStart(lines, from: index) ?? lines.count)])
        func texts(_ s: Section) -> [String] { content.filter { $0.0 == s }.flatMap(\.1) }

        let decision = clauses(texts(.decision))
        item.decisionClauses = decision
        item.decisionText = decision.isEmpty ? nil : decision.joined(separator: "\n")
        let description = texts(.description)
        item.description = description.isEmpty ? nil : description.joined(separator: "\n")
        item.basis = clauses(texts(.basis))
        let procedure = texts(.procedure)
        item.procedure = procedure.isEmpty ? nil : procedure.joined(separator: "\n")
        let proposed = texts(.proposedDecision)
        item.proposedDecision = proposed.isEmpty ? nil : clauses(proposed).joined(separator: "\n")
        item.decisionRecipients = recipients(texts(.recipients))

        for line in texts(.proposals) {
            if let who = PersonRules.named(in: line).first, line.distance(from: line.startIndex, to: who.range.lowerBound) < 2 {
                item.proposals.append(.init(by: who.name, party: who.party, text: line))
            } else if line.hasPrefix("Ordförande") {
                item.proposals.append(.init(by: "Ordföranden", party: nil, text: line))
            }
        }
        let reservations = texts(.reservation)
        if !reservations.isEmpty {
            item.reservations = [.init(names: PersonRules.named(in: reservations.joined(separator: " ")).map(\.name),
                                       text: reservations.joined(separator: "\n"))]
        }
        for (s, lines) in content {
            guard case .statement(let kind) = s, !lines.isEmpty else { continue }
            item.statements.append(.init(kind: kind, names: PersonRules.named(in: lines[0]).map(\.name),
                                         text: lines.joined(separator: "\n")))
        }
        let flowText = (decision + procedure + texts(.vote)).joined(separator: "\n").lowerSv
        item.hasReservation = !item.reservations.isEmpty || flowText.containsBytes("reserverar sig")
        item.hasVote = !texts(.vote).isEmpty || voteWords.contains(where: flowText.containsBytes)
        item.votes = texts(.vote)
        item.immediatelyAdjusted = immediateAdjustmentWords.contains(where: flowText.containsBytes)
        for sentence in sentences(decision.joined(separator: "\n")) {
            if FollowUpRules.closesAssignment(sentence) {
                item.closesAssignments.append(sentence)
            } else if sentence.lowerSv.containsBytes("återrapport"), !FollowUpRules.receivesReport(sentence) {
                item.assignments.append(.init(text: sentence, reportBackBy: reportBackDate(sentence)))
            }
        }
        item.referral = FollowUpRules.referral(title: item.title, text: lines.map(\.text), recipients: item.decisionRecipients)
        item.listedMatters = FollowUpRules.listedMatters(title: item.title, decision: texts(.decision), description: description)
        return item
    }
}
