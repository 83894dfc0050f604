import NIOCore

/// A packet to send, the key its reply will carry, and where to deliver that reply.
struct OutboundExchange {
    /// Packet to write.
    var packet: EncapsulationPacket
    /// Reply correlation key; nil when no reply is expected.
    var key: SessionStateMachine.CorrelationKey?
    /// Completed with the reply, or failed on timeout or disconnect.
    var promise: EventLoopPromise<EncapsulationPacket>?
    /// How long to wait for the reply.
    var timeout: TimeAmount
}

/// Matches replies to outstanding requests by correlation key and fails them on timeout or disconnect.
final class ClientChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = EncapsulationPacket
    typealias OutboundIn = OutboundExchange
    typealias OutboundOut = EncapsulationPacket

    private struct Pending {
        var promise: EventLoopPromise<EncapsulationPacket>
        var timeout: Scheduled<Void>
    }

    private var pending: [SessionStateMachine.CorrelationKey: Pending] = [:]
    private var closedError: EtherNetIPError?

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        if let closedError {
            exchange.promise?.fail(closedError)
            promise?.fail(closedError)
            return
        }
        if let key = exchange.key, let replyPromise = exchange.promise {
            let timeout = context.eventLoop.assumeIsolated().scheduleTask(in: exchange.timeout) { [self] in
                if let expired = pending.removeValue(forKey: key) {
                    expired.promise.fail(EtherNetIPError.timeout("no reply within \(exchange.timeout.nanoseconds / 1_000_000) ms"))
                }
            }
            pending[key]?.promise.fail(EtherNetIPError.malformed("duplicate correlation key"))
            pending[key] = Pending(promise: replyPromise, timeout: timeout)
        }
        context.writeAndFlush(wrapOutboundOut(exchange.packet), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let packet = unwrapInboundIn(data)
        guard let key = try? SessionStateMachine.correlationKey(of: packet), let entry = pending.removeValue(forKey: key) else { return }
        entry.timeout.cancel()
        entry.promise.succeed(packet)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(error as? EtherNetIPError ?? .connectionClosed("\(error)"))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(.connectionClosed("peer closed the connection"))
        context.fireChannelInactive()
    }

    private func failAll(_ error: EtherNetIPError) {
        if closedError == nil { closedError = error }
        let entries = pending.values
        pending.removeAll()
        for entry in entries {
            entry.timeout.cancel()
            entry.promise.fail(error)
        }
    }
}
