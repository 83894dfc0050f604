import NIOCore

/// NIO inbound handler: bytes in, ``MQTTPacket`` values out, using ``MQTTPacketDecoder``.
final class MQTTFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = MQTTPacket

    private let decoder: MQTTPacketDecoder

    init(decoder: MQTTPacketDecoder) {
        self.decoder = decoder
    }

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let packet = try decoder.decode(from: &buffer) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(packet))
        return .continue
    }
}
