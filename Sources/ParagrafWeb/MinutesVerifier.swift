import Crypto
import Foundation
import ParagrafCore
import ParagrafImport
import ParagrafSign
import ParagrafStore

/// Checks signed minutes: each signature over the file's exact bytes against the municipality's
/// CA, that the chair and every adjuster signed, that the content the PDF prints the hash of is
/// the content kept, and that the stored minutes rows still say what was signed.
public struct MinutesVerifier: Sendable {
    public let ca: LocalCA

    public init(caDirectory: String) { ca = LocalCA(directory: URL(fileURLWithPath: caDirectory)) }

    public struct Report: Sendable {
        public var lines: [String] = []
        public var problems: [String] = []
        public var ok: Bool { problems.isEmpty }
    }

    /// A file and its detached signatures, as they were handed out.
    public func verify(file bytes: [UInt8], signatures: [[UInt8]]) async throws -> Report {
        var report = Report()
        let trusted = try ca.certificate()
        guard !signatures.isEmpty else {
            report.problems.append("Inga underskrifter att kontrollera.")
            return report
        }
        for (index, cms) in signatures.enumerated() {
            let check = await SignatureVerifier.check(cms: cms, over: bytes, trusting: trusted)
            if check.valid {
                report.lines.append("Underskrift \(index + 1): giltig, av \(check.signerName ?? "okänd").")
            } else {
                report.problems.append("Underskrift \(index + 1): ogiltig – \(check.reason ?? "okänt fel").")
            }
        }
        return report
    }

    /// A meeting's signed minutes as the store keeps them.
    public func verify(meeting: MeetingID, in store: any Store) async throws -> Report {
        var report = Report()
        guard let signed = try await store.signedMinutes(for: meeting) else {
            report.problems.append("Sammanträde \(meeting.rawValue) har inget protokoll som skickats för justering.")
            return report
        }
        guard let pdf = try await store.sourceFile(sha256: signed.pdfSHA256).map(Array.init) else {
            report.problems.append("Protokollets PDF saknas i databasen.")
            return report
        }
        if SHA256.hex(pdf) != signed.pdfSHA256 { report.problems.append("Protokollets PDF har ändrats efter att den skickades för justering.") }
        let trusted = try ca.certificate()
        for (index, signature) in signed.signatures.enumerated() {
            let who = "Underskrift \(index + 1) (\(signature.person.name), \(signature.role.rawValue), \(signature.method))"
            if signature.method == "BankID" {
                // BankID signed the document's hash; its XML signature is kept as BankID's evidence.
                if BankIDEvidence.covers(signature.data, sha256: SHA256.hex(pdf)) {
                    report.lines.append("\(who): BankID har signerat filens kontrollsumma (BankID:s XML-signatur kontrolleras inte här).")
                } else {
                    report.problems.append("\(who): det BankID signerade gäller inte den här filen.")
                }
                continue
            }
            let signedAt = (try? Date(signature.signedAt, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true))) ?? Date()
            let check = await SignatureVerifier.check(cms: signature.data, over: pdf, trusting: trusted, at: signedAt)
            if check.valid {
                report.lines.append("\(who): giltig, certifikat för \(check.signerName ?? "okänd").")
            } else {
                report.problems.append("\(who): ogiltig – \(check.reason ?? "okänt fel").")
            }
        }

        let draft: MinutesDraft
        do {
            draft = try JSONDecoder().decode(MinutesDraft.self, from: Data(signed.content.utf8))
        } catch {
            report.problems.append("Protokollets innehåll går inte att läsa: \(error).")
            return report
        }
        if SHA256.hex(Array(signed.content.utf8)) != signed.contentSHA256 {
            report.problems.append("Protokollets sparade innehåll stämmer inte med kontrollsumman.")
        }
        if let text = DocumentReader.text(ofPDF: Data(pdf)), !text.contains(signed.contentSHA256) {
            report.problems.append("PDF-filen anger inte innehållets kontrollsumma.")
        }
        for need in signed.missing(draft) {
            report.problems.append("\(need.person.description) har inte signerat som \(need.role.rawValue).")
        }
        if signed.lockedAt != nil {
            if let stored = try await store.minutes(for: meeting) {
                report.problems += Self.differences(signed: draft.minutes, stored: stored)
            } else {
                report.problems.append("Protokollet är låst men finns inte i databasen.")
            }
            report.lines.append("Protokollet är justerat och låst.")
        } else {
            report.lines.append("Protokollet är inte färdigjusterat ännu.")
        }
        return report
    }

    /// What the stored paragraphs say differently from what was signed.
    static func differences(signed: Minutes, stored: Minutes) -> [String] {
        var out: [String] = []
        let rows = Dictionary(stored.paragraphs.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        if Set(rows.keys) != Set(signed.paragraphs.map(\.number)) { out.append("Paragraferna i databasen är inte de som signerades.") }
        for p in signed.paragraphs {
            guard let row = rows[p.number] else { continue }
            if row.title != p.title { out.append("§ \(p.number): rubriken har ändrats i databasen.") }
            if row.decisionText != p.decisionText { out.append("§ \(p.number): beslutet har ändrats i databasen.") }
            if row.votes.map({ [$0.yesCount, $0.noCount, $0.abstainCount] }) != p.votes.map({ [$0.yesCount, $0.noCount, $0.abstainCount] }) {
                out.append("§ \(p.number): omröstningen har ändrats i databasen.")
            }
            if row.reservations.map({ $0.by.map(\.name) }) != p.reservations.map({ $0.by.map(\.name) }) {
                out.append("§ \(p.number): reservationerna har ändrats i databasen.")
            }
        }
        return out
    }
}
