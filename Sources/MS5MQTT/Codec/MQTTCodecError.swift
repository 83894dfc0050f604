/// Why bytes could not be turned into an MQTT packet, or a packet into bytes.
public enum MQTTCodecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A variable byte integer used more than four bytes.
    case malformedVariableByteInteger
    /// A value is larger than the field that must carry it.
    case valueTooLarge(field: String, value: Int)
    /// The fixed header names a packet type a client never receives.
    case unexpectedPacketType(UInt8)
    /// The fixed-header flags are not the ones the specification requires.
    case invalidFlags(packetType: UInt8, flags: UInt8)
    /// The packet body ended before a field was complete, or had bytes left over.
    case malformedPacket(String)
    /// A string field was not valid UTF-8.
    case invalidUTF8(field: String)
    /// An MQTT 5 property identifier is not defined by the specification.
    case unknownProperty(UInt8)
    /// The packet is larger than the configured maximum.
    case packetTooLarge(size: Int, maximum: Int)

    /// A sentence naming the problem.
    public var description: String {
        switch self {
        case .malformedVariableByteInteger:
            "malformed variable byte integer (more than 4 bytes)"
        case .valueTooLarge(let field, let value):
            "value \(value) is too large for \(field)"
        case .unexpectedPacketType(let type):
            "unexpected MQTT packet type \(type)"
        case .invalidFlags(let type, let flags):
            "invalid fixed-header flags 0x\(String(flags, radix: 16)) for packet type \(type)"
        case .malformedPacket(let detail):
            "malformed packet: \(detail)"
        case .invalidUTF8(let field):
            "\(field) is not valid UTF-8"
        case .unknownProperty(let identifier):
            "unknown MQTT 5 property identifier 0x\(String(identifier, radix: 16))"
        case .packetTooLarge(let size, let maximum):
            "packet of \(size) bytes exceeds the maximum of \(maximum) bytes"
        }
    }
}
