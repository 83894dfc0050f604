internal import CRdKafka
import Synchronization

/// A producer's bookkeeping: the batch and slot of every message handed to librdkafka, the tasks
/// awaiting their batches' outcomes, and the close sequence.
///
/// librdkafka's delivery report callback reaches it through the configuration's opaque pointer
/// and the message's id in `msg_opaque`. The poll thread keeps it alive until the handle is
/// destroyed, so the callback never sees a freed ledger.
final class DeliveryLedger: Sendable {
    /// Where the producer is in its life.
    enum Phase {
        /// Accepting messages.
        case open
        /// Refusing new messages; the poll thread delivers what it can until `deadline`.
        case closing(deadline: ContinuousClock.Instant)
        /// The handle is destroyed.
        case closed
    }

    /// The outcomes of one `send` call, filled in as delivery reports arrive.
    private struct Batch {
        var outcomes: [KafkaDeliveryOutcome?]
        var remaining: Int
        var waiter: CheckedContinuation<[KafkaDeliveryOutcome], Never>?
    }

    private struct State {
        var phase = Phase.open
        var nextID: UInt = 1
        var nextBatch: UInt = 1
        var slots: [UInt: (batch: UInt, index: Int)] = [:]
        var batches: [UInt: Batch] = [:]
        var producing = 0
        var closeWaiters: [CheckedContinuation<Void, Never>] = []

        /// Records the outcome of one message and resumes its batch's waiter when it was the last.
        /// The batch is changed where it lies: a copy taken out of the dictionary would copy its
        /// outcomes with every report, which made a batch cost the square of its size.
        mutating func settle(batch id: UInt, index: Int, with outcome: KafkaDeliveryOutcome) {
            guard batches[id] != nil else { return }
            batches[id]?.outcomes[index] = outcome
            batches[id]?.remaining -= 1
            guard batches[id]?.remaining == 0, let waiter = batches[id]?.waiter, let batch = batches.removeValue(forKey: id) else { return }
            waiter.resume(returning: batch.outcomes.compactMap { $0 })
        }
    }

    private let state = Mutex(State())

    /// The current phase.
    var phase: Phase { state.withLock { $0.phase } }

    /// Whether messages are being handed to librdkafka or awaiting their delivery reports.
    var hasOutstanding: Bool { state.withLock { !$0.slots.isEmpty || $0.producing > 0 } }

    /// How many messages librdkafka has (or is being given) and has not reported on yet.
    var outstandingCount: Int { state.withLock { $0.slots.count } }

    /// Whether a `produce` call is under way (the handle must outlive it).
    var isProducing: Bool { state.withLock { $0.producing > 0 } }

    /// Opens a batch of `count` messages and returns its id.
    func openBatch(count: Int) -> UInt {
        state.withLock { state in
            let id = state.nextBatch
            state.nextBatch += 1
            state.batches[id] = Batch(outcomes: Array(repeating: nil, count: count), remaining: count)
            return id
        }
    }

    /// Reserves a message id for slot `index` of `batch` before handing the message to librdkafka,
    /// or settles the slot as failed and returns `nil` once the producer is closing.
    func beginProducing(batch: UInt, index: Int) -> UInt? {
        state.withLock { state in
            guard case .open = state.phase else {
                state.settle(batch: batch, index: index, with: .failure(Self.closedError))
                return nil
            }
            let id = state.nextID
            state.nextID += 1
            state.slots[id] = (batch, index)
            state.producing += 1
            return id
        }
    }

    /// Ends a `produce` call for message `id`: `refusal` is librdkafka's reason when it did not take
    /// the message. A full queue leaves the slot open for another try; other refusals settle it.
    func endProducing(id: UInt, refusal: KafkaError?) {
        state.withLock { state in
            state.producing -= 1
            guard let refusal, let slot = state.slots.removeValue(forKey: id) else { return }
            if refusal.code != .queueFull {
                state.settle(batch: slot.batch, index: slot.index, with: .failure(refusal))
            }
        }
    }

    /// Settles slot `index` of `batch` with `error` without producing it.
    func fail(batch: UInt, index: Int, with error: KafkaError) {
        state.withLock { $0.settle(batch: batch, index: index, with: .failure(error)) }
    }

    /// Records the delivery report of message `id`.
    func report(id: UInt, outcome: KafkaDeliveryOutcome) {
        state.withLock { state in
            guard let slot = state.slots.removeValue(forKey: id) else { return }
            state.settle(batch: slot.batch, index: slot.index, with: outcome)
        }
    }

    /// Waits until every message of `batch` has its outcome and returns them in order.
    func outcomes(of batch: UInt) async -> [KafkaDeliveryOutcome] {
        await withCheckedContinuation { continuation in
            state.withLock { state in
                guard let current = state.batches[batch], current.remaining > 0 else {
                    let current = state.batches.removeValue(forKey: batch)
                    continuation.resume(returning: current?.outcomes.compactMap { $0 } ?? [])
                    return
                }
                state.batches[batch]?.waiter = continuation
            }
        }
    }

    /// Asks for the producer to close by `deadline` and, when `waiter` is given, resumes it once the
    /// handle is destroyed. `wake` (which interrupts the poll thread's wait) runs while the handle
    /// is certainly alive.
    func requestClose(
        deadline: ContinuousClock.Instant,
        waiter: CheckedContinuation<Void, Never>?,
        wake: () -> Void
    ) {
        state.withLock { state in
            if case .closed = state.phase {
                waiter?.resume()
                return
            }
            if let waiter { state.closeWaiters.append(waiter) }
            if case .open = state.phase {
                state.phase = .closing(deadline: deadline)
                wake()
            }
        }
    }

    /// Fails every message still without an outcome, before the handle is destroyed.
    func failOutstanding() {
        state.withLock { state in
            for (_, slot) in state.slots.sorted(by: { $0.key < $1.key }) {
                state.settle(batch: slot.batch, index: slot.index, with: .failure(Self.closedError))
            }
            state.slots = [:]
        }
    }

    /// Marks the producer closed once its handle is destroyed and resumes everyone waiting for that.
    func markClosed() {
        let waiters = state.withLock { state in
            state.phase = .closed
            defer { state.closeWaiters = [] }
            return state.closeWaiters
        }
        for waiter in waiters {
            waiter.resume()
        }
    }

    /// The outcome of a message that could not be delivered because the producer closed first.
    static let closedError = KafkaError(code: .destroyed, message: "the producer was closed before the message was delivered")
}

/// librdkafka's delivery report callback (`dr_msg_cb`), called on the poll thread: settles the
/// message whose id is in `msg_opaque` in the ledger that the configuration's opaque points to.
func deliveryReport(
    handle: OpaquePointer?,
    message: UnsafePointer<rd_kafka_message_t>?,
    opaque: UnsafeMutableRawPointer?
) {
    guard let message, let opaque else { return }
    let ledger = Unmanaged<DeliveryLedger>.fromOpaque(opaque).takeUnretainedValue()
    let report = message.pointee
    let outcome: KafkaDeliveryOutcome
    if report.err == RD_KAFKA_RESP_ERR_NO_ERROR {
        let topic = report.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
        let offset = report.offset >= 0 ? report.offset : nil
        outcome = .success(KafkaDelivery(topic: topic, partition: report.partition, offset: offset))
    } else if report.err == RD_KAFKA_RESP_ERR__FATAL, let handle {
        var reason = [CChar](repeating: 0, count: 512)
        let cause = KafkaError.Code(rd_kafka_fatal_error(handle, &reason, reason.count))
        let text = String(nulTerminated: reason)
        outcome = .failure(KafkaError(code: .fatal, message: "fatal producer error \(cause.name): \(text)"))
    } else {
        outcome = .failure(KafkaError(code: KafkaError.Code(report.err)))
    }
    ledger.report(id: UInt(bitPattern: report._private), outcome: outcome)
}
