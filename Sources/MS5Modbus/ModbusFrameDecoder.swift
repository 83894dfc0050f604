import NIOCore

/// Splits the inbound byte stream into Modbus TCP frames with `ModbusFrameCodec`.
struct ModbusFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ModbusFrame

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = try ModbusFrameCodec.decode(from: &buffer) else {
            return .needMoreData
        }
        context.fireChannelRead(wrapInboundOut(frame))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}
