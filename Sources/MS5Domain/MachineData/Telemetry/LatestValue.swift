import Foundation

/// The newest value of a metric, with what the metric is.
public struct LatestValue: Codable, Sendable, Equatable {
    public let metricId: UUID
    public let key: String
    public let name: String
    public let role: MetricRole
    public let unit: String?
    public let timestamp: Date
    public let value: Double?
    public let quality: Int

    /// Creates a latest value.
    public init(metricId: UUID, key: String, name: String, role: MetricRole, unit: String?, timestamp: Date, value: Double?, quality: Int) {
        self.metricId = metricId
        self.key = key
        self.name = name
        self.role = role
        self.unit = unit
        self.timestamp = timestamp
        self.value = value
        self.quality = quality
    }
}
