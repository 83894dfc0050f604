/// An MQTT 5 reason code (CONNACK, PUBACK, SUBACK, DISCONNECT), with a readable meaning.
///
/// MQTT 3.1.1 CONNACK return codes and the SUBACK failure code are mapped onto
/// the MQTT 5 code of the same meaning, so callers handle one vocabulary.
public struct MQTTReasonCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The code's byte on the wire.
    public let rawValue: UInt8

    /// Wraps a wire byte.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Success, normal disconnection or granted QoS 0.
    public static let success = MQTTReasonCode(rawValue: 0x00)
    /// The subscription was granted at QoS 1.
    public static let grantedQoS1 = MQTTReasonCode(rawValue: 0x01)
    /// The subscription was granted at QoS 2.
    public static let grantedQoS2 = MQTTReasonCode(rawValue: 0x02)
    /// The receiver accepted the message but no subscriber matched it.
    public static let noMatchingSubscribers = MQTTReasonCode(rawValue: 0x10)
    /// Unspecified error (also MQTT 3.1.1's SUBACK failure code).
    public static let unspecifiedError = MQTTReasonCode(rawValue: 0x80)
    /// The server does not support the requested protocol version.
    public static let unsupportedProtocolVersion = MQTTReasonCode(rawValue: 0x84)
    /// The client identifier is not accepted.
    public static let clientIdentifierNotValid = MQTTReasonCode(rawValue: 0x85)
    /// The user name or password is wrong.
    public static let badUserNameOrPassword = MQTTReasonCode(rawValue: 0x86)
    /// The client is not authorized.
    public static let notAuthorized = MQTTReasonCode(rawValue: 0x87)
    /// The server is unavailable.
    public static let serverUnavailable = MQTTReasonCode(rawValue: 0x88)

    /// Whether the code reports success (below 0x80).
    public var isSuccess: Bool { rawValue < 0x80 }

    /// Maps an MQTT 3.1.1 CONNACK return code onto the MQTT 5 reason code of the same meaning.
    public init(connectReturnCode code: UInt8) {
        switch code {
        case 0: self = .success
        case 1: self = .unsupportedProtocolVersion
        case 2: self = .clientIdentifierNotValid
        case 3: self = .serverUnavailable
        case 4: self = .badUserNameOrPassword
        case 5: self = .notAuthorized
        default: self = .unspecifiedError
        }
    }

    /// The meaning given by the MQTT 5 specification, followed by the hex code.
    public var description: String {
        "\(meaning) (0x\(String(rawValue, radix: 16, uppercase: true)))"
    }

    private var meaning: String {
        switch rawValue {
        case 0x00: "success"
        case 0x01: "granted QoS 1"
        case 0x02: "granted QoS 2"
        case 0x04: "disconnect with will message"
        case 0x10: "no matching subscribers"
        case 0x11: "no subscription existed"
        case 0x18: "continue authentication"
        case 0x19: "re-authenticate"
        case 0x80: "unspecified error"
        case 0x81: "malformed packet"
        case 0x82: "protocol error"
        case 0x83: "implementation specific error"
        case 0x84: "unsupported protocol version"
        case 0x85: "client identifier not valid"
        case 0x86: "bad user name or password"
        case 0x87: "not authorized"
        case 0x88: "server unavailable"
        case 0x89: "server busy"
        case 0x8A: "banned"
        case 0x8B: "server shutting down"
        case 0x8C: "bad authentication method"
        case 0x8D: "keep alive timeout"
        case 0x8E: "session taken over"
        case 0x8F: "topic filter invalid"
        case 0x90: "topic name invalid"
        case 0x91: "packet identifier in use"
        case 0x92: "packet identifier not found"
        case 0x93: "receive maximum exceeded"
        case 0x94: "topic alias invalid"
        case 0x95: "packet too large"
        case 0x96: "message rate too high"
        case 0x97: "quota exceeded"
        case 0x98: "administrative action"
        case 0x99: "payload format invalid"
        case 0x9A: "retain not supported"
        case 0x9B: "QoS not supported"
        case 0x9C: "use another server"
        case 0x9D: "server moved"
        case 0x9E: "shared subscriptions not supported"
        case 0x9F: "connection rate exceeded"
        case 0xA0: "maximum connect time"
        case 0xA1: "subscription identifiers not supported"
        case 0xA2: "wildcard subscriptions not supported"
        default: "unknown reason code"
        }
    }
}
