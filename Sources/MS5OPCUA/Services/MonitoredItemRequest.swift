/// A value attribute to monitor within a subscription (Part 4, 7.21 and 7.22).
public struct MonitoredItemRequest: Sendable, Hashable {
    /// The node whose Value attribute is sampled.
    public var nodeID: NodeID
    /// Client-chosen handle returned with every notification of this item.
    public var clientHandle: UInt32
    /// Sampling interval in milliseconds (-1 uses the publishing interval).
    public var samplingInterval: Double
    /// Number of values the server queues between publishes.
    public var queueSize: UInt32
    /// Absolute deadband: changes smaller than this are not reported; `nil` reports every change.
    public var absoluteDeadband: Double?

    /// Creates a monitored item request.
    public init(nodeID: NodeID, clientHandle: UInt32, samplingInterval: Double, queueSize: UInt32 = 10, absoluteDeadband: Double? = nil) {
        self.nodeID = nodeID
        self.clientHandle = clientHandle
        self.samplingInterval = samplingInterval
        self.queueSize = queueSize
        self.absoluteDeadband = absoluteDeadband
    }
}

extension MonitoredItemRequest: UABinaryEncodable {
    /// DataChangeFilter (Part 4, 7.22.2): trigger StatusValue, deadband type Absolute.
    private struct DataChangeFilter: UABinaryEncodable {
        var deadband: Double
        func encode(to writer: inout UABinaryWriter) {
            writer.write(Int32(1)) // trigger: StatusValue
            writer.write(UInt32(1)) // deadbandType: Absolute
            writer.write(deadband)
        }
    }

    public func encode(to writer: inout UABinaryWriter) {
        writer.write(ReadValueID(nodeID: nodeID, attribute: .value))
        writer.write(Int32(2)) // monitoringMode: Reporting
        writer.write(clientHandle)
        writer.write(samplingInterval)
        writer.write(absoluteDeadband.map { ExtensionObject(typeID: 724, encoding: DataChangeFilter(deadband: $0)) } ?? .empty)
        writer.write(queueSize)
        writer.write(true) // discardOldest
    }
}
