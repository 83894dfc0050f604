import Foundation
import NIOCore

/// Writes OPC UA Binary (Part 6, 5.2) primitive values little-endian into a `ByteBuffer`.
public struct UABinaryWriter: Sendable {
    /// The bytes written so far.
    public var buffer: ByteBuffer

    /// Creates a writer appending to `buffer` (a fresh buffer by default).
    public init(buffer: ByteBuffer = ByteBuffer()) {
        self.buffer = buffer
    }

    /// Writes a Boolean as one byte (0 or 1).
    public mutating func write(_ value: Bool) { buffer.writeInteger(value ? UInt8(1) : 0) }
    /// Writes a signed byte.
    public mutating func write(_ value: Int8) { buffer.writeInteger(value, endianness: .little) }
    /// Writes an unsigned byte.
    public mutating func write(_ value: UInt8) { buffer.writeInteger(value, endianness: .little) }
    /// Writes a little-endian Int16.
    public mutating func write(_ value: Int16) { buffer.writeInteger(value, endianness: .little) }
    /// Writes a little-endian UInt16.
    public mutating func write(_ value: UInt16) { buffer.writeInteger(value, endianness: .little) }
    /// Writes a little-endian Int32.
    public mutating func write(_ value: Int32) { buffer.writeInteger(value, endianness: .little) }
    /// Writes a little-endian UInt32.
    public mutating func write(_ value: UInt32) { buffer.writeInteger(value, endianness: .little) }
    /// Writes a little-endian Int64.
    public mutating func write(_ value: Int64) { buffer.writeInteger(value, endianness: .little) }
    /// Writes a little-endian UInt64.
    public mutating func write(_ value: UInt64) { buffer.writeInteger(value, endianness: .little) }
    /// Writes an IEEE 754 single-precision float.
    public mutating func write(_ value: Float) { write(value.bitPattern) }
    /// Writes an IEEE 754 double-precision float.
    public mutating func write(_ value: Double) { write(value.bitPattern) }

    /// Writes a String: Int32 byte length (-1 for null) followed by UTF-8 bytes.
    public mutating func write(_ value: String?) {
        guard let value else {
            write(Int32(-1))
            return
        }
        let utf8 = Array(value.utf8)
        write(Int32(utf8.count))
        buffer.writeBytes(utf8)
    }

    /// Writes a ByteString: Int32 length (-1 for null) followed by the bytes.
    public mutating func writeByteString(_ value: [UInt8]?) {
        guard let value else {
            write(Int32(-1))
            return
        }
        write(Int32(value.count))
        buffer.writeBytes(value)
    }

    /// Writes a DateTime as 100 ns ticks since 1601-01-01 UTC; `nil` is encoded as 0.
    public mutating func write(_ value: Date?) {
        write(UADateTime.ticks(from: value))
    }

    /// Writes a Guid: Data1 (UInt32), Data2, Data3 (UInt16) little-endian, then Data4 as 8 raw bytes.
    public mutating func write(_ value: UUID) {
        let b = value.uuid
        write(UInt32(b.0) << 24 | UInt32(b.1) << 16 | UInt32(b.2) << 8 | UInt32(b.3))
        write(UInt16(b.4) << 8 | UInt16(b.5))
        write(UInt16(b.6) << 8 | UInt16(b.7))
        buffer.writeBytes([b.8, b.9, b.10, b.11, b.12, b.13, b.14, b.15])
    }

    /// Writes any value conforming to ``UABinaryEncodable``.
    public mutating func write(_ value: some UABinaryEncodable) {
        value.encode(to: &self)
    }

    /// Writes an array: Int32 count (-1 for null) followed by each element.
    public mutating func writeArray<T>(_ values: [T]?, _ element: (inout UABinaryWriter, T) -> Void) {
        guard let values else {
            write(Int32(-1))
            return
        }
        write(Int32(values.count))
        for value in values { element(&self, value) }
    }

    /// Writes an array of encodable values.
    public mutating func writeArray<T: UABinaryEncodable>(_ values: [T]) {
        writeArray(values) { writer, value in value.encode(to: &writer) }
    }
}
