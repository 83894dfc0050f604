import Synchronization

/// Collects delivery latencies, message and subscription counts from many client connections.
final class LatencyRecorder: Sendable {
    private struct State {
        var microseconds: [UInt32] = []
        var messages = 0
        var subscriptions = 0
    }

    private let state = Mutex(State())

    func record(microseconds: UInt32) {
        state.withLock {
            $0.microseconds.append(microseconds)
            $0.messages += 1
        }
    }

    func recordSubscription() {
        state.withLock { $0.subscriptions += 1 }
    }

    /// Forgets the latencies and messages recorded so far (the warm-up).
    func reset() {
        state.withLock {
            $0.microseconds.removeAll(keepingCapacity: true)
            $0.messages = 0
        }
    }

    /// Clients whose subscription was confirmed.
    var subscriptions: Int { state.withLock { $0.subscriptions } }

    /// Messages recorded so far.
    var messages: Int { state.withLock { $0.messages } }

    /// The latency in milliseconds at quantile `q` (0…1).
    func percentile(_ q: Double) -> Double {
        let sorted = state.withLock { $0.microseconds }.sorted()
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((Double(sorted.count) * q).rounded(.up)) - 1)
        return Double(sorted[max(0, index)]) / 1000
    }
}
