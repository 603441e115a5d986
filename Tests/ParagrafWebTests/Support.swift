import Foundation
import Logging
import ParagrafCore
import ParagrafStore
import Testing

let quiet: Logger = {
    var logger = Logger(label: "paragraf.test")
    logger.logLevel = .warning
    return logger
}()

/// A migrated SQLite store in a fresh temporary directory.
func withTemporaryStore<R>(_ body: (SQLStore, URL) async throws -> R) async throws -> R {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-web-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try await SQLStore.open(.sqlite(path: dir.appendingPathComponent("p.sqlite").path), migrate: true, logger: quiet)
    do {
        let result = try await body(store, dir)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}

/// Compares text with a file in `__Snapshots__`. A missing snapshot is written and the test
/// fails, so that a new snapshot is always looked at before it is trusted; set
/// `PARAGRAF_RECORD_SNAPSHOTS=1` to rewrite changed ones deliberately.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__").appendingPathComponent(name)
    let record = ProcessInfo.processInfo.environment["PARAGRAF_RECORD_SNAPSHOTS"] == "1"
    guard !record, let stored = try? String(contentsOf: url, encoding: .utf8) else {
        try text.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("Snapshot \(name) recorded; check it and run again.", sourceLocation: sourceLocation)
        return
    }
    #expect(stored == text, "HTML differs from \(name)", sourceLocation: sourceLocation)
}

func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
