/// Counts events in one-second buckets and reports the rate over a trailing window.
struct MessageRateMeter: Sendable {
    private let windowSeconds: Int
    private let start = ContinuousClock.now
    private var buckets: [Int]
    private var bucketSeconds: [Int]

    init(windowSeconds: Int = 5) {
        self.windowSeconds = windowSeconds
        self.buckets = Array(repeating: 0, count: windowSeconds + 1)
        self.bucketSeconds = Array(repeating: -1, count: windowSeconds + 1)
    }

    private func currentSecond(_ now: ContinuousClock.Instant) -> Int {
        Int((now - start).components.seconds)
    }

    /// Records `count` events now.
    mutating func record(_ count: Int = 1, at now: ContinuousClock.Instant = .now) {
        let second = currentSecond(now)
        let slot = second % buckets.count
        if bucketSeconds[slot] != second {
            bucketSeconds[slot] = second
            buckets[slot] = 0
        }
        buckets[slot] += count
    }

    /// Events per second over the last complete seconds of the window (the running second excluded).
    func rate(at now: ContinuousClock.Instant = .now) -> Double {
        let second = currentSecond(now)
        let oldest = max(0, second - windowSeconds)
        let span = second - oldest
        guard span > 0 else { return 0 }
        var total = 0
        for (slot, bucketSecond) in bucketSeconds.enumerated() where bucketSecond >= oldest && bucketSecond < second {
            total += buckets[slot]
        }
        return Double(total) / Double(span)
    }
}
