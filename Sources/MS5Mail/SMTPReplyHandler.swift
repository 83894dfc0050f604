import NIOCore

/// Pairs each outgoing ``SMTPRequest`` with the next complete reply from the server.
///
/// Replies that arrive before anyone asks (the greeting) are kept until a request claims them.
/// Once the connection fails or closes, every waiting and every later request fails with the same error.
final class SMTPReplyHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    private var parser = SMTPReplyParser()
    private var waiting = CircularBuffer<EventLoopPromise<SMTPReply>>()
    private var unclaimed = CircularBuffer<SMTPReply>()
    /// The first error that ended the connection, if it has ended.
    private(set) var failure: SMTPError?

    /// `true` if bytes or replies have arrived that no request has claimed yet.
    var hasBufferedInput: Bool { parser.hasBufferedInput || !unclaimed.isEmpty }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        waiting.append(request.reply)
        deliver()
        if let failure {
            failWaiting()
            promise?.fail(failure)
        } else if let bytes = request.bytes {
            context.write(wrapOutboundOut(bytes), promise: promise)
        } else {
            promise?.succeed()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        parser.append(buffer.readableBytesView)
        do {
            while let reply = try parser.nextReply() {
                unclaimed.append(reply)
            }
            deliver()
        } catch {
            fail(with: error)
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(with: .connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(with: SMTPError(channelError: error))
        context.close(promise: nil)
    }

    private func deliver() {
        while !waiting.isEmpty && !unclaimed.isEmpty {
            waiting.removeFirst().succeed(unclaimed.removeFirst())
        }
    }

    private func fail(with error: SMTPError) {
        if failure == nil {
            failure = error
        }
        failWaiting()
    }

    private func failWaiting() {
        guard let failure else { return }
        while let promise = waiting.popFirst() {
            promise.fail(failure)
        }
    }
}
