/// The server's answer for one created monitored item (Part 4, 5.12.2).
public struct MonitoredItemResult: Sendable, Hashable, UABinaryDecodable {
    /// Whether the item was created.
    public var status: StatusCode
    /// Server-assigned id of the item.
    public var monitoredItemID: UInt32
    /// Sampling interval the server will use, in milliseconds.
    public var revisedSamplingInterval: Double
    /// Queue size the server will use.
    public var revisedQueueSize: UInt32

    public init(from reader: inout UABinaryReader) throws(UADecodingError) {
        status = try reader.read()
        monitoredItemID = try reader.readUInt32()
        revisedSamplingInterval = try reader.readDouble()
        revisedQueueSize = try reader.readUInt32()
        _ = try reader.read(ExtensionObject.self) // filterResult
    }
}
