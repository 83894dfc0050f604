/// A data change of one monitored item (Part 4, 7.25.2).
public struct MonitoredItemNotification: Sendable, Hashable, UABinaryDecodable {
    /// The client handle given when the item was created.
    public var clientHandle: UInt32
    /// The new value with status and timestamps.
    public var value: DataValue

    public init(from reader: inout UABinaryReader) throws(UADecodingError) {
        clientHandle = try reader.readUInt32()
        value = try reader.read()
    }
}
