import Foundation

/// A planned break inside a shift, placed by its offset from the shift's start.
///
/// The offset is elapsed time after the shift's actual start, so a break 4 h into
/// a night shift stays 4 h in even when the clocks change during the shift.
public struct ShiftBreak: Sendable, Equatable, Hashable, Codable {
    /// Seconds after the shift start at which the break begins.
    public var offset: TimeInterval
    /// Length of the break in seconds.
    public var duration: TimeInterval

    /// Creates a break `offset` seconds into the shift, lasting `duration` seconds.
    public init(offset: TimeInterval, duration: TimeInterval) {
        self.offset = offset
        self.duration = duration
    }
}
