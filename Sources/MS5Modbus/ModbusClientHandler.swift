import NIOCore

/// Assigns transaction ids, matches responses to requests, and fails requests on timeout or close.
///
/// At most `maxInFlight` requests are on the wire at once, each with its own transaction id
/// and timer (started when it is sent); further requests wait in order.
final class ModbusClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ModbusFrame
    typealias OutboundIn = ModbusPendingRequest
    typealias OutboundOut = ModbusFrame

    private struct InFlight {
        var pending: ModbusPendingRequest
        var timer: Scheduled<Void>
    }

    private let maxInFlight: Int
    private var inFlight: [UInt16: InFlight] = [:]
    private var waiting: [(pending: ModbusPendingRequest, writePromise: EventLoopPromise<Void>?)] = []
    private var lastTransactionId: UInt16 = 0
    private var isClosed = false
    private var context: ChannelHandlerContext?

    init(maxInFlight: Int) {
        self.maxInFlight = max(1, maxInFlight)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        failAll(with: .connectionClosed)
        self.context = nil
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let pending = unwrapOutboundIn(data)
        guard !isClosed else {
            pending.promise.fail(ModbusError.connectionClosed)
            promise?.fail(ModbusError.connectionClosed)
            return
        }
        if inFlight.count < maxInFlight {
            transmit(pending, writePromise: promise, context: context)
        } else {
            waiting.append((pending, promise))
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        guard let entry = inFlight[frame.transactionId] else {
            return
        }
        guard frame.unitId == entry.pending.unitId else {
            complete(frame.transactionId, with: .failure(ModbusError.malformedResponse(
                "response for unit \(frame.unitId) to a request for unit \(entry.pending.unitId)"
            )))
            return
        }
        do {
            let response = try ModbusResponse.decode(pdu: frame.pdu, for: entry.pending.request)
            complete(frame.transactionId, with: .success(response))
        } catch {
            complete(frame.transactionId, with: .failure(error))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(with: .connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(with: (error as? ModbusError) ?? .connectionClosed)
        context.close(promise: nil)
    }

    private func transmit(_ pending: ModbusPendingRequest, writePromise: EventLoopPromise<Void>?, context: ChannelHandlerContext) {
        let transactionId = nextTransactionId()
        let timer = context.eventLoop.assumeIsolated().scheduleTask(in: pending.timeout) {
            self.complete(transactionId, with: .failure(ModbusError.timeout))
        }
        inFlight[transactionId] = InFlight(pending: pending, timer: timer)
        var pdu = context.channel.allocator.buffer(capacity: 16)
        pending.request.encode(into: &pdu)
        let frame = ModbusFrame(transactionId: transactionId, unitId: pending.unitId, pdu: pdu)
        context.write(wrapOutboundOut(frame), promise: writePromise)
    }

    private func complete(_ transactionId: UInt16, with result: Result<ModbusResponse, any Error>) {
        guard let entry = inFlight.removeValue(forKey: transactionId) else {
            return
        }
        entry.timer.cancel()
        entry.pending.promise.completeWith(result)
        if !isClosed, !waiting.isEmpty, let context {
            let next = waiting.removeFirst()
            transmit(next.pending, writePromise: next.writePromise, context: context)
            context.flush()
        }
    }

    private func failAll(with error: ModbusError) {
        isClosed = true
        let entries = inFlight
        let queued = waiting
        inFlight.removeAll()
        waiting.removeAll()
        for entry in entries.values {
            entry.timer.cancel()
            entry.pending.promise.fail(error)
        }
        for entry in queued {
            entry.pending.promise.fail(error)
            entry.writePromise?.fail(error)
        }
    }

    private func nextTransactionId() -> UInt16 {
        repeat {
            lastTransactionId &+= 1
        } while inFlight[lastTransactionId] != nil
        return lastTransactionId
    }
}
