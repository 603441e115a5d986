import Foundation
import Testing
@testable import ParagrafImport

@Suite("Bad input gives a clear message naming the file, never a crash")
struct BadInputTests {
    func temp(_ name: String, _ data: Data) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    @Test func emptyFile() throws {
        let path = try temp("tom.txt", Data())
        #expect(throws: DocumentReader.Failure.empty("tom.txt")) { try DocumentReader.read(path: path).get() }
        #expect(DocumentReader.Failure.empty("tom.txt").description.contains("tom.txt"))
    }

    @Test func binaryFile() throws {
        let path = try temp("bild.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]))
        #expect(throws: DocumentReader.Failure.binary("bild.png")) { try DocumentReader.read(path: path).get() }
    }

    @Test func missingFile() {
        let result = DocumentReader.read(path: "/finns/inte/protokoll.pdf")
        guard case .failure(.unreadable(let name, _)) = result else { Issue.record("expected unreadable"); return }
        #expect(name == "protokoll.pdf")
    }

    @Test("a PDF with no text layer asks for OCR")
    func pdfWithoutText() throws {
        // A valid one-page PDF whose page draws nothing: no text layer at all.
        let pdf = Self.minimalPDF(content: "")
        let path = try temp("skannad.pdf", pdf)
        let result = DocumentReader.read(path: path)
        if case .failure(.pdftotextMissing) = result { return }  // checked by the install step instead
        #expect(throws: DocumentReader.Failure.noTextLayer("skannad.pdf")) { try result.get() }
    }

    @Test("a PDF with text is read through pdftotext")
    func pdfWithText() throws {
        let pdf = Self.minimalPDF(content: "BT /F1 12 Tf 72 720 Td (Paragrafer 1-2) Tj ET")
        let path = try temp("protokoll.pdf", pdf)
        let result = DocumentReader.read(path: path)
        if case .failure(.pdftotextMissing) = result { return }
        let doc = try result.get()
        #expect(doc.source.format == "pdf")
        #expect(doc.documentType == "other")
        #expect(doc.diagnostics.contains { $0.message.contains("inga paragrafer") })
    }

    @Test("a document that is no minutes is read with a warning, not an error")
    func notMinutes() {
        let doc = DocumentParser.parse(text: "Inköpslista\n\nMjölk\nBröd\n", file: "lista.txt", sha256: "")
        #expect(doc.documentType == "other")
        #expect(doc.items.isEmpty)
        #expect(!doc.diagnostics.isEmpty)
    }

    @Test("Windows-1252 text is read and the guess reported")
    func wrongEncoding() throws {
        var bytes = Array("§ 5\n\nVal av justerare\n\nBeslut\n\nN".utf8)
        bytes[0] = 0xA7  // § in Windows-1252, replacing the two UTF-8 bytes
        bytes.remove(at: 1)
        bytes += [0xE4] + Array("mnden utser justerare.\n".utf8)
        let doc = try DocumentReader.read(data: Data(bytes), name: "latin1.txt").get()
        #expect(doc.items.map(\.number) == [5])
        #expect(doc.items.first?.decisionText == "Nämnden utser justerare.")
        #expect(doc.diagnostics.contains { $0.message.contains("Windows-1252") })
        #expect(doc.source.encoding == "Windows-1252")
        // The kept file names the encoding it was read in, so that it is served as it came.
        var named = doc
        named.municipality = "Ale"
        named.body = "Socialnämnden"
        named.meetingDate = "1998-02-03"
        let built = try RecordBuilder.build(named, content: Data(bytes)).get()
        #expect(built.record.source.file.mediaType == "text/plain; charset=windows-1252")
    }

    @Test("a 100 MB file is refused at once with its name and size")
    func hundredMegabytes() throws {
        let path = try temp("stor.txt", Data())
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 100 * 1024 * 1024)
        try handle.close()
        let result = DocumentReader.read(path: path)
        #expect(throws: DocumentReader.Failure.tooLarge("stor.txt", 100 * 1024 * 1024)) { try result.get() }
        if case .failure(let f) = result { #expect(f.description.contains("stor.txt") && f.description.contains("100 MB")) }
    }

    @Test("a long document of many paragraphs is read whole")
    func manyParagraphs() throws {
        var text = ""
        for n in 1...2_000 {
            text += "§ \(n)\n\nÄrende nummer \(n)\n\nBeslut\n\nNämnden beslutar enligt förslaget. " + String(repeating: "Text ", count: 40) + "\n\n"
        }
        let doc = try DocumentReader.read(data: Data(text.utf8), name: "lang.txt").get()
        #expect(doc.items.count == 2_000)
        #expect(doc.items.last?.decisionText?.hasPrefix("Nämnden beslutar") == true)
    }

    static func minimalPDF(content: String) -> Data {
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(i + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        objects.removeAll()
        return Data(pdf.utf8)
    }
}

@Suite("Fuzzing the parser")
struct FuzzTests {
    /// 10,000 inputs: fragments of the seeds cut, shuffled, spliced and corrupted. The parser
    /// must return for each, with paragraphs in increasing order.
    @Test func tenThousandMutatedInputs() throws {
        var rng = SplitMix(seed: 20_261_122)
        let seeds = try (0...4).map { try String(contentsOf: Seeds.directory.appendingPathComponent("seed-00\($0).txt"), encoding: .utf8) }
        let pieces = seeds.flatMap { $0.components(separatedBy: "\n") }
        let noise = ["§", "§ ", "§§ 1-", "Dnr", "Dnr ALN 2024-", "**", "##", "Beslut", "Reservation", "(S)", "kl 25:99",
                     "Sammanträdesdatum", "Plats och tid", "Ledamöter", "ersättare för", "\u{0}", "\u{FEFF}", "\t\t", "§ 99999",
                     "1.", "- *", "Justerare (", "2024-13-45", "den 31 februari 2024"]
        var returned = 0
        for i in 0..<10_000 {
            var lines: [String] = []
            for _ in 0..<Int(rng.next() % 60) {
                switch rng.next() % 5 {
                case 0: lines.append(noise[Int(rng.next() % UInt64(noise.count))])
                case 1:
                    var line = pieces[Int(rng.next() % UInt64(pieces.count))]
                    if !line.isEmpty {
                        let cut = line.index(line.startIndex, offsetBy: Int(rng.next() % UInt64(line.count)))
                        line = String(line[..<cut])
                    }
                    lines.append(line)
                default: lines.append(pieces[Int(rng.next() % UInt64(pieces.count))])
                }
            }
            if i % 3 == 0 { lines.shuffle(using: &rng) }
            let text = lines.joined(separator: rng.next() % 2 == 0 ? "\n" : "\r\n")
            let doc = DocumentParser.parse(text: text, file: "fuzz-\(i).txt", sha256: "")
            let numbers = doc.items.map(\.number)
            if doc.documentType != "kallelse" {
                #expect(numbers == numbers.sorted() && Set(numbers).count == numbers.count, "input \(i)")
            }
            _ = doc.json()
            returned += 1
        }
        #expect(returned == 10_000)
    }
}

struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
