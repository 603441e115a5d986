import Crypto
import Foundation
import ParagrafText

/// Reads a file from disk into an `ImportedDocument`: text in UTF-8 or Windows-1252, Markdown, or PDF.
public enum DocumentReader {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case unreadable(String, String)
        case tooLarge(String, Int)
        case empty(String)
        case binary(String)
        case noTextLayer(String)
        case pdftotextMissing
        case pdftotextFailed(String, String)

        public var description: String {
            switch self {
            case let .unreadable(file, reason): return "\(file): kunde inte läsas (\(reason))."
            case .empty(let file): return "\(file): filen är tom."
            case let .tooLarge(file, bytes):
                return "\(file): filen är \(bytes / 1_048_576) MB, mer än gränsen \(DocumentReader.maximumBytes / 1_048_576) MB för ett dokument; dela upp den."
            case .binary(let file): return "\(file): filen är varken text eller PDF."
            case .noTextLayer(let file): return "\(file): PDF-filen har inget textlager (inskannad bild?); kör den genom OCR först."
            case .pdftotextMissing:
                return "pdftotext saknas, och behövs för att läsa PDF. Installera det med: apt-get install poppler-utils"
            case let .pdftotextFailed(file, reason): return "\(file): pdftotext misslyckades: \(reason)"
            }
        }
    }

    /// Larger files are refused: the longest real minutes with all their handlingar run to a few
    /// MB of text, so a file this size is an export of many documents or no document at all.
    public static let maximumBytes = 64 * 1024 * 1024

    public static func read(path: String) -> Result<ImportedDocument, Failure> {
        load(path: path).map(\.document)
    }

    /// A document together with the bytes it was read from, which the archive keeps.
    public struct Loaded: Sendable {
        public var document: ImportedDocument
        public var content: Data
    }

    public static func load(path: String) -> Result<Loaded, Failure> {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        let data: Data
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            guard size <= maximumBytes else { return .failure(.tooLarge(name, size)) }
            data = try Data(contentsOf: url)
        } catch {
            return .failure(.unreadable(name, (error as NSError).localizedDescription))
        }
        return read(data: data, name: name).map { Loaded(document: $0, content: data) }
    }

    public static func read(data: Data, name: String) -> Result<ImportedDocument, Failure> {
        guard data.count <= maximumBytes else { return .failure(.tooLarge(name, data.count)) }
        let sha = hex(SHA256.hash(data: data))
        if data.starts(with: Array("%PDF".utf8)) {
            switch pdfText(data: data, name: name) {
            case .failure(let f): return .failure(f)
            case .success(let text):
                guard text.contains(where: { $0.isLetter }) else { return .failure(.noTextLayer(name)) }
                return .success(DocumentParser.parse(text: text, file: name, sha256: sha, format: .pdf))
            }
        }
        switch TextDecoding.decode(data) {
        case .failure(.empty): return .failure(.empty(name))
        case .failure(.binary): return .failure(.binary(name))
        case .success(let decoded):
            let markdown = looksLikeMarkdown(decoded.text)
            var doc = DocumentParser.parse(text: decoded.text, file: name, sha256: sha, format: markdown ? .markdown : .text)
            doc.source.encoding = decoded.encoding.rawValue
            if decoded.encoding == .windows1252 {
                doc.diagnostics.insert(.init(severity: "warning", message: "Filen var inte UTF-8 och lästes som Windows-1252.", line: nil), at: 0)
            }
            return .success(doc)
        }
    }

    /// The text layer of a PDF, nil when it cannot be read.
    public static func text(ofPDF data: Data) -> String? {
        guard case .success(let text) = pdfText(data: data, name: "handling.pdf") else { return nil }
        return text
    }

    /// Lower-case hexadecimal, two digits a byte.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A line that opens with `# ` to `###### ` or with `**`: the text is Markdown.
    static func looksLikeMarkdown(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var i = 0
            while i < b.count {
                // At the start of a line.
                var hashes = 0
                while i + hashes < b.count, b[i + hashes] == UInt8(ascii: "#") { hashes += 1 }
                if (1...6).contains(hashes), i + hashes < b.count, b[i + hashes] == 0x20 { return true }
                if i + 1 < b.count, b[i] == UInt8(ascii: "*"), b[i + 1] == UInt8(ascii: "*") { return true }
                while i < b.count, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
                i += 1
            }
            return false
        }
    }

    static func pdfText(data: Data, name: String) -> Result<String, Failure> {
        let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"]
        guard let tool = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            return .failure(.pdftotextMissing)
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-pdf-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let input = dir.appendingPathComponent("in.pdf")
            try data.write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-enc", "UTF-8", "-eol", "unix", input.path, "-"]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let text = out.fileHandleForReading.readDataToEndOfFile()
            let errors = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                // One line: poppler repeats itself over several.
                let lines = String(decoding: errors, as: UTF8.self).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                var unique: [String] = []
                for line in lines where !line.isEmpty && !unique.contains(line) { unique.append(line) }
                return .failure(.pdftotextFailed(name, unique.joined(separator: "; ")))
            }
            // pdftotext separates pages with form feeds.
            return .success(String(decoding: text, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n"))
        } catch {
            return .failure(.pdftotextFailed(name, "\(error)"))
        }
    }
}
