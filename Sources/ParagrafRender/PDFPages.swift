import Foundation

/// How many pages a PDF has, read by poppler's `pdfinfo` (Paragraf already needs poppler to
/// read PDFs). A file `pdfinfo` cannot read counts as one page.
public enum PDFPages {
    public static func count(_ bytes: [UInt8]) -> Int {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-pages-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: url) }
        guard (try? Data(bytes).write(to: url)) != nil else { return 1 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdfinfo", url.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return 1 }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("Pages:") {
            return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) ?? 1
        }
        return 1
    }
}
