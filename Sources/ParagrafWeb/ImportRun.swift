import Foundation
import ParagrafCore
import ParagrafImport
import ParagrafStore

/// `paragraf import`: reads files and folders of documents and files them in the store, so that
/// a bad document fails alone and changes nothing.
public struct ImportRun: Sendable {
    public struct Summary: Sendable, Equatable {
        public var documents = 0
        public var meetings = 0
        public var paragraphs = 0
        public var warnings = 0
        public var failures = 0
        public var unchanged = 0
        public var replaced = 0

        /// The closing line, in Swedish.
        public var line: String {
            var text = "Importen klar: \(documents) dokument, \(meetings) sammanträden, \(paragraphs) paragrafer, "
                + "\(warnings) varningar, \(failures) misslyckade"
            if unchanged > 0 { text += ", \(unchanged) oförändrade" }
            if replaced > 0 { text += ", \(replaced) ersatta" }
            return text + "."
        }
    }

    /// What happened to one file.
    public enum Event: Sendable {
        case filed(file: String, outcome: FilingOutcome, record: MeetingRecord, warnings: [String])
        case failed(file: String, message: String)
    }

    /// Documents filed per transaction (see `RecordStore.file(_:)`): a failing document is still
    /// undone alone, and an interrupted run loses at most this many, which importing again files
    /// (the import is idempotent).
    public static let batchSize = 32

    /// The file types the importer reads.
    public static let extensions: Set<String> = ["txt", "text", "md", "markdown", "pdf"]

    public let store: any Store
    public let fallback: RecordBuilder.Fallback

    public init(store: any Store, fallback: RecordBuilder.Fallback = .init()) {
        self.store = store
        self.fallback = fallback
    }

    /// The files named, with folders searched through for documents, in name order. A path that
    /// does not exist is a failure of its own.
    public static func expand(_ paths: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = []
        var missing: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(path)
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let found = (fm.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            files += found
        }
        return (files, missing)
    }

    /// Imports the paths; `progress` is told before each file (index from 1, count, path),
    /// `report` after it.
    public func run(_ paths: [String], progress: (Int, Int, String) -> Void = { _, _, _ in },
                    report: (Event) -> Void = { _ in }) async -> Summary {
        var summary = Summary()
        let (files, missing) = Self.expand(paths)
        for path in missing {
            summary.failures += 1
            report(.failed(file: path, message: "\(path): filen eller mappen finns inte."))
        }
        var meetings = Set<MeetingID>()
        var pending: [(path: String, built: RecordBuilder.Built)] = []
        func filePending() async {
            guard !pending.isEmpty else { return }
            let results: [Result<FilingOutcome, StoreError>]
            do {
                results = try await store.file(pending.map(\.built.record))
            } catch {
                results = Array(repeating: .failure(StoreError(error)), count: pending.count)
            }
            for ((path, built), result) in zip(pending, results) {
                switch result {
                case .success(let outcome):
                    meetings.insert(outcome.meetingID)
                    summary.warnings += built.warnings.count
                    switch outcome {
                    case .added: summary.paragraphs += built.record.minutes.paragraphs.count
                    case .replaced:
                        summary.paragraphs += built.record.minutes.paragraphs.count
                        summary.replaced += 1
                    case .unchanged: summary.unchanged += 1
                    case .keptDocumentOnly: break
                    }
                    report(.filed(file: path, outcome: outcome, record: built.record, warnings: built.warnings))
                case .failure(let error):
                    summary.failures += 1
                    let name = (path as NSString).lastPathComponent
                    report(.failed(file: path, message: "\(name): kunde inte sparas, inget ändrades: \(error.description)"))
                }
            }
            pending.removeAll()
        }
        for (index, path) in files.enumerated() {
            progress(index + 1, files.count, path)
            summary.documents += 1
            switch DocumentReader.load(path: path) {
            case .failure(let failure):
                summary.failures += 1
                report(.failed(file: path, message: failure.description))
            case .success(let loaded):
                switch RecordBuilder.build(loaded.document, content: loaded.content, fallback: fallback) {
                case .failure(let refusal):
                    summary.failures += 1
                    report(.failed(file: path, message: refusal.description))
                case .success(let built):
                    pending.append((path, built))
                    if pending.count >= Self.batchSize { await filePending() }
                }
            }
        }
        await filePending()
        summary.meetings = meetings.count
        return summary
    }

    /// One line about a filed document, in Swedish.
    public static func describe(file: String, outcome: FilingOutcome, record: MeetingRecord) -> String {
        let name = (file as NSString).lastPathComponent
        let when = record.dating.date.map { "den \($0.iso)" } ?? "utan datum (\(record.dating.year))"
        let what = "\(record.kind.rawValue), \(record.committee) i \(record.municipality) \(when)"
        let count = record.minutes.paragraphs.count
        let paragraphs = record.kind == .notice ? "\(record.agenda.count) punkter" : "\(count) paragraf\(count == 1 ? "" : "er")"
        switch outcome {
        case .added: return "\(name): \(what): \(paragraphs) importerade."
        case .unchanged: return "\(name): \(what): oförändrad, samma fil är redan importerad."
        case .replaced(_, let previous):
            return "\(name): \(what): ersatte det som importerades från \(previous) (\(paragraphs))."
        case .keptDocumentOnly: return "\(name): \(what): protokollet finns redan; utdraget sparades som handling."
        }
    }
}
