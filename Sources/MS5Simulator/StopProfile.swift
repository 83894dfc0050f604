import MS5Domain
/// How often a kind of stop happens and how long it lasts.
///
/// The time to the next stop is drawn from an exponential distribution and only elapses while
/// the machine is running (stops happen to running machines). Durations are drawn between
/// ``minDuration`` and ``maxDuration``, skewed towards the short end (`min + (max − min) · u²`).
/// Both are rounded to whole ticks, at least one tick.
public struct StopProfile: Sendable, Hashable, Codable {
    /// Mean running time between two stops, in seconds.
    public var meanRunTimeBetween: Double
    /// Shortest stop, in seconds.
    public var minDuration: Double
    /// Longest stop, in seconds.
    public var maxDuration: Double

    /// Creates a profile; all values in seconds.
    public init(meanRunTimeBetween: Double, minDuration: Double, maxDuration: Double) {
        precondition(meanRunTimeBetween > 0, "mean time between stops must be positive")
        precondition(minDuration > 0 && maxDuration >= minDuration, "need 0 < minDuration <= maxDuration")
        self.meanRunTimeBetween = meanRunTimeBetween
        self.minDuration = minDuration
        self.maxDuration = maxDuration
    }
}
