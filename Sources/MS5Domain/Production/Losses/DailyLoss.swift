import Foundation

/// Unplanned stop time of one local day.
public struct DailyLoss: Sendable, Equatable, Hashable, Codable {
    /// The day, midnight to midnight in the plant's time zone.
    public var day: TimeSpan
    /// Stops with time in the day.
    public var count: Int
    /// Their planned time within the day, seconds.
    public var duration: TimeInterval

    /// Creates an entry.
    public init(day: TimeSpan, count: Int, duration: TimeInterval) {
        self.day = day
        self.count = count
        self.duration = duration
    }
}
