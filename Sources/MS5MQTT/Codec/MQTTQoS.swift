/// MQTT quality-of-service levels supported by this client.
///
/// QoS 2 is not offered: subscriptions are requested at QoS 0 or 1, so a broker
/// never delivers at QoS 2 to this client.
public enum MQTTQoS: UInt8, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// At most once: fire and forget.
    case atMostOnce = 0
    /// At least once: acknowledged with PUBACK, redelivered with DUP until acknowledged.
    case atLeastOnce = 1

    /// Orders levels by their numeric value.
    public static func < (lhs: MQTTQoS, rhs: MQTTQoS) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// `QoS 0` or `QoS 1`.
    public var description: String { "QoS \(rawValue)" }
}
