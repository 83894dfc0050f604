import NIOCore

/// A node id that may also name its namespace by URI and its server by index (Part 6, 5.2.2.10).
public struct ExpandedNodeID: Sendable, Hashable, CustomStringConvertible, UABinaryCodable {
    /// The node id (namespace index is meaningful only when `namespaceURI` is nil).
    public var nodeID: NodeID
    /// Namespace URI, when the server sent one instead of an index.
    public var namespaceURI: String?
    /// Index of the server holding the node; 0 for the local server.
    public var serverIndex: UInt32

    /// Creates an expanded node id for a local node.
    public init(_ nodeID: NodeID, namespaceURI: String? = nil, serverIndex: UInt32 = 0) {
        self.nodeID = nodeID
        self.namespaceURI = namespaceURI
        self.serverIndex = serverIndex
    }

    public var description: String {
        var text = nodeID.description
        if let namespaceURI { text = "nsu=\(namespaceURI);" + text }
        if serverIndex != 0 { text = "svr=\(serverIndex);" + text }
        return text
    }

    public func encode(to writer: inout UABinaryWriter) {
        var nodeWriter = UABinaryWriter()
        nodeID.encode(to: &nodeWriter)
        var flags = nodeWriter.buffer.readInteger(as: UInt8.self) ?? 0
        if namespaceURI != nil { flags |= 0x80 }
        if serverIndex != 0 { flags |= 0x40 }
        writer.write(flags)
        writer.buffer.writeBuffer(&nodeWriter.buffer)
        if let namespaceURI { writer.write(namespaceURI) }
        if serverIndex != 0 { writer.write(serverIndex) }
    }

    public init(from reader: inout UABinaryReader) throws(UADecodingError) {
        let encoding = try reader.readUInt8()
        nodeID = try NodeID(encodingByte: encoding & 0x3F, from: &reader)
        namespaceURI = encoding & 0x80 != 0 ? try reader.readString() : nil
        serverIndex = encoding & 0x40 != 0 ? try reader.readUInt32() : 0
    }
}
