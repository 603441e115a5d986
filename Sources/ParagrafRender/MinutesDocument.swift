import ParagrafCore

/// The protokoll in the Swedish layout the municipalities print: the header table
/// (sammanträdesdatum, plats och tid, beslutande, övriga deltagare, utses att justera,
/// justeringens plats och tid, paragrafer), the signature block, then one paragraph after
/// another. Rendered as Typst for the PDF/A that is signed; the same text the parser reads.
public struct MinutesDocument: Sendable {
    public var municipality: String
    public var committee: String
    public var meeting: Meeting
    public var minutes: Minutes
    /// The SHA-256 of the minutes' content as stored, printed so that the signature covers it.
    public var contentHash: String?
    /// For a paragraph's extract: only these numbers.
    public var only: Set<Int>?
    /// An extract's utdragsbestyrkande: who certifies it a true copy, on which day, sent to whom.
    public var certification: (by: String, on: LocalDate, recipient: String)?

    public init(municipality: String, committee: String, meeting: Meeting, minutes: Minutes, contentHash: String? = nil, only: Set<Int>? = nil,
                certification: (by: String, on: LocalDate, recipient: String)? = nil) {
        self.municipality = municipality
        self.committee = committee
        self.meeting = meeting
        self.minutes = minutes
        self.contentHash = contentHash
        self.only = only
        self.certification = certification
    }

    var paragraphs: [Paragraph] { minutes.paragraphs.filter { only?.contains($0.number) ?? true }.sorted { $0.number < $1.number } }

    /// `tisdagen den 15 december 2026 kl 17:00-18:05`
    var when: String {
        let day = meeting.date.map { "\($0.weekday.swedishName)en den \($0.day) \(SwedishFormat.months[$0.month - 1]) \($0.year)" } ?? ""
        func t(_ time: LocalTime) -> String { String(format: "%02d:%02d", time.hour, time.minute) }
        // A no-break space keeps "kl" with its time on one line, as readers (and the importer) expect.
        let time = meeting.startTime.map { start in "kl\u{00A0}" + t(start) + (meeting.endTime.map { "-" + t($0) } ?? "") } ?? ""
        return [day, time].filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func roleText(_ row: Attendance) -> String {
        switch row.role {
        case .ordforande: return ", Ordförande"
        case .viceOrdforande: return ", vice ordförande"
        default: return ""
        }
    }

    static func span(_ from: Int?, _ to: Int?) -> String {
        switch (from, to) {
        case let (f?, t?): return f == t ? " § \(f)" : " §§ \(f)-\(t)"
        case let (f?, nil): return " från § \(f)"
        case let (nil, t?): return " till § \(t)"
        default: return ""
        }
    }

    public var title: String { (only == nil ? "Protokoll" : "Protokollsutdrag") + " – \(committee) \(meeting.date?.iso ?? "")" }

    public var typst: String {
        let numbers = paragraphs.map(\.number)
        var out = Typst.preamble(title: title, author: committee)
        out += "#grid(columns: (1fr, auto), [\(Typst.text(municipality))], [*\(only == nil ? "PROTOKOLL" : "PROTOKOLLSUTDRAG")*])\n\n"
        var header: [(String, String)] = [
            ("Sammanträdesdatum", meeting.date?.iso ?? ""),
            ("Instans", committee),
            ("Plats och tid", [meeting.place, when].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")),
        ]
        let serving = minutes.attendance.filter { $0.role.votes }
        header.append(("Beslutande", serving.map { row in
            row.person.description + Self.roleText(row) + (row.replacing.map { ", ersättare för \($0.description)" } ?? "")
                + Self.span(row.fromParagraph, row.toParagraph)
        }.joined(separator: "\n")))
        let others = minutes.attendance.filter { !$0.role.votes }
        if !others.isEmpty { header.append(("Ersättare", others.map { $0.person.description + Self.span($0.fromParagraph, $0.toParagraph) }.joined(separator: "\n"))) }
        var officials = minutes.officials.map { o in o.name + (o.title.map { ", \($0)" } ?? "") + Self.span(o.fromParagraph, o.toParagraph) }
        if let secretary = minutes.secretary { officials.append("\(secretary), nämndsekreterare") }
        if !officials.isEmpty { header.append(("Övriga deltagare", officials.joined(separator: "\n"))) }
        if let adjustment = minutes.adjustment {
            header.append(("Utses att justera", adjustment.adjusters.map(\.description).joined(separator: ", ")))
            header.append(("Justeringens plats och tid", [adjustment.place, adjustment.date?.iso].compactMap { $0 }.joined(separator: ", ")))
        }
        if let first = numbers.first, let last = numbers.last {
            header.append(("Paragrafer", first == last ? "§ \(first)" : "§ \(first)-\(last)"))
        }
        // Label above value, full width: each value stays on its own lines in reading order.
        for (label, value) in header {
            let lines = value.components(separatedBy: "\n").map(Typst.text).joined(separator: " \\\n")
            out += "#block(breakable: false)[*\(Typst.text(label))* \\\n\(lines)]\n\n"
        }
        out += "*Underskrifter*\n\n"
        var signers: [(String, String)] = []
        if let secretary = minutes.secretary { signers.append(("Sekreterare", secretary)) }
        if let chair = minutes.chair { signers.append(("Ordförande", chair.name)) }
        for adjuster in minutes.adjustment?.adjusters ?? [] { signers.append(("Justerare", adjuster.name)) }
        out += "#table(columns: (auto, 1fr), stroke: none, inset: 4pt,\n"
        for (role, name) in signers { out += "  [\(Typst.text(role))], [\(Typst.text(name))],\n" }
        out += ")\n\n"
        if let contentHash { out += "#text(size: 8pt)[\(Typst.text("Innehållets kontrollsumma (SHA-256): \(contentHash)"))]\n\n" }
        for paragraph in paragraphs {
            out += "#pagebreak()\n"
            out += "= \(Typst.text("§ \(paragraph.number)"))\n\n"
            if let dnr = paragraph.diaryNumber { out += "\(Typst.text("Dnr \(dnr.withClassification)"))\n\n" }
            out += "*\(Typst.text(paragraph.title))*\n\n"
            if !paragraph.isPublic { out += "\(Typst.text("Paragrafen är inte offentlig."))\n\n" }
            out += "== \(Typst.text("\(committee)s beslut"))\n\n"
            out += paragraph.decision.map { clause in Typst.text(clause.number.map { "\($0). \(clause.text)" } ?? clause.text) }.joined(separator: "\n\n") + "\n\n"
            if let procedure = paragraph.procedure, !procedure.text.isEmpty {
                out += "== Beslutsgång\n\n" + procedure.text.components(separatedBy: "\n").map(Typst.text).joined(separator: "\n\n") + "\n\n"
            }
            for reservation in paragraph.reservations {
                out += "== Reservation\n\n" + Typst.text(reservation.by.map(\.description).joined(separator: ", ") + " reserverar sig mot beslutet"
                                                       + (reservation.reasons.map { ": \($0)" } ?? ".")) + "\n\n"
            }
            for statement in paragraph.statements {
                out += "== \(Typst.text(statement.kind.rawValue.prefix(1).uppercased() + statement.kind.rawValue.dropFirst()))\n\n"
                    + Typst.text(statement.by.map(\.description).joined(separator: ", ") + ": " + statement.text) + "\n\n"
            }
            if let description = paragraph.description, !description.isEmpty {
                out += "== Sammanfattning av ärendet\n\n" + Typst.paragraphs(description) + "\n\n"
            }
            if !paragraph.basis.isEmpty {
                out += "== Beslutsunderlag\n\n" + paragraph.basis.enumerated().map { Typst.text("\($0.offset + 1). \($0.element)") }.joined(separator: "\n\n") + "\n\n"
            }
            if !paragraph.recipients.isEmpty {
                out += "== \(Typst.text("Beslutet expedieras till"))\n\n" + paragraph.recipients.map(Typst.text).joined(separator: " \\\n") + "\n\n"
            }
            if paragraph.immediatelyAdjusted { out += "\(Typst.text("Paragrafen förklarades omedelbart justerad."))\n\n" }
        }
        if let certification {
            out += "== Utdragsbestyrkande\n\n" + Typst.text("Rätt utdraget intygar \(certification.by), \(certification.on.iso).") + "\n\n"
            out += Typst.text("Expedierat till \(certification.recipient).") + "\n\n"
            if let adjustment = minutes.adjustment, !adjustment.signatures.isEmpty {
                out += Typst.text("Protokollet justerat " + adjustment.signatures.map { "\($0.signedOn.iso) av \($0.signer.name) (\($0.role.rawValue))" }
                    .joined(separator: ", ") + ".") + "\n\n"
            }
        }
        return out
    }
}
