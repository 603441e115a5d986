import Foundation

/// Makes PDFs from Typst source through the helper script shipped with Paragraf, which drives
/// PyPI's `typst` compiler. Files the source refers to are written beside it first.
public struct TypstCompiler: Sendable {
    /// The Python that has the `typst` package: `PARAGRAF_PYTHON`, else the project's `.venv`, else `python3`.
    public let python: String

    public init(python: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let python { self.python = python; return }
        if let configured = environment["PARAGRAF_PYTHON"], !configured.isEmpty { self.python = configured; return }
        let venv = FileManager.default.currentDirectoryPath + "/.venv/bin/python"
        self.python = FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }

    public enum Failure: Error, CustomStringConvertible {
        case helperMissing
        case failed(status: Int32, message: String)

        public var description: String {
            switch self {
            case .helperMissing: return "Hjälpskriptet för PDF (typst_pdf.py) saknas i Paragrafs resurser."
            case let .failed(status, message): return "PDF kunde inte skapas (kod \(status)): \(message)"
            }
        }
    }

    /// PDF/A-2b and PDF/UA-1: the archive's format, tagged for screen readers.
    public static let archival = ["a-2b", "ua-1"]

    /// Compiles `source`; `files` are written into the compile root under their names first.
    /// A `timestamp` (seconds since 1970) fixes the document's date, so the same input gives the same bytes.
    public func pdf(_ source: String, files: [String: [UInt8]] = [:], standards: [String] = TypstCompiler.archival,
                    timestamp: Int? = nil) throws -> [UInt8] {
        guard let helper = Bundle.module.url(forResource: "typst_pdf", withExtension: "py", subdirectory: "Typst") else {
            throw Failure.helperMissing
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-typst-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for (name, bytes) in files { try Data(bytes).write(to: root.appendingPathComponent(name)) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python.hasPrefix("/") ? python : "/usr/bin/env")
        var arguments = python.hasPrefix("/") ? [] : [python]
        arguments += [helper.path, "--root", root.path] + standards.flatMap { ["--standard", $0] }
        if let timestamp { arguments += ["--timestamp", String(timestamp)] }
        process.arguments = arguments
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes while writing, so that a large PDF cannot fill a pipe and stall the helper.
        let collected = PipeCollector(output: output, errors: errors)
        input.fileHandleForWriting.write(Data(source.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let (pdf, message) = collected.wait()
        guard process.terminationStatus == 0 else {
            throw Failure.failed(status: process.terminationStatus, message: String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return Array(pdf)
    }
}

/// Reads a process's standard output and error on their own threads until both close.
private final class PipeCollector: @unchecked Sendable {
    // Each buffer is written by one thread and read only after `group` has waited for it.
    private var output = Data()
    private var errors = Data()
    private let group = DispatchGroup()

    init(output: Pipe, errors: Pipe) {
        group.enter()
        DispatchQueue.global().async {
            self.output = output.fileHandleForReading.readDataToEndOfFile()
            self.group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            self.errors = errors.fileHandleForReading.readDataToEndOfFile()
            self.group.leave()
        }
    }

    func wait() -> (Data, Data) {
        group.wait()
        return (output, errors)
    }
}
