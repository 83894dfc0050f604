import MS5Domain

/// Samples delivered per second over a sliding window (by default the last minute).
public struct DeliveryRate: Sendable {
    /// The window the rate is averaged over.
    public let window: Duration
    private var deliveries: [(at: ContinuousClock.Instant, samples: Int)] = []

    /// Creates an empty rate over `window`.
    public init(window: Duration = .seconds(60)) {
        self.window = window
    }

    /// Records `samples` delivered at `instant`.
    public mutating func record(samples: Int, at instant: ContinuousClock.Instant) {
        deliveries.append((instant, samples))
        prune(now: instant)
    }

    /// Samples per second delivered during the window ending at `instant`: their sum divided by the
    /// window's length.
    public func rate(at instant: ContinuousClock.Instant) -> Double {
        let start = instant - window
        let total = deliveries.lazy.filter { $0.at > start && $0.at <= instant }.reduce(0) { $0 + $1.samples }
        return Double(total) / window.seconds
    }

    private mutating func prune(now: ContinuousClock.Instant) {
        let start = now - window
        if let keep = deliveries.firstIndex(where: { $0.at > start }) {
            deliveries.removeFirst(keep)
        } else {
            deliveries.removeAll()
        }
    }
}
