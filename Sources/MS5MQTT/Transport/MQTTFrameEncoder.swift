import NIOCore

/// NIO outbound handler: ``MQTTPacket`` values in, bytes out, using ``MQTTPacketEncoder``.
final class MQTTFrameEncoder: MessageToByteEncoder {
    typealias OutboundIn = MQTTPacket

    private let encoder: MQTTPacketEncoder

    init(encoder: MQTTPacketEncoder) {
        self.encoder = encoder
    }

    func encode(data: MQTTPacket, out: inout ByteBuffer) throws {
        try encoder.encode(data, into: &out)
    }
}
