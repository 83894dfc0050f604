import MS5Domain
/// A window that recurs every day at the same wall-clock time (breaks, changeovers).
///
/// Times of day are evaluated in the fixed offset ``SimulatorConfiguration/utcOffsetSeconds``
/// (no daylight-saving changes, so every simulated day is exactly 24 h).
public struct DailyWindow: Sendable, Hashable, Codable {
    /// Seconds after local midnight at which the window opens, `0 ..< 86_400`.
    public var startSecondOfDay: Int
    /// Length of the window in seconds; a window may run past midnight.
    public var duration: Int

    /// Creates a window from a second of the day and a length in seconds.
    public init(startSecondOfDay: Int, duration: Int) {
        precondition((0 ..< 86_400).contains(startSecondOfDay), "start must be within the day")
        precondition(duration > 0 && duration < 86_400, "duration must be positive and below a day")
        self.startSecondOfDay = startSecondOfDay
        self.duration = duration
    }

    /// Creates a window opening at `hour:minute` local time and lasting `minutes` minutes.
    public init(hour: Int, minute: Int = 0, minutes: Int) {
        self.init(startSecondOfDay: hour * 3600 + minute * 60, duration: minutes * 60)
    }

    /// `true` when `secondOfDay` (`0 ..< 86_400`) lies inside the window.
    public func contains(secondOfDay: Double) -> Bool {
        let start = Double(startSecondOfDay)
        let end = start + Double(duration)
        if secondOfDay >= start && secondOfDay < end { return true }
        return end > 86_400 && secondOfDay < end - 86_400
    }
}
