import NIOCore

/// Splits the TCP byte stream into whole message chunks using the size in each 8-byte header.
struct UAFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    /// Largest chunk accepted; bigger sizes mean a corrupt stream.
    let maximumChunkSize: Int

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard buffer.readableBytes >= 8,
              let size = buffer.getInteger(at: buffer.readerIndex + 4, endianness: .little, as: UInt32.self)
        else { return .needMoreData }
        guard size >= 8, Int(size) <= maximumChunkSize else {
            throw OPCUAError.protocolViolation("chunk size \(size) outside 8...\(maximumChunkSize)")
        }
        guard let frame = buffer.readSlice(length: Int(size)) else { return .needMoreData }
        context.fireChannelRead(NIOAny(frame))
        return .continue
    }
}
