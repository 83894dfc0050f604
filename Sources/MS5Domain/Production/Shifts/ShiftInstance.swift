import Foundation

/// One occurrence of a shift at absolute times.
public struct ShiftInstance: Sendable, Equatable, Hashable, Codable {
    /// The shift's name.
    public var name: String
    /// Absolute start.
    public var start: Date
    /// Absolute end (exclusive).
    public var end: Date
    /// Planned breaks as absolute spans inside the shift.
    public var breaks: [TimeSpan]
    /// Planned good quantity for this shift, if any.
    public var targetQuantity: Int?

    /// Creates a shift instance.
    public init(name: String, start: Date, end: Date, breaks: [TimeSpan] = [], targetQuantity: Int? = nil) {
        self.name = name
        self.start = start
        self.end = end
        self.breaks = breaks
        self.targetQuantity = targetQuantity
    }

    /// `[start, end)`.
    public var span: TimeSpan { TimeSpan(start: start, end: end) }

    /// Elapsed length in seconds (7 h for a nominal 8 h night shift across spring-forward).
    public var duration: TimeInterval { span.duration }
}
