import Foundation

/// A value with its status and timestamps (Part 4, 7.11; Part 6, 5.2.2.17).
public struct DataValue: Sendable, Hashable, UABinaryCodable {
    /// The value; `.null` when the server sent none.
    public var value: OPCUAValue
    /// The status; Good when the server sent none.
    public var status: StatusCode
    /// When the data source produced the value.
    public var sourceTimestamp: Date?
    /// When the server received or produced the value.
    public var serverTimestamp: Date?

    /// Creates a data value.
    public init(value: OPCUAValue, status: StatusCode = .good, sourceTimestamp: Date? = nil, serverTimestamp: Date? = nil) {
        self.value = value
        self.status = status
        self.sourceTimestamp = sourceTimestamp
        self.serverTimestamp = serverTimestamp
    }

    public func encode(to writer: inout UABinaryWriter) {
        var mask: UInt8 = 0
        if value != .null { mask |= 0x01 }
        if status != .good { mask |= 0x02 }
        if sourceTimestamp != nil { mask |= 0x04 }
        if serverTimestamp != nil { mask |= 0x08 }
        writer.write(mask)
        if value != .null { writer.write(value) }
        if status != .good { writer.write(status) }
        if let sourceTimestamp { writer.write(sourceTimestamp) }
        if let serverTimestamp { writer.write(serverTimestamp) }
    }

    public init(from reader: inout UABinaryReader) throws(UADecodingError) {
        let mask = try reader.readUInt8()
        value = mask & 0x01 != 0 ? try reader.read() : .null
        status = mask & 0x02 != 0 ? try reader.read() : .good
        sourceTimestamp = mask & 0x04 != 0 ? try reader.readDate() : nil
        if mask & 0x10 != 0 { _ = try reader.readUInt16() }
        serverTimestamp = mask & 0x08 != 0 ? try reader.readDate() : nil
        if mask & 0x20 != 0 { _ = try reader.readUInt16() }
    }
}
