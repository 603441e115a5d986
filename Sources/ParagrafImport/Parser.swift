import Foundation
import ParagrafCore
import ParagrafText

/// Reads minutes, notices and extracts: decode → normalise → segment → extract → validate.
public enum DocumentParser {
    public enum Format: String, Sendable { case text, markdown, pdf }

    /// Parses a document's text. `file` and `sha256` name the source in the result.
    public static func parse(text: String, file: String, sha256: String, format: Format = .text) -> ImportedDocument {
        var lines = LineRules.normalise(text)
        var doc = ImportedDocument(source: .init(file: file, sha256: sha256, format: format.rawValue), documentType: "other")

        doc.municipality = HeaderRules.municipality(lines)
        // The committee: a labelled "Instans", a committee name on its own early line, or a genitive decision heading.
        doc.body = HeaderRules.value(after: "Instans", in: lines).map(\.text).flatMap { HeaderRules.isCommitteeName($0) ? $0 : nil }
            ?? lines.prefix(40).first(where: { HeaderRules.isCommitteeName($0.text) })?.text
            ?? lines.lazy.compactMap { HeaderRules.committee(fromGenitive: $0.text) }.first
        lines = LineRules.dropRunningHeaders(lines, body: doc.body)

        let segments = SegmentRules.segment(lines)
        doc.diagnostics += segments.diagnostics
        let frame = segments.header
        let isNotice = lines.contains { $0.lower.containsBytes("kallas till sammanträde") || $0.lower.containsBytes("kallas härmed till sammanträde") }
            || lines.prefix(10).contains { $0.lower == "kallelse" }

        if isNotice {
            doc.documentType = "kallelse"
            readNotice(lines, into: &doc)
        } else {
            doc.items = segments.paragraphs.map(ItemRules.read)
            let hasMeetingHeader = ["sammanträdesdatum", "plats och tid", "beslutande", "ledamöter", "paragrafer"].contains { label in
                frame.contains { $0.lower.hasBytePrefix(label) }
            }
            if doc.items.isEmpty {
                doc.documentType = "other"
                doc.diagnostics.append(.init(severity: "warning", message: "Dokumentet innehåller inga paragrafer (§) och ser inte ut som ett protokoll.", line: nil))
            } else if doc.items.count == 1 && !hasMeetingHeader {
                doc.documentType = "protokollsutdrag"
            } else {
                doc.documentType = "protokoll"
            }
            if !doc.items.isEmpty {
                doc.attachments = AttachmentRules.attachments(attachedRegion(segments))
                readMeetingHeader(frame, into: &doc)
                if !hasMeetingHeader {
                    // Text before the first paragraph, in a document that starts without a header,
                    // is the end of an earlier paragraph.
                    let before = frame.prefix { $0.number < segments.paragraphs[0].headingLine }.map(\.text).filter { !$0.isEmpty }
                    if !before.isEmpty { doc.leadingFragment = before.joined(separator: "\n") }
                }
            }
        }
        if doc.body == nil {
            // "Socialnämnden noterar …": a decision that opens with the committee's name.
            doc.body = doc.items.lazy.compactMap { $0.decisionText?.split(separator: " ").first.map(String.init) }
                .first(where: HeaderRules.isCommitteeName)
        }
        if doc.chair == nil {
            // "Ordföranden Anna Berg (S) …": only lines holding the word go to the pattern.
            doc.chair = lines.lazy.filter { $0.text.containsBytes("Ordföranden ") }.compactMap { chairMentioned(in: $0.text) }.first
        }
        validate(&doc)
        return doc
    }

    static let chairPattern = try! NSRegularExpression(pattern: #"Ordföranden ([A-ZÅÄÖ][\p{L}-]+(?: [A-ZÅÄÖ][\p{L}-]+){1,2}) \("#)

    static func chairMentioned(in text: String) -> String? {
        let ns = text as NSString
        guard let m = chairPattern.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return ns.substring(with: m.range(at: 1))
    }

    static func readMeetingHeader(_ frame: [Line], into doc: inout ImportedDocument) {
        if let v = HeaderRules.value(after: "Sammanträdesdatum", in: frame), let d = DateRules.date(in: v.text) {
            doc.meetingDate = d.date.iso
        }
        if let v = HeaderRules.value(after: "Plats och tid", in: frame) {
            doc.place = HeaderRules.place(from: v.text)
            if doc.meetingDate == nil, let d = DateRules.date(in: v.text) { doc.meetingDate = d.date.iso }
            if let t = DateRules.times(in: v.text) {
                doc.startTime = t.start?.description
                doc.endTime = t.end?.description
            }
        }
        let (members, officials) = AttendanceRules.read(frame)
        doc.membersPresent = members
        doc.officials = officials
        doc.chair = members.first { $0.role == "ordförande" }?.name ?? HeaderRules.signers(role: "Ordförande", in: frame).first
        doc.secretary = HeaderRules.signers(role: "Sekreterare", in: frame).first
            ?? HeaderRules.value(after: "Vid protokollet", in: frame).map(\.text).flatMap { PersonRules.isBareName($0) ? $0 : nil }
        var adjusters = HeaderRules.signers(role: "Justerare", in: frame)
        if adjusters.isEmpty, let v = HeaderRules.value(after: "Utses att justera", in: frame) {
            adjusters = PersonRules.named(in: v.text).map(\.name)
            if adjusters.isEmpty {
                adjusters = v.text.components(separatedBy: CharacterSet(charactersIn: ",")).flatMap { $0.components(separatedBy: " och ") }
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter(PersonRules.isBareName)
            }
        }
        if adjusters.isEmpty, let first = doc.items.first?.decisionText {
            // "Marie Samuelsson (S) utses … att justera", "utser Mikael Rodin (M) att … justera".
            if first.containsBytes("justera") {
                adjusters = PersonRules.named(in: first).map(\.name).filter { $0 != doc.chair }
            }
        }
        doc.adjusters = adjusters
        if let v = HeaderRules.value(after: "Justeringens plats och tid", in: frame), let d = DateRules.date(in: v.text) {
            doc.adjustmentDate = d.date.iso
        }
        if let line = frame.first(where: { $0.lower.containsBytes("anslagstavla") || $0.lower.hasBytePrefix("anslaget") }),
           let d = DateRules.date(in: line.text) {
            doc.announcementDate = d.date.iso
        }
        if let v = HeaderRules.value(after: "Paragrafer", in: frame), let span = PersonRules.paragraphSpan(in: v.text) {
            doc.paragraphRange = span.range
        } else if doc.documentType == "protokoll", let lo = doc.items.map(\.number).min(), let hi = doc.items.map(\.number).max(),
                  doc.meetingDate != nil {
            doc.paragraphRange = [lo, hi]
        }
    }

    /// The lines after each paragraph's own text, where documents attached to it stand, and
    /// those after the last paragraph's signature page.
    static func attachedRegion(_ segments: Segments) -> [Line] {
        var region: [Line] = []
        for block in segments.paragraphs {
            if let start = ItemRules.attachedStart(block.lines) { region += block.lines[start...] }
        }
        if let last = segments.paragraphs.last?.headingLine { region += segments.header.filter { $0.number > last } }
        return region
    }

    static func readNotice(_ lines: [Line], into doc: inout ImportedDocument) {
        let agenda = AgendaRules.read(lines)
        doc.items = agenda.items
        let agendaStart = lines.firstIndex(where: AgendaRules.isHeading) ?? lines.count
        let head = Array(lines[..<agendaStart])
        NoticeRules.proposals(Array(lines[agendaStart...]), into: &doc.items)
        // The handlingar follow the agenda.
        let handlingar = Array(lines[agenda.end...])
        let memos = AttachmentRules.memos(handlingar)
        NoticeRules.memoDetails(memos, into: &doc.items)
        NoticeRules.followUp(memos, handlingar: handlingar, into: &doc.items)
        doc.attachments = AttachmentRules.attachments(handlingar, memos: memos)
        doc.issuedDate = NoticeRules.issued(head)
        doc.openToPublic = NoticeRules.openToPublic(head)
        doc.absenceContact = NoticeRules.absenceContact(head)
        defer { doc.groupMeetings = NoticeRules.groupMeetings(head, meetingDate: doc.meetingDate.flatMap(LocalDate.init(iso:))) }
        if let line = head.first(where: { $0.lower.containsBytes("kallas") }) {
            let text = line.text
            if let d = DateRules.date(in: text) { doc.meetingDate = d.date.iso }
            if let t = DateRules.times(in: text) {
                doc.startTime = t.start?.description
                doc.endTime = t.end?.description
            }
            if let r = text.byteRange(of: "sammanträde i ") {
                doc.place = HeaderRules.place(from: String(text[r.upperBound...]))
            }
        }
        // The signing block: a name, then its role or title on the next line.
        for (i, line) in head.enumerated() where i + 1 < head.count && PersonRules.isBareName(line.text) {
            let role = head[i + 1].text
            if head[i + 1].lower.hasSuffix("ordförande") {
                doc.chair = doc.chair ?? line.text
            } else if role.split(separator: " ").count <= 4, !role.isEmpty, role.first!.isUppercase, !role.contains("."),
                      !PersonRules.isBareName(role) {
                doc.officials.append(.init(name: line.text, title: role, paragraphs: nil))
            }
        }
    }

    /// Checks that make a document's problems visible without stopping the import.
    static func validate(_ doc: inout ImportedDocument) {
        var seen = Set<Int>()
        for item in doc.items where !seen.insert(item.number).inserted {
            doc.diagnostics.append(.init(severity: "warning", message: "§ \(item.number) förekommer två gånger.", line: nil))
        }
        for item in doc.items where item.title.isEmpty {
            doc.diagnostics.append(.init(severity: "warning", message: "§ \(item.number) saknar rubrik.", line: nil))
        }
        if doc.documentType == "protokoll", doc.meetingDate == nil {
            doc.diagnostics.append(.init(severity: "warning", message: "Sammanträdesdatum saknas i dokumentet.", line: nil))
        }
        if let range = doc.paragraphRange, range.count == 2, doc.documentType == "protokoll" {
            let numbers = Set(doc.items.map(\.number))
            let missing = (range[0]...max(range[0], range[1])).filter { !numbers.contains($0) }
            if !missing.isEmpty, missing.count < 50 {
                doc.diagnostics.append(.init(severity: "warning",
                                             message: "Paragraf \(missing.map { "§ \($0)" }.joined(separator: ", ")) anges i protokollet men hittades inte.",
                                             line: nil))
            }
        }
    }
}
