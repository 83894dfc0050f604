import NIOCore

/// MQTT's length-prefixed field encodings on `ByteBuffer`.
extension ByteBuffer {
    /// Writes a two-byte length followed by the UTF-8 bytes of `string`.
    mutating func writeMQTTString(_ string: String, field: String) throws {
        let count = string.utf8.count
        guard count <= Int(UInt16.max) else {
            throw MQTTCodecError.valueTooLarge(field: field, value: count)
        }
        writeInteger(UInt16(count))
        writeString(string)
    }

    /// Writes a two-byte length followed by `bytes`.
    mutating func writeMQTTBinary(_ bytes: [UInt8], field: String) throws {
        guard bytes.count <= Int(UInt16.max) else {
            throw MQTTCodecError.valueTooLarge(field: field, value: bytes.count)
        }
        writeInteger(UInt16(bytes.count))
        writeBytes(bytes)
    }

    /// Reads a length-prefixed UTF-8 string.
    mutating func readMQTTString(field: String) throws -> String {
        let bytes = try readMQTTBinary(field: field)
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw MQTTCodecError.invalidUTF8(field: field)
        }
        return string
    }

    /// Reads length-prefixed binary data.
    mutating func readMQTTBinary(field: String) throws -> [UInt8] {
        let length = try readMQTTInteger(UInt16.self, field: field)
        guard let bytes = readBytes(length: Int(length)) else {
            throw MQTTCodecError.malformedPacket("\(field) is truncated")
        }
        return bytes
    }

    /// Reads a big-endian integer or throws naming the missing field.
    mutating func readMQTTInteger<Value: FixedWidthInteger>(_ type: Value.Type, field: String) throws -> Value {
        guard let value = readInteger(as: Value.self) else {
            throw MQTTCodecError.malformedPacket("\(field) is truncated")
        }
        return value
    }

    /// Reads a variable byte integer that must be complete inside the packet body.
    mutating func readMQTTVariableInteger(field: String) throws -> Int {
        guard let value = try MQTTVariableByteInteger.read(from: &self) else {
            throw MQTTCodecError.malformedPacket("\(field) is truncated")
        }
        return value
    }
}
