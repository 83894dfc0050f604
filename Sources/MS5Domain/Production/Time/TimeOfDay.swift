/// A wall-clock time of day in the plant's time zone, to the minute.
public struct TimeOfDay: Sendable, Equatable, Hashable, Codable, Comparable {
    /// Hour, 0–23.
    public var hour: Int
    /// Minute, 0–59.
    public var minute: Int

    /// Creates a time of day; use ``isValid`` to check the ranges.
    public init(hour: Int, minute: Int = 0) {
        self.hour = hour
        self.minute = minute
    }

    /// True when hour is 0–23 and minute 0–59.
    public var isValid: Bool { (0..<24).contains(hour) && (0..<60).contains(minute) }

    /// Seconds after midnight on the wall clock.
    public var secondsAfterMidnight: Int { hour * 3600 + minute * 60 }

    /// Orders by hour, then minute.
    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.secondsAfterMidnight < rhs.secondsAfterMidnight
    }
}
