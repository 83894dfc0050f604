import NIOCore

/// The MQTT variable byte integer: 7 bits per byte, high bit set while more bytes follow.
///
/// Used for the fixed header's remaining length, MQTT 5 property lengths and
/// subscription identifiers.
public enum MQTTVariableByteInteger {
    /// The largest encodable value (four bytes).
    public static let maximum = 268_435_455

    /// The number of bytes `value` occupies once encoded.
    public static func encodedLength(of value: Int) -> Int {
        switch value {
        case ..<128: 1
        case ..<16_384: 2
        case ..<2_097_152: 3
        default: 4
        }
    }

    /// Appends `value` to `buffer`.
    /// - Throws: ``MQTTCodecError/valueTooLarge(field:value:)`` when `value` is negative or above ``maximum``.
    public static func write(_ value: Int, to buffer: inout ByteBuffer) throws {
        guard value >= 0, value <= maximum else {
            throw MQTTCodecError.valueTooLarge(field: "variable byte integer", value: value)
        }
        var remaining = value
        repeat {
            var byte = UInt8(remaining & 0x7F)
            remaining >>= 7
            if remaining > 0 { byte |= 0x80 }
            buffer.writeInteger(byte)
        } while remaining > 0
    }

    /// Reads a value from the front of `buffer`.
    ///
    /// - Returns: the value, or `nil` (consuming nothing) when the buffer ends before the last byte.
    /// - Throws: ``MQTTCodecError/malformedVariableByteInteger`` when a fifth byte would be needed.
    public static func read(from buffer: inout ByteBuffer) throws -> Int? {
        var value = 0
        var multiplier = 1
        var index = buffer.readerIndex
        for position in 0..<4 {
            guard let byte = buffer.getInteger(at: index, as: UInt8.self) else { return nil }
            index += 1
            value += Int(byte & 0x7F) * multiplier
            if byte & 0x80 == 0 {
                buffer.moveReaderIndex(forwardBy: position + 1)
                return value
            }
            multiplier *= 128
        }
        throw MQTTCodecError.malformedVariableByteInteger
    }
}
