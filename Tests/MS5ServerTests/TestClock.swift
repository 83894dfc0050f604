import Foundation
import Synchronization

/// A wall clock tests move by hand, for sessions and tokens.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    /// A clock showing `start`.
    init(_ start: Date = Date()) {
        current = Mutex(start)
    }

    /// The time the clock shows.
    var now: Date { current.withLock { $0 } }

    /// Moves the clock on by `minutes`.
    func advance(minutes: Double) {
        current.withLock { $0 = $0.addingTimeInterval(minutes * 60) }
    }
}
