import Synchronization

/// Thread-safe count of decoded samples with the instants of the first and last one.
final class SampleCounter: Sendable {
    private struct State {
        var count = 0
        var failures = 0
        var first: ContinuousClock.Instant?
        var last: ContinuousClock.Instant?
    }

    private let state = Mutex(State())

    /// Records one message that produced `samples` samples (0 with `failed` for a decode error).
    func record(samples: Int, failed: Bool) {
        let now = ContinuousClock.now
        state.withLock { state in
            state.count += 1
            if failed { state.failures += 1 }
            if samples == 0 { return }
            if state.first == nil { state.first = now }
            state.last = now
        }
    }

    /// Messages seen so far.
    var count: Int { state.withLock { $0.count } }

    /// Messages whose payload did not decode.
    var failures: Int { state.withLock { $0.failures } }

    /// Seconds from the first to the last decoded message.
    var seconds: Double {
        state.withLock { state in
            guard let first = state.first, let last = state.last else { return 0 }
            let (seconds, attoseconds) = (last - first).components
            return Double(seconds) + Double(attoseconds) / 1e18
        }
    }
}
