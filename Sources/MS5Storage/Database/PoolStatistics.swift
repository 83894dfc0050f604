import MS5Domain
import Synchronization

/// Live figures of the database handle, for `/metrics`: how busy the connections are and how
/// long work waited for one.
public final class PoolStatistics: Sendable {
    private let inUseCount = Atomic<Int>(0)
    private let completedCount = Atomic<Int>(0)
    private let failedCount = Atomic<Int>(0)
    private let waitNanoseconds = Atomic<Int>(0)
    /// The most connections that can be busy at once.
    public let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Units of work (reads or transactions) running now.
    public var inUse: Int { inUseCount.load(ordering: .relaxed) }
    /// Units of work finished since start, successful or not.
    public var completed: Int { completedCount.load(ordering: .relaxed) }
    /// Units of work that ended in an error.
    public var failed: Int { failedCount.load(ordering: .relaxed) }
    /// Total time work spent waiting for a connection, in seconds.
    public var waitSeconds: Double { Double(waitNanoseconds.load(ordering: .relaxed)) / 1e9 }

    /// Runs `body`, counting it as in use, and `started` as the moment it was asked for.
    func track<R>(since asked: ContinuousClock.Instant, _ body: () async throws -> R) async throws -> R {
        let waited = ContinuousClock.now - asked
        waitNanoseconds.add(Int(waited.seconds * 1e9), ordering: .relaxed)
        inUseCount.add(1, ordering: .relaxed)
        defer {
            inUseCount.subtract(1, ordering: .relaxed)
            completedCount.add(1, ordering: .relaxed)
        }
        do {
            return try await body()
        } catch {
            failedCount.add(1, ordering: .relaxed)
            throw error
        }
    }
}
