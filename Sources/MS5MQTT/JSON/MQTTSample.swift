import Foundation

/// One metric value for one piece of equipment, decoded from an MQTT message.
public struct MQTTSample: Sendable, Hashable {
    /// The equipment the value belongs to.
    public var equipment: String
    /// The metric's key, such as `count` or `state`.
    public var metricKey: String
    /// The value; booleans are 0 or 1.
    public var value: Double
    /// When the value was measured (from the payload, else the receive time).
    public var timestamp: Date
    /// How trustworthy the value is.
    public var quality: MQTTSampleQuality
    /// The topic the message arrived on.
    public var topic: String

    /// Creates a sample.
    public init(
        equipment: String, metricKey: String, value: Double, timestamp: Date, quality: MQTTSampleQuality = .good,
        topic: String
    ) {
        self.equipment = equipment
        self.metricKey = metricKey
        self.value = value
        self.timestamp = timestamp
        self.quality = quality
        self.topic = topic
    }
}
