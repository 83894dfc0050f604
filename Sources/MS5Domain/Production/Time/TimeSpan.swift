import Foundation

/// A half-open stretch of absolute time, `[start, end)`.
///
/// A span whose `end` is not after its `start` is empty and lasts 0 s.
public struct TimeSpan: Sendable, Equatable, Hashable, Codable {
    /// Start, inclusive.
    public var start: Date
    /// End, exclusive.
    public var end: Date

    /// Creates the span `[start, end)`.
    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// `end - start` in seconds, never negative.
    public var duration: TimeInterval { max(0, end.timeIntervalSince(start)) }

    /// True when the span holds no time.
    public var isEmpty: Bool { end <= start }

    /// True when `date` lies in `[start, end)`.
    public func contains(_ date: Date) -> Bool { start <= date && date < end }

    /// True when `date` lies in `(start, end]`: the rule for attributing a counter
    /// increment stamped `date`, whose pieces were made before that instant.
    public func containsEnding(at date: Date) -> Bool { start < date && date <= end }

    /// The common part of both spans, or `nil` when they share no time.
    public func intersection(_ other: TimeSpan) -> TimeSpan? {
        let common = TimeSpan(start: max(start, other.start), end: min(end, other.end))
        return common.isEmpty ? nil : common
    }

    /// The span cut into consecutive pieces of `length` seconds from its start, the last one
    /// shorter when the length does not divide it (e.g. the hours of a local day, 23 or 25 of
    /// them on a daylight-saving change).
    public func cut(every length: TimeInterval) -> [TimeSpan] {
        precondition(length > 0, "A span is cut into pieces of a positive length.")
        return stride(from: start.timeIntervalSinceReferenceDate, to: end.timeIntervalSinceReferenceDate, by: length).map {
            TimeSpan(start: Date(timeIntervalSinceReferenceDate: $0), end: min(end, Date(timeIntervalSinceReferenceDate: $0 + length)))
        }
    }
}
