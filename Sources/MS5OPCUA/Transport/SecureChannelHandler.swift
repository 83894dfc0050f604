import NIOCore

/// Frames service requests into UA Secure Conversation chunks (SecurityPolicy None) and matches
/// response chunks to their requests by request id, reassembling multi-chunk responses.
///
/// All state lives on the channel's event loop. Requests are answered through their promises;
/// when the connection ends every outstanding promise fails with ``OPCUAError/connectionClosed``.
final class SecureChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = UAOutbound
    typealias OutboundOut = ByteBuffer

    private struct Pending {
        var promise: EventLoopPromise<ByteBuffer>
        var timeout: Scheduled<Void>?
        var body: ByteBuffer?
    }

    static let policyNoneURI = "http://opcfoundation.org/UA/SecurityPolicy#None"
    /// Bytes of a symmetric chunk before the body: header, channel id, token id, sequence header.
    private static let symmetricOverhead = 24

    private var state = SecureChannelState.connected
    private var nextSequenceNumber: UInt32 = 1
    private var lastReceivedSequenceNumber: UInt32?
    private var nextRequestID: UInt32 = 1
    private var maxChunkSize = 8_192
    private var pending: [UInt32: Pending] = [:]

    // MARK: Outbound

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case let .hello(hello, ackPromise):
            guard case .connected = state else {
                ackPromise.fail(closedError ?? .protocolViolation("Hello sent twice"))
                promise?.fail(closedError ?? .protocolViolation("Hello sent twice"))
                return
            }
            state = .awaitingAcknowledge(ackPromise)
            var writer = UABinaryWriter(buffer: context.channel.allocator.buffer(capacity: 64))
            hello.encode(to: &writer)
            context.write(wrapOutboundOut(Self.frame(.hello, chunk: "F", body: writer.buffer, allocator: context.channel.allocator)), promise: promise)
        case let .request(type, body, timeout, responsePromise):
            send(type: type, body: body, timeout: timeout, responsePromise: responsePromise, context: context, promise: promise)
        case let .activateToken(channelID, tokenID):
            switch state {
            case .acknowledged, .open:
                state = .open(channelID: channelID, tokenID: tokenID)
                promise?.succeed()
            default:
                promise?.fail(closedError ?? .protocolViolation("security token activated before Acknowledge"))
            }
        }
    }

    /// The error that closed the channel, if it is closed.
    private var closedError: OPCUAError? {
        if case let .closed(error) = state { error } else { nil }
    }

    /// Channel and token ids for a message of `type`, or the error that forbids sending it now.
    private func securityIDs(for type: UAMessageType) -> Result<(channelID: UInt32, tokenID: UInt32), OPCUAError> {
        switch state {
        case let .closed(error):
            .failure(error)
        case .acknowledged where type == .open:
            .success((0, 0))
        case let .open(channelID, tokenID):
            .success((channelID, tokenID))
        default:
            .failure(.protocolViolation("cannot send \(type.rawValue) before the secure channel is open"))
        }
    }

    private func send(
        type: UAMessageType, body: ByteBuffer, timeout: TimeAmount,
        responsePromise: EventLoopPromise<ByteBuffer>?, context: ChannelHandlerContext, promise: EventLoopPromise<Void>?
    ) {
        let ids: (channelID: UInt32, tokenID: UInt32)
        switch securityIDs(for: type) {
        case let .success(value):
            ids = value
        case let .failure(error):
            responsePromise?.fail(error)
            promise?.fail(error)
            return
        }
        let requestID = nextRequestID
        nextRequestID = nextRequestID == UInt32.max ? 1 : nextRequestID + 1
        if let responsePromise {
            let scheduled = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
                if let timedOut = pending.removeValue(forKey: requestID) {
                    timedOut.promise.fail(OPCUAError.timeout(operation: "request \(requestID)"))
                }
            }
            pending[requestID] = Pending(promise: responsePromise, timeout: scheduled, body: nil)
        }
        var remaining = body
        let maxBody = type == .open ? Int.max : max(maxChunkSize - Self.symmetricOverhead, 1)
        repeat {
            let part = remaining.readSlice(length: min(maxBody, remaining.readableBytes))!
            let isFinal = remaining.readableBytes == 0
            var chunk = context.channel.allocator.buffer(capacity: part.readableBytes + 96)
            var writer = UABinaryWriter(buffer: chunk)
            writer.write(ids.channelID)
            if type == .open {
                writer.write(Self.policyNoneURI)
                writer.writeByteString(nil)
                writer.writeByteString(nil)
            } else {
                writer.write(ids.tokenID)
            }
            writer.write(takeSequenceNumber())
            writer.write(requestID)
            chunk = writer.buffer
            var partCopy = part
            chunk.writeBuffer(&partCopy)
            let framed = Self.frame(type, chunk: isFinal ? "F" : "C", body: chunk, allocator: context.channel.allocator)
            context.write(wrapOutboundOut(framed), promise: isFinal ? promise : nil)
        } while remaining.readableBytes > 0
    }

    private func takeSequenceNumber() -> UInt32 {
        let number = nextSequenceNumber
        // Part 6, 6.7.2.4: wrap before 4294966271 back to a value below 1024.
        nextSequenceNumber = number >= 4_294_966_270 ? 1 : number + 1
        return number
    }

    private static func frame(_ type: UAMessageType, chunk: Character, body: ByteBuffer, allocator: ByteBufferAllocator) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: body.readableBytes + 8)
        buffer.writeBytes(type.bytes)
        buffer.writeInteger(chunk.asciiValue!)
        buffer.writeInteger(UInt32(body.readableBytes + 8), endianness: .little)
        var body = body
        buffer.writeBuffer(&body)
        return buffer
    }

    // MARK: Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var frame = unwrapInboundIn(data)
        do {
            try handle(frame: &frame, context: context)
        } catch let error as OPCUAError {
            fail(with: error, context: context)
        } catch let error as UADecodingError {
            fail(with: .decoding(error), context: context)
        } catch {
            fail(with: .protocolViolation("\(error)"), context: context)
        }
    }

    private func handle(frame: inout ByteBuffer, context: ChannelHandlerContext) throws {
        guard let typeText = frame.readString(length: 3), let chunkType = frame.readInteger(as: UInt8.self),
              frame.readInteger(endianness: .little, as: UInt32.self) != nil
        else { throw OPCUAError.protocolViolation("short chunk header") }
        guard let type = UAMessageType(rawValue: typeText) else {
            throw OPCUAError.protocolViolation("unknown message type '\(typeText)'")
        }
        var reader = UABinaryReader(buffer: frame)
        switch type {
        case .acknowledge:
            guard case let .awaitingAcknowledge(ackPromise) = state else {
                throw OPCUAError.protocolViolation("unexpected Acknowledge")
            }
            let ack = try AcknowledgeMessage(from: &reader)
            maxChunkSize = Int(ack.receiveBufferSize)
            state = .acknowledged
            ackPromise.succeed(ack)
        case .error:
            let code = try StatusCode(from: &reader)
            let reason = try reader.readString() ?? ""
            throw OPCUAError.serverError(code, reason: reason)
        case .open, .message, .close:
            _ = try reader.readUInt32()
            if type == .open {
                _ = try reader.readString()
                _ = try reader.readByteString()
                _ = try reader.readByteString()
            } else {
                _ = try reader.readUInt32()
            }
            try checkSequence(try reader.readUInt32())
            let requestID = try reader.readUInt32()
            try received(chunkType: chunkType, requestID: requestID, body: reader.buffer)
        case .hello:
            throw OPCUAError.protocolViolation("server sent Hello")
        }
    }

    /// Part 6, 6.7.2.4: each chunk's sequence number is one more than the previous (or wraps to below 1024).
    private func checkSequence(_ number: UInt32) throws {
        defer { lastReceivedSequenceNumber = number }
        guard let last = lastReceivedSequenceNumber, number != last &+ 1 else { return }
        guard last > 4_294_966_271 - 1024, number < 1024 else {
            throw OPCUAError.protocolViolation("sequence number \(number) does not follow \(last)")
        }
    }

    private func received(chunkType: UInt8, requestID: UInt32, body: ByteBuffer) throws {
        guard var entry = pending[requestID] else { return }
        switch chunkType {
        case UInt8(ascii: "C"):
            var part = body
            if entry.body == nil { entry.body = part } else { entry.body!.writeBuffer(&part) }
            pending[requestID] = entry
        case UInt8(ascii: "F"):
            pending.removeValue(forKey: requestID)
            entry.timeout?.cancel()
            var part = body
            if entry.body == nil { entry.body = part } else { entry.body!.writeBuffer(&part) }
            entry.promise.succeed(entry.body!)
        case UInt8(ascii: "A"):
            pending.removeValue(forKey: requestID)
            entry.timeout?.cancel()
            var reader = UABinaryReader(buffer: body)
            let code = try StatusCode(from: &reader)
            let reason = try reader.readString() ?? ""
            entry.promise.fail(OPCUAError.serverError(code, reason: "message aborted: \(reason)"))
        default:
            throw OPCUAError.protocolViolation("unknown chunk type \(chunkType)")
        }
    }

    // MARK: Lifecycle

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(with: (error as? OPCUAError) ?? .protocolViolation("\(error)"), context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(with: closedError ?? .connectionClosed)
        context.fireChannelInactive()
    }

    private func fail(with error: OPCUAError, context: ChannelHandlerContext) {
        failAll(with: error)
        context.close(promise: nil)
    }

    /// Moves to `closed` (keeping an earlier error) and fails every waiting promise.
    private func failAll(with error: OPCUAError) {
        let previous = state
        let error = closedError ?? error
        state = .closed(error)
        if case let .awaitingAcknowledge(ackPromise) = previous {
            ackPromise.fail(error)
        }
        let entries = pending
        pending.removeAll()
        for entry in entries.values {
            entry.timeout?.cancel()
            entry.promise.fail(error)
        }
    }
}
