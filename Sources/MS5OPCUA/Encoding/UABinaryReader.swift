import Foundation
import NIOCore

/// Reads OPC UA Binary (Part 6, 5.2) primitive values little-endian from a `ByteBuffer`.
public struct UABinaryReader: Sendable {
    /// The bytes not yet consumed.
    public var buffer: ByteBuffer

    /// Upper bound accepted for any array or string length, protecting against corrupt lengths.
    static let maximumLength = 16 * 1024 * 1024

    /// Creates a reader consuming `buffer`.
    public init(buffer: ByteBuffer) {
        self.buffer = buffer
    }

    /// Creates a reader over raw bytes.
    public init(bytes: [UInt8]) {
        self.buffer = ByteBuffer(bytes: bytes)
    }

    /// Number of bytes left to read.
    public var remaining: Int { buffer.readableBytes }

    private mutating func integer<T: FixedWidthInteger>(_: T.Type) throws(UADecodingError) -> T {
        guard let value = buffer.readInteger(endianness: .little, as: T.self) else {
            throw .truncated(expected: MemoryLayout<T>.size, available: buffer.readableBytes)
        }
        return value
    }

    /// Reads a Boolean (any non-zero byte is true).
    public mutating func readBool() throws(UADecodingError) -> Bool { try integer(UInt8.self) != 0 }
    /// Reads a signed byte.
    public mutating func readInt8() throws(UADecodingError) -> Int8 { try integer(Int8.self) }
    /// Reads an unsigned byte.
    public mutating func readUInt8() throws(UADecodingError) -> UInt8 { try integer(UInt8.self) }
    /// Reads a little-endian Int16.
    public mutating func readInt16() throws(UADecodingError) -> Int16 { try integer(Int16.self) }
    /// Reads a little-endian UInt16.
    public mutating func readUInt16() throws(UADecodingError) -> UInt16 { try integer(UInt16.self) }
    /// Reads a little-endian Int32.
    public mutating func readInt32() throws(UADecodingError) -> Int32 { try integer(Int32.self) }
    /// Reads a little-endian UInt32.
    public mutating func readUInt32() throws(UADecodingError) -> UInt32 { try integer(UInt32.self) }
    /// Reads a little-endian Int64.
    public mutating func readInt64() throws(UADecodingError) -> Int64 { try integer(Int64.self) }
    /// Reads a little-endian UInt64.
    public mutating func readUInt64() throws(UADecodingError) -> UInt64 { try integer(UInt64.self) }
    /// Reads an IEEE 754 single-precision float.
    public mutating func readFloat() throws(UADecodingError) -> Float { Float(bitPattern: try readUInt32()) }
    /// Reads an IEEE 754 double-precision float.
    public mutating func readDouble() throws(UADecodingError) -> Double { Double(bitPattern: try readUInt64()) }

    /// Reads raw bytes.
    public mutating func readBytes(_ count: Int) throws(UADecodingError) -> [UInt8] {
        guard let bytes = buffer.readBytes(length: count) else {
            throw .truncated(expected: count, available: buffer.readableBytes)
        }
        return bytes
    }

    private mutating func length() throws(UADecodingError) -> Int? {
        let length = try readInt32()
        if length < 0 { return nil }
        guard Int(length) <= Self.maximumLength else { throw .lengthTooLarge(Int(length)) }
        return Int(length)
    }

    /// Reads a String; returns `nil` for the null string (length -1).
    public mutating func readString() throws(UADecodingError) -> String? {
        guard let count = try length() else { return nil }
        guard let string = buffer.readString(length: count) else {
            throw .truncated(expected: count, available: buffer.readableBytes)
        }
        return string
    }

    /// Reads a ByteString; returns `nil` for the null ByteString (length -1).
    public mutating func readByteString() throws(UADecodingError) -> [UInt8]? {
        guard let count = try length() else { return nil }
        return try readBytes(count)
    }

    /// Reads a DateTime; returns `nil` for 0 and the maximum value, which mean "not set".
    public mutating func readDate() throws(UADecodingError) -> Date? {
        UADateTime.date(fromTicks: try readInt64())
    }

    /// Reads a Guid.
    public mutating func readGuid() throws(UADecodingError) -> UUID {
        let d1 = try readUInt32()
        let d2 = try readUInt16()
        let d3 = try readUInt16()
        let d4 = try readBytes(8)
        return UUID(uuid: (
            UInt8(d1 >> 24), UInt8(d1 >> 16 & 0xFF), UInt8(d1 >> 8 & 0xFF), UInt8(d1 & 0xFF),
            UInt8(d2 >> 8), UInt8(d2 & 0xFF), UInt8(d3 >> 8), UInt8(d3 & 0xFF),
            d4[0], d4[1], d4[2], d4[3], d4[4], d4[5], d4[6], d4[7]
        ))
    }

    /// Reads a value conforming to ``UABinaryDecodable``.
    public mutating func read<T: UABinaryDecodable>(_: T.Type = T.self) throws(UADecodingError) -> T {
        try T(from: &self)
    }

    /// Reads an array using `element` for each item; the null array (-1) decodes as empty.
    public mutating func readArray<T>(
        _ element: (inout UABinaryReader) throws(UADecodingError) -> T
    ) throws(UADecodingError) -> [T] {
        guard let count = try length() else { return [] }
        var values: [T] = []
        values.reserveCapacity(Swift.min(count, 1024))
        for _ in 0..<count { values.append(try element(&self)) }
        return values
    }

    /// Reads an array of decodable values; the null array decodes as empty.
    public mutating func readArray<T: UABinaryDecodable>(of _: T.Type) throws(UADecodingError) -> [T] {
        try readArray { (reader: inout UABinaryReader) throws(UADecodingError) in try T(from: &reader) }
    }
}
