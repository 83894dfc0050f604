import Foundation

/// One reading of a metric: when, what value, and how trustworthy (OPC-style quality, 192 = good).
public struct TelemetrySample: Codable, Sendable, Equatable {
    public var metricId: UUID
    public var timestamp: Date
    public var value: Double
    public var quality: Int

    /// The quality of a good reading.
    public static let good = 192

    /// Creates a sample.
    public init(metricId: UUID, timestamp: Date, value: Double, quality: Int = TelemetrySample.good) {
        self.metricId = metricId
        self.timestamp = timestamp
        self.value = value
        self.quality = quality
    }

    enum CodingKeys: String, CodingKey { case metricId, timestamp, value, quality }

    /// Decodes a sample; quality may be left out (good).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metricId = try c.decode(UUID.self, forKey: .metricId)
        timestamp = try c.decode(Date.self, forKey: .timestamp)
        value = try c.decode(Double.self, forKey: .value)
        quality = try c.decodeIfPresent(Int.self, forKey: .quality) ?? Self.good
    }
}
