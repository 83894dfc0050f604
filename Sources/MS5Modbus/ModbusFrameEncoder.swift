import NIOCore

/// Writes outbound Modbus TCP frames as bytes with `ModbusFrameCodec`.
struct ModbusFrameEncoder: MessageToByteEncoder {
    typealias OutboundIn = ModbusFrame

    func encode(data: ModbusFrame, out: inout ByteBuffer) {
        ModbusFrameCodec.encode(data, into: &out)
    }
}
