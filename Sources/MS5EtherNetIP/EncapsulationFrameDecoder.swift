import NIOCore

/// Frames a TCP byte stream into ``EncapsulationPacket``s, however the bytes are split across reads.
public struct EncapsulationFrameDecoder: ByteToMessageDecoder, Sendable {
    /// Decoded packets are passed on as values.
    public typealias InboundOut = EncapsulationPacket

    /// Creates a decoder.
    public init() {}

    /// Decodes one packet if the buffer holds a whole one.
    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let packet = try Self.takePacket(from: &buffer) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(packet))
        return .continue
    }

    /// Decodes the remaining packets when the channel closes; a trailing partial packet is an error.
    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        if buffer.readableBytes > 0 {
            let leftover = buffer.readableBytes
            buffer.moveReaderIndex(forwardBy: leftover)
            throw EtherNetIPError.malformed("connection closed inside a packet (\(leftover) bytes left)")
        }
        return .needMoreData
    }

    /// Removes one complete packet from `buffer`, or returns nil (consuming nothing) when more bytes are needed.
    public static func takePacket(from buffer: inout ByteBuffer) throws(EtherNetIPError) -> EncapsulationPacket? {
        guard buffer.readableBytes >= EncapsulationPacket.headerSize,
              let length = buffer.getInteger(at: buffer.readerIndex + 2, endianness: .little, as: UInt16.self)
        else { return nil }
        let total = EncapsulationPacket.headerSize + Int(length)
        guard buffer.readableBytes >= total, let bytes = buffer.readBytes(length: total) else { return nil }
        return try EncapsulationPacket.decode(bytes)
    }
}

/// Serializes outbound ``EncapsulationPacket``s.
public struct EncapsulationFrameEncoder: MessageToByteEncoder, Sendable {
    /// Packets are accepted as values.
    public typealias OutboundIn = EncapsulationPacket

    /// Creates an encoder.
    public init() {}

    /// Writes the packet's bytes.
    public func encode(data: EncapsulationPacket, out: inout ByteBuffer) throws {
        out.writeBytes(data.encoded())
    }
}
