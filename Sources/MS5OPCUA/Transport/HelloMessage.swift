/// The client's Hello message opening a UA TCP connection (Part 6, 7.1.2.3).
struct HelloMessage: Sendable, UABinaryEncodable {
    var protocolVersion: UInt32 = 0
    var receiveBufferSize: UInt32 = 65_536
    var sendBufferSize: UInt32 = 65_536
    var maxMessageSize: UInt32 = 0
    var maxChunkCount: UInt32 = 0
    var endpointURL: String

    func encode(to writer: inout UABinaryWriter) {
        writer.write(protocolVersion)
        writer.write(receiveBufferSize)
        writer.write(sendBufferSize)
        writer.write(maxMessageSize)
        writer.write(maxChunkCount)
        writer.write(endpointURL)
    }
}
