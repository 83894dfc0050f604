import Synchronization

/// When each event of the latency run committed, by id, shared by the writer and the consumer.
final class CommitTimes: Sendable {
    private let times = Mutex<[String: ContinuousClock.Instant]>([:])

    /// Records that the event `id` committed at `instant`.
    func record(_ id: String, at instant: ContinuousClock.Instant) {
        times.withLock { $0[id] = instant }
    }

    /// When the event `id` committed, nil when it has not (yet).
    func time(of id: String) -> ContinuousClock.Instant? {
        times.withLock { $0[id] }
    }
}
