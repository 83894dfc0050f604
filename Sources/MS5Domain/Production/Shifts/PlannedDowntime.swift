import Foundation

/// A planned-downtime entry of the production calendar.
public struct PlannedDowntime: Sendable, Equatable, Hashable, Codable {
    /// What the time is planned for.
    public var kind: PlannedDowntimeKind
    /// Absolute start.
    public var start: Date
    /// Absolute end (exclusive).
    public var end: Date

    /// Creates an entry.
    public init(kind: PlannedDowntimeKind, start: Date, end: Date) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    /// `[start, end)`.
    public var span: TimeSpan { TimeSpan(start: start, end: end) }
}
