import Foundation
import ParagrafCore

/// Reading one paragraph: its diary number and title, then its sections.
enum ItemRules {
    enum Section: Equatable {
        case decision, proposedDecision, description, basis, procedure, proposals, vote, reservation
        case statement(String), recipients, disqualification, other
    }

    static func section(_ line: Line) -> Section? {
        // Section headings are a few words; longer lines are text.
        guard line.text.utf8.count <= 64, line.text.utf8.last != UInt8(ascii: ".") else { return nil }
        var t = line.text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ": "))
        if t.hasPrefix("- ") { return nil }
        guard !t.isEmpty, t.split(separator: " ").count <= 6 else { return nil }
        t = t.replacingOccurrences(of: "  ", with: " ")
        switch t {
        case "beslut", "nämndens beslut", "beslutet": return .decision
        case "ärendet", "ärendet i sin helhet", "ärendebeskrivning", "sammanfattning av ärendet", "sammanfattning",
             "bakgrund", "beskrivning av ärendet", "ärendebeskrivning och bakgrund": return .description
        case "beslutsunderlag", "handlingar", "underlag", "handlingar i ärendet": return .basis
        case "beslutsgång", "propositionsordning", "proposition", "beslutsgången": return .procedure
        case "yrkanden", "yrkande": return .proposals
        case "omröstning", "votering", "omröstningsresultat", "omröstningar": return .vote
        case "reservation", "reservationer": return .reservation
        case "särskilt yttrande", "särskilda yttranden", "särskilt uttalande", "särskilda uttalanden":
            return .statement("särskilt yttrande")
        case "ersättaryttrande", "ersättaryttranden": return .statement("ersättaryttrande")
        case "protokollsanteckning", "protokollsanteckningar": return .statement("protokollsanteckning")
        case "skickas till", "beslutet skickas till", "beslutet ska skickas till", "beslutet expedieras till",
             "expedieras till", "expediering", "sändlista", "beslutet sänds till": return .recipients
        case "jäv": return .disqualification
        case "samverkan", "överläggning", "information": return .other
        default: break
        }
        if t.hasSuffix("förslag till beslut") { return .proposedDecision }
        if t.hasSuffix("s beslut"), !t.contains("delegation") { return .decision }
        return nil
    }

    static func diaryNumber(_ text: String, requireLabel: Bool) -> DiaryNumber? {
        let lower = text.lowercased()
        let labelled = lower.hasPrefix("dnr") || lower.hasPrefix("diarienummer")
        if requireLabel && !labelled { return nil }
        guard text.count <= 48, case .success(let dnr) = DiaryNumber.parse(text) else { return nil }
        // Unlabelled, only numbers with a year or series and a separator count (not "2015" or "Budget 12").
        if !labelled, dnr.year == nil || text.contains(" ") && dnr.series == nil { return nil }
        return dnr
    }

    static func clauses(_ lines: [String]) -> [String] {
        lines.map { $0.replacingOccurrences(of: #"^(\d{1,2}[.)]|[-•*])\s+"#, with: "", options: .regularExpression) }
            .filter { !$0.isEmpty }
    }

    static let reportBack = try! NSRegularExpression(pattern: #"(?:kvartal|tertial)\s+(\d)\s+(\d{4})"#, options: .caseInsensitive)

    /// A report-back time as a date: a printed date, or the last day of a quarter or tertial.
    static func reportBackDate(_ sentence: String) -> String? {
        if let d = DateRules.date(in: sentence) { return d.date.iso }
        let ns = sentence as NSString
        guard let m = reportBack.firstMatch(in: sentence, range: NSRange(location: 0, length: ns.length)),
              let n = Int(ns.substring(with: m.range(at: 1))), let year = Int(ns.substring(with: m.range(at: 2))) else { return nil }
        let isTertial = sentence.lowercased().contains("tertial")
        let month = isTertial ? min(12, n * 4) : min(12, n * 3)
        return LocalDate(year: year, month: month, day: LocalDate.daysInMonth(year: year, month: month))?.iso
    }

    static func sentences(_ text: String) -> [String] {
        text.components(separatedBy: "\n").flatMap { $0.components(separatedBy: ". ") }.map { $0.trimmingCharacters(in: .whitespaces) }
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
            if dnr == nil, let d = diaryNumber(text, requireLabel: false) {
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

        var current: Section? = nil
        var content: [(Section, [String])] = []
        for line in lines[index...] {
            if let s = section(line) {
                current = s
                content.append((s, []))
                continue
            }
            // A labelled diary number after the paragraph's sections starts an attached document.
            if !content.isEmpty, line.text.utf8.count >= 3, line.text.prefix(3).lowercased() == "dnr" { break }
            if current == .recipients, line.text.isEmpty, !(content.last?.1.isEmpty ?? true) { current = .other }
            guard current != nil, !line.text.isEmpty else { continue }
            content[content.count - 1].1.append(line.text)
        }
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
        item.decisionRecipients = texts(.recipients).flatMap { $0.components(separatedBy: ",") }
            .map { $0.replacingOccurrences(of: #"^\d{1,2}[.)]\s*|^[-•]\s*"#, with: "", options: .regularExpression) }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ."))}
            .filter { !$0.isEmpty }

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
        let flowText = (decision + procedure + texts(.vote)).joined(separator: "\n").lowercased()
        item.hasReservation = !item.reservations.isEmpty || flowText.contains("reserverar sig")
        item.hasVote = !texts(.vote).isEmpty
            || flowText.range(of: #"(omröstning|votering) (begärs|verkställs|genomförs)|\d+ ja-röster|ja-röster"#,
                              options: .regularExpression) != nil
        item.votes = texts(.vote)
        item.immediatelyAdjusted = flowText.range(
            of: #"justera(s)? (paragrafen|beslutet) omedelbart|omedelbart justera|omedelbar justering|förklaras omedelbart justerad"#,
            options: .regularExpression) != nil
        for sentence in sentences(decision.joined(separator: "\n")) where sentence.lowercased().contains("återrapport") {
            item.assignments.append(.init(text: sentence, reportBackBy: reportBackDate(sentence)))
        }
        return item
    }
}
