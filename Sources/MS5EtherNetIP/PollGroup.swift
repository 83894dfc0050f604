/// Tags read together at one rate.
public struct PollGroup: Sendable, Equatable {
    /// Shortest allowed period.
    public static let minimumPeriod = Duration.milliseconds(100)
    /// Longest allowed period.
    public static let maximumPeriod = Duration.seconds(60)

    /// Group name (for logs).
    public var name: String
    /// Time between reads, clamped to 100 ms … 60 s.
    public var period: Duration
    /// Tag addresses (Logix tags, or SLC addresses when the poller is in SLC mode).
    public var tags: [String]

    /// Creates a group; the period is clamped to the allowed range.
    public init(name: String, period: Duration, tags: [String]) {
        self.name = name
        self.period = min(max(period, Self.minimumPeriod), Self.maximumPeriod)
        self.tags = tags
    }

    /// The deadline after `deadline`: one period later, skipping whole periods already past `now`
    /// (so the schedule never drifts and never bursts after a stall).
    public static func nextDeadline(after deadline: ContinuousClock.Instant, period: Duration, now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        var next = deadline + period
        if next <= now {
            let behind = now - next
            let skipped = Int(behind / period) + 1
            next += period * skipped
        }
        return next
    }
}
