import Foundation

/// Conversion between `Date` and OPC UA DateTime (100 ns ticks since 1601-01-01 UTC).
public enum UADateTime {
    /// Ticks between 1601-01-01 and 1970-01-01.
    static let unixEpochTicks: Int64 = 116_444_736_000_000_000
    static let ticksPerSecond: Double = 10_000_000

    /// Ticks for `date`; `nil` maps to 0 (the "not set" value).
    public static func ticks(from date: Date?) -> Int64 {
        guard let date else { return 0 }
        let ticks = (date.timeIntervalSince1970 * ticksPerSecond).rounded() + Double(unixEpochTicks)
        if ticks <= 0 { return 0 }
        if ticks >= Double(Int64.max) { return Int64.max }
        return Int64(ticks)
    }

    /// Date for `ticks`; 0 and `Int64.max` mean "not set" and map to `nil`.
    public static func date(fromTicks ticks: Int64) -> Date? {
        guard ticks > 0, ticks < Int64.max else { return nil }
        return Date(timeIntervalSince1970: Double(ticks - unixEpochTicks) / ticksPerSecond)
    }
}
