import Synchronization

/// Rendered public pages, reused while nothing was written in this process and for at most
/// `lifetime` (which also bounds how stale a page may be when another instance writes, or when
/// the day turns and the notice board changes). The public record changes seldom and is read
/// often; rendering a page takes milliseconds, handing back a kept one microseconds.
final class PageCache: Sendable {
    private struct Entry {
        var body: String
        var changes: Int
        var made: ContinuousClock.Instant
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let lifetime: Duration
    private let capacity: Int

    init(lifetime: Duration = .seconds(30), capacity: Int = 5000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The page at `key`, made by `make` unless a current one is kept.
    func page(_ key: String, changes: Int, _ make: () async throws -> String) async rethrows -> String {
        let now = ContinuousClock.now
        if let kept = entries.withLock({ $0[key] }), kept.changes == changes, now - kept.made < lifetime { return kept.body }
        let body = try await make()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(body: body, changes: changes, made: now)
        }
        return body
    }
}
