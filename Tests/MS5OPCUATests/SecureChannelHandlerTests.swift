import NIOCore
import NIOEmbedded
import Testing

@testable import MS5OPCUA

/// Chunking, reassembly and failure handling of the secure-channel framing, on an embedded channel.
@Suite("Secure channel framing")
struct SecureChannelHandlerTests {
    private func makeChannel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(UAFrameDecoder(maximumChunkSize: 1 << 20)))
        try channel.pipeline.syncOperations.addHandler(SecureChannelHandler())
        // Hello → Acknowledge (receive buffer 8192) → token 3 on channel 7.
        let acknowledged = channel.eventLoop.makePromise(of: AcknowledgeMessage.self)
        try channel.writeOutbound(UAOutbound.hello(HelloMessage(endpointURL: "opc.tcp://test"), acknowledged))
        var hello = try #require(try channel.readOutbound(as: ByteBuffer.self))
        #expect(hello.readString(length: 4) == "HELF")
        var ack = ByteBuffer()
        ack.writeBytes(Array("ACKF".utf8))
        for field in [UInt32(28), 0, 8192, 8192, 0, 0] { ack.writeInteger(field, endianness: .little) }
        try channel.writeInbound(ack)
        #expect(try acknowledged.futureResult.wait().receiveBufferSize == 8192)
        try channel.writeOutbound(UAOutbound.activateToken(channelID: 7, tokenID: 3))
        return channel
    }

    @Test func requestsBeforeTheChannelIsOpenAreRefused() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(SecureChannelHandler())
        let early = channel.eventLoop.makePromise(of: ByteBuffer.self)
        #expect(throws: OPCUAError.self) {
            try channel.writeOutbound(UAOutbound.request(type: .message, body: ByteBuffer(), timeout: .seconds(1), promise: early))
        }
        #expect(throws: OPCUAError.protocolViolation("cannot send MSG before the secure channel is open")) { try early.futureResult.wait() }
        _ = try channel.finish(acceptAlreadyClosed: true)
    }

    private func responseChunk(_ chunkType: Character, requestID: UInt32, sequence: UInt32, body: [UInt8]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeBytes(Array("MSG".utf8))
        buffer.writeInteger(chunkType.asciiValue!)
        buffer.writeInteger(UInt32(24 + body.count), endianness: .little)
        for field in [UInt32(7), 3, sequence, requestID] { buffer.writeInteger(field, endianness: .little) }
        buffer.writeBytes(body)
        return buffer
    }

    @Test func largeRequestIsSplitIntoChunksWithConsecutiveSequenceNumbers() throws {
        let channel = try makeChannel()
        let body = (0..<20_000).map { UInt8($0 % 251) }
        let promise = channel.eventLoop.makePromise(of: ByteBuffer.self)
        try channel.writeOutbound(UAOutbound.request(type: .message, body: ByteBuffer(bytes: body), timeout: .seconds(5), promise: promise))
        var reassembled: [UInt8] = []
        var chunkTypes = ""
        var sequenceNumbers: [UInt32] = []
        while var chunk = try channel.readOutbound(as: ByteBuffer.self) {
            #expect(chunk.readString(length: 3) == "MSG")
            chunkTypes.append(Character(UnicodeScalar(chunk.readInteger(as: UInt8.self)!)))
            let size = chunk.readInteger(endianness: .little, as: UInt32.self)!
            #expect(size <= 8192)
            #expect(chunk.readInteger(endianness: .little, as: UInt32.self) == 7)
            #expect(chunk.readInteger(endianness: .little, as: UInt32.self) == 3)
            sequenceNumbers.append(chunk.readInteger(endianness: .little, as: UInt32.self)!)
            #expect(chunk.readInteger(endianness: .little, as: UInt32.self) == 1)
            reassembled += chunk.readBytes(length: chunk.readableBytes)!
        }
        #expect(chunkTypes == "CCF")
        #expect(sequenceNumbers == [1, 2, 3])
        #expect(reassembled == body)

        try channel.writeInbound(responseChunk("C", requestID: 1, sequence: 1, body: [1, 2]))
        try channel.writeInbound(responseChunk("F", requestID: 1, sequence: 2, body: [3]))
        let response = try promise.futureResult.wait()
        #expect(Array(response.readableBytesView) == [1, 2, 3])
        _ = try channel.finish(acceptAlreadyClosed: true)
    }

    @Test func abortedResponseFailsOnlyThatRequest() throws {
        let channel = try makeChannel()
        let aborted = channel.eventLoop.makePromise(of: ByteBuffer.self)
        let other = channel.eventLoop.makePromise(of: ByteBuffer.self)
        try channel.writeOutbound(UAOutbound.request(type: .message, body: ByteBuffer(bytes: [0]), timeout: .seconds(5), promise: aborted))
        try channel.writeOutbound(UAOutbound.request(type: .message, body: ByteBuffer(bytes: [0]), timeout: .seconds(5), promise: other))
        var abortBody = UABinaryWriter()
        abortBody.write(StatusCode.badTooManyOperations)
        abortBody.write("too big")
        try channel.writeInbound(responseChunk("A", requestID: 1, sequence: 1, body: Array(abortBody.buffer.readableBytesView)))
        #expect(throws: OPCUAError.serverError(.badTooManyOperations, reason: "message aborted: too big")) {
            try aborted.futureResult.wait()
        }
        try channel.close().wait()
        #expect(throws: OPCUAError.connectionClosed) { try other.futureResult.wait() }
    }

    @Test func serverErrorMessageFailsPendingRequests() throws {
        let channel = try makeChannel()
        let pending = channel.eventLoop.makePromise(of: ByteBuffer.self)
        try channel.writeOutbound(UAOutbound.request(type: .message, body: ByteBuffer(bytes: [0]), timeout: .seconds(5), promise: pending))
        var error = ByteBuffer()
        error.writeBytes(Array("ERRF".utf8))
        error.writeInteger(UInt32(8 + 4 + 4 + 2), endianness: .little)
        error.writeInteger(StatusCode.badSecureChannelIdInvalid.rawValue, endianness: .little)
        error.writeInteger(UInt32(2), endianness: .little)
        error.writeBytes(Array("no".utf8))
        _ = try? channel.writeInbound(error)
        #expect(throws: OPCUAError.serverError(.badSecureChannelIdInvalid, reason: "no")) { try pending.futureResult.wait() }
    }

    @Test func requestTimesOutWithBadTimeout() throws {
        let channel = try makeChannel()
        let pending = channel.eventLoop.makePromise(of: ByteBuffer.self)
        try channel.writeOutbound(UAOutbound.request(type: .message, body: ByteBuffer(bytes: [0]), timeout: .milliseconds(10), promise: pending))
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(20))
        #expect(throws: OPCUAError.timeout(operation: "request 1")) { try pending.futureResult.wait() }
        #expect(OPCUAError.timeout(operation: "Read").statusCode == .badTimeout)
        _ = try channel.finish(acceptAlreadyClosed: true)
    }
}
