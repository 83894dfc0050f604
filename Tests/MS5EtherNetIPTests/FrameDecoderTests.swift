import MS5EtherNetIP
import NIOCore
import NIOEmbedded
import Testing

/// The encapsulation framer on byte streams split in every way.
@Suite struct FrameDecoderTests {
    private func packets() -> [EncapsulationPacket] {
        [
            EncapsulationPacket(command: .registerSession, senderContext: 1, data: [1, 0, 0, 0]),
            EncapsulationPacket(command: .sendRRData, sessionHandle: 9, senderContext: 2, data: Array(0..<200)),
            EncapsulationPacket(command: .listIdentity, senderContext: 3),
        ]
    }

    @Test func oneByteAtATime() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(EncapsulationFrameDecoder()))
        let bytes = packets().flatMap { $0.encoded() }
        for byte in bytes {
            try channel.writeInbound(ByteBuffer(bytes: [byte]))
        }
        for expected in packets() {
            #expect(try channel.readInbound(as: EncapsulationPacket.self) == expected)
        }
        #expect(try channel.readInbound(as: EncapsulationPacket.self) == nil)
        #expect(try channel.finish().isClean)
    }

    @Test func largeBatchAndOddSplits() throws {
        let bytes = Array(repeating: packets(), count: 50).flatMap { $0 }.flatMap { $0.encoded() }
        for chunk in [bytes.count, 7, 23, 24, 25, 1000] {
            let channel = EmbeddedChannel(handler: ByteToMessageHandler(EncapsulationFrameDecoder()))
            for start in stride(from: 0, to: bytes.count, by: chunk) {
                try channel.writeInbound(ByteBuffer(bytes: bytes[start..<min(start + chunk, bytes.count)]))
            }
            var count = 0
            while let packet = try channel.readInbound(as: EncapsulationPacket.self) {
                #expect(packet == packets()[count % 3])
                count += 1
            }
            #expect(count == 150)
            _ = try channel.finish()
        }
    }

    @Test func truncatedStreamIsAnError() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(EncapsulationFrameDecoder()))
        try channel.writeInbound(ByteBuffer(bytes: packets()[1].encoded().prefix(30)))
        #expect(throws: (any Error).self) { try channel.finish() }
    }
}
