import Foundation
import MS5Identity
import Synchronization

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date()) {
        current = Mutex(start)
    }

    /// The clock's time.
    var now: Date { current.withLock { $0 } }

    /// Moves the clock forward.
    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// An ``HTTPFetching`` that counts the GET requests per path and forwards them.
final class CountingFetcher: HTTPFetching {
    private let inner: any HTTPFetching
    private let counts = Mutex<[String: Int]>([:])

    init(_ inner: any HTTPFetching = URLSessionFetcher()) {
        self.inner = inner
    }

    /// How many GET requests went to `path`.
    func getCount(_ path: String) -> Int {
        counts.withLock { $0[path, default: 0] }
    }

    func get(_ url: URL) async throws -> (status: Int, body: Data) {
        counts.withLock { $0[url.path, default: 0] += 1 }
        return try await inner.get(url)
    }

    func postForm(_ url: URL, _ fields: [String: String]) async throws -> (status: Int, body: Data) {
        try await inner.postForm(url, fields)
    }
}
