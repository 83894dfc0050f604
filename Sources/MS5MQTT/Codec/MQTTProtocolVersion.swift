/// The MQTT protocol revision spoken on a connection.
public enum MQTTProtocolVersion: UInt8, Sendable, Hashable, CustomStringConvertible {
    /// MQTT 3.1.1 (protocol level 4).
    case v3_1_1 = 4
    /// MQTT 5.0 (protocol level 5).
    case v5 = 5

    /// A readable name such as `MQTT 5.0`.
    public var description: String {
        switch self {
        case .v3_1_1: "MQTT 3.1.1"
        case .v5: "MQTT 5.0"
        }
    }
}
