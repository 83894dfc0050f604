/// Events per second over windows of at least one second.
struct OPCUARateMeter: Sendable {
    private let clock = ContinuousClock()
    private var windowStart: ContinuousClock.Instant
    private var count = 0
    private var lastRate = 0.0

    init() {
        windowStart = clock.now
    }

    /// Adds `events` to the current window.
    mutating func record(_ events: Int) {
        count += events
        rollIfDue()
    }

    /// Rate of the last complete window.
    mutating func perSecond() -> Double {
        rollIfDue()
        return lastRate
    }

    private mutating func rollIfDue() {
        let elapsed = clock.now - windowStart
        guard elapsed >= .seconds(1) else { return }
        lastRate = Double(count) / elapsed.seconds
        count = 0
        windowStart = clock.now
    }
}
