import Foundation

/// One point of a metric's history: a raw sample, or a rollup bucket with its spread.
public struct HistoryPoint: Codable, Sendable, Equatable {
    /// The sample's time, or the start of the bucket.
    public let timestamp: Date
    /// The raw value, or the bucket's average.
    public let value: Double
    public let min: Double?
    public let max: Double?
    /// How many samples the bucket holds (nil for raw samples).
    public let count: Int?

    /// Creates a history point.
    public init(timestamp: Date, value: Double, min: Double? = nil, max: Double? = nil, count: Int? = nil) {
        self.timestamp = timestamp
        self.value = value
        self.min = min
        self.max = max
        self.count = count
    }
}

/// The resolution a history is answered in.
public enum HistoryResolution: String, ClosedSet, Equatable {
    case raw
    case minute = "1m"
    case hour = "1h"

    /// The bucket length in seconds (nil for raw).
    public var seconds: TimeInterval? {
        switch self {
        case .raw: nil
        case .minute: 60
        case .hour: 3600
        }
    }
}

/// A metric's history over a range, at the finest resolution that fits the point limit.
public struct MetricHistory: Codable, Sendable, Equatable {
    public let metricId: UUID
    public let from: Date
    public let to: Date
    public let resolution: HistoryResolution
    public let points: [HistoryPoint]
    /// True when even hourly buckets exceeded the limit and the oldest were left out.
    public let truncated: Bool

    /// Creates a history.
    public init(metricId: UUID, from: Date, to: Date, resolution: HistoryResolution, points: [HistoryPoint], truncated: Bool) {
        self.metricId = metricId
        self.from = from
        self.to = to
        self.resolution = resolution
        self.points = points
        self.truncated = truncated
    }
}
