/// A bounds-checked little-endian reader over wire bytes; every read past the end throws instead of trapping.
public struct WireReader: Sendable {
    /// The bytes being read.
    public let bytes: [UInt8]
    /// Index of the next byte to read.
    public private(set) var position: Int
    /// Index one past the last readable byte.
    public let end: Int

    /// Creates a reader over `bytes[start..<end]` (whole array by default).
    public init(_ bytes: [UInt8], start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = start
        self.end = min(end ?? bytes.count, bytes.count)
    }

    /// Number of bytes left to read.
    public var remaining: Int { end - position }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { position >= end }

    private func require(_ count: Int, _ what: String) throws(EtherNetIPError) {
        if count < 0 || remaining < count {
            throw .malformed("truncated \(what): need \(count) bytes, \(max(remaining, 0)) left")
        }
    }

    /// Reads one byte.
    public mutating func readUInt8(_ what: String = "UInt8") throws(EtherNetIPError) -> UInt8 {
        try require(1, what)
        defer { position += 1 }
        return bytes[position]
    }

    /// Reads a little-endian 16-bit unsigned integer.
    public mutating func readUInt16(_ what: String = "UInt16") throws(EtherNetIPError) -> UInt16 {
        try require(2, what)
        defer { position += 2 }
        return UInt16(bytes[position]) | UInt16(bytes[position + 1]) << 8
    }

    /// Reads a little-endian 32-bit unsigned integer.
    public mutating func readUInt32(_ what: String = "UInt32") throws(EtherNetIPError) -> UInt32 {
        try require(4, what)
        defer { position += 4 }
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[position + index]) << (8 * UInt32(index)) }
        return value
    }

    /// Reads a little-endian 64-bit unsigned integer.
    public mutating func readUInt64(_ what: String = "UInt64") throws(EtherNetIPError) -> UInt64 {
        try require(8, what)
        defer { position += 8 }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        return value
    }

    /// Reads `count` raw bytes.
    public mutating func readBytes(_ count: Int, _ what: String = "bytes") throws(EtherNetIPError) -> [UInt8] {
        try require(count, what)
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    /// Skips `count` bytes.
    public mutating func skip(_ count: Int, _ what: String = "padding") throws(EtherNetIPError) {
        try require(count, what)
        position += count
    }

    /// Reads every byte left.
    public mutating func readRest() -> [UInt8] {
        defer { position = end }
        return position < end ? Array(bytes[position..<end]) : []
    }
}
