/// The server's Acknowledge message with the negotiated buffer sizes (Part 6, 7.1.2.4).
struct AcknowledgeMessage: Sendable, UABinaryDecodable {
    var protocolVersion: UInt32
    /// Largest chunk the server accepts from us.
    var receiveBufferSize: UInt32
    /// Largest chunk the server will send.
    var sendBufferSize: UInt32
    var maxMessageSize: UInt32
    var maxChunkCount: UInt32

    init(from reader: inout UABinaryReader) throws(UADecodingError) {
        protocolVersion = try reader.readUInt32()
        receiveBufferSize = try reader.readUInt32()
        sendBufferSize = try reader.readUInt32()
        maxMessageSize = try reader.readUInt32()
        maxChunkCount = try reader.readUInt32()
    }
}
