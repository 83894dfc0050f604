import Foundation

/// A set of instants stored as sorted, disjoint, non-touching, non-empty spans.
///
/// Every initializer normalizes: empty spans are dropped, overlapping or touching
/// spans are merged. Set algebra on these is what the time model is built from.
public struct TimeSpanSet: Sendable, Equatable, Hashable, Codable {
    /// The normalized spans, in time order.
    public private(set) var spans: [TimeSpan]

    /// The set covering every instant of `spans`.
    public init(_ spans: [TimeSpan] = []) {
        let sorted = spans.filter { !$0.isEmpty }.sorted { $0.start < $1.start }
        var merged: [TimeSpan] = []
        for span in sorted {
            if let last = merged.last, span.start <= last.end {
                merged[merged.count - 1].end = max(last.end, span.end)
            } else {
                merged.append(span)
            }
        }
        self.spans = merged
    }

    /// Decodes a list of spans and normalizes it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(try container.decode([TimeSpan].self))
    }

    /// Encodes the normalized spans as a list.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(spans)
    }

    /// Total seconds covered.
    public var duration: TimeInterval { spans.reduce(0) { $0 + $1.duration } }

    /// True when no instant is covered.
    public var isEmpty: Bool { spans.isEmpty }

    /// The smallest span covering the whole set, `nil` when empty.
    public var hull: TimeSpan? {
        guard let first = spans.first, let last = spans.last else { return nil }
        return TimeSpan(start: first.start, end: last.end)
    }

    /// True when `date` is covered.
    public func contains(_ date: Date) -> Bool { spans.contains { $0.contains(date) } }

    /// Instants covered by either set.
    public func union(_ other: TimeSpanSet) -> TimeSpanSet { TimeSpanSet(spans + other.spans) }

    /// Instants covered by both sets.
    public func intersection(_ other: TimeSpanSet) -> TimeSpanSet {
        guard let first = spans.first, let otherFirst = other.spans.first else { return TimeSpanSet() }
        var result: [TimeSpan] = []
        // Spans of either set that end before the other set starts share nothing with it.
        var left = firstIndex(endingAfter: otherFirst.start)
        var right = other.firstIndex(endingAfter: first.start)
        while left < spans.count && right < other.spans.count {
            if let common = spans[left].intersection(other.spans[right]) { result.append(common) }
            if spans[left].end < other.spans[right].end { left += 1 } else { right += 1 }
        }
        return TimeSpanSet(result)
    }

    /// Instants covered by this set and by `span`.
    public func intersection(_ span: TimeSpan) -> TimeSpanSet { intersection(TimeSpanSet([span])) }

    /// Instants covered by this set but not by `other`.
    public func subtracting(_ other: TimeSpanSet) -> TimeSpanSet {
        var result: [TimeSpan] = []
        for span in spans {
            var cursor = span.start
            for cut in other.spans[other.firstIndex(endingAfter: cursor)...] {
                guard cut.start < span.end else { break }
                if cut.start > cursor { result.append(TimeSpan(start: cursor, end: cut.start)) }
                cursor = max(cursor, cut.end)
            }
            if cursor < span.end { result.append(TimeSpan(start: cursor, end: span.end)) }
        }
        return TimeSpanSet(result)
    }

    /// The index of the first span ending after `date` (`spans.count` when none does), by binary
    /// search: the spans are disjoint and sorted, so their ends are sorted too.
    private func firstIndex(endingAfter date: Date) -> Int {
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].end > date { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
