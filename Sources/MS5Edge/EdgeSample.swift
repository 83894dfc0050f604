import Foundation

/// One value read from a PLC tag, as the edge collects it and the central server stores it.
///
/// Encodes to the wire format of `POST /v1/telemetry/batches`:
/// `{"metricId": "UUID", "timestamp": "2026-11-22T03:08:57.123Z", "value": 61.5, "quality": 192}`.
/// Timestamps travel as ISO 8601 UTC with milliseconds; finer precision is rounded to the nearest
/// millisecond, both on the wire and in the ``DiskQueue``.
public struct EdgeSample: Sendable, Hashable, Codable {
    /// The central server's identifier of the metric (tag) this value belongs to.
    public var metricId: UUID
    /// When the PLC produced the value.
    public var timestamp: Date
    /// The value itself. Must be finite: JSON has no NaN or infinity.
    public var value: Double
    /// The OPC-style quality code, 0...255, e.g. `192` for good.
    public var quality: Int

    /// Creates a sample.
    /// - Parameters:
    ///   - metricId: The metric's identifier on the central server.
    ///   - timestamp: When the value was produced.
    ///   - value: The value; must be finite to be queued.
    ///   - quality: The quality code (192 = good).
    public init(metricId: UUID, timestamp: Date, value: Double, quality: Int = 192) {
        self.metricId = metricId
        self.timestamp = timestamp
        self.value = value
        self.quality = quality
    }

    private enum CodingKeys: String, CodingKey {
        case metricId, timestamp, value, quality
    }

    /// Decodes a sample from the wire format; the timestamp must be ISO 8601 with a time zone.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metricId = try container.decode(UUID.self, forKey: .metricId)
        let text = try container.decode(String.self, forKey: .timestamp)
        guard let milliseconds = ISO8601Milliseconds.parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: .timestamp, in: container,
                debugDescription: "Expected an ISO 8601 timestamp such as 2026-11-22T03:08:57.123Z, got \(text)")
        }
        timestamp = ISO8601Milliseconds.date(fromMilliseconds: milliseconds)
        value = try container.decode(Double.self, forKey: .value)
        quality = try container.decode(Int.self, forKey: .quality)
    }

    /// Encodes the sample in the wire format, the timestamp as `yyyy-MM-ddTHH:mm:ss.SSSZ` whatever the
    /// encoder's date strategy.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metricId, forKey: .metricId)
        try container.encode(ISO8601Milliseconds.format(timestamp), forKey: .timestamp)
        try container.encode(value, forKey: .value)
        try container.encode(quality, forKey: .quality)
    }
}
