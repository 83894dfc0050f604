internal import CRdKafka
import Foundation

/// An idempotent Kafka producer: every message is written once, in order per partition, even
/// when librdkafka retries it (`enable.idempotence=true`, which implies `acks=all`).
///
/// ``send(_:)`` hands messages to librdkafka and waits for one outcome per message, taken from
/// librdkafka's delivery reports. The reports are served on a dedicated thread that polls the
/// client until ``close(timeout:)``, so no Swift concurrency thread ever blocks in librdkafka.
/// Dropping the last reference without closing closes the producer in the background.
public final class KafkaProducer: Sendable {
    private let handle: RdKafkaHandle
    private let ledger: DeliveryLedger

    /// Creates the producer and starts its poll thread.
    ///
    /// `message.timeout.ms` and `enable.idempotence=true` are set after the configuration's extra
    /// properties, which cannot override them.
    /// - Parameters:
    ///   - configuration: the brokers and security; its `acks` must stay `.all`.
    ///   - messageTimeout: how long librdkafka may try to deliver a message (`message.timeout.ms`)
    ///     before its outcome is a `_MSG_TIMED_OUT` failure; `.zero` means no limit.
    /// - Throws: ``KafkaError`` naming a property librdkafka rejects.
    public init(configuration: KafkaConfiguration, messageTimeout: Duration = .seconds(30)) throws {
        let ledger = DeliveryLedger()
        let properties = configuration.librdkafkaProperties(forProducer: true) + [
            ("message.timeout.ms", String(messageTimeout.clampedMilliseconds)),
            ("enable.idempotence", "true"),
        ]
        handle = try RdKafkaHandle.make(RD_KAFKA_PRODUCER, properties: properties) { conf in
            rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(ledger).toOpaque())
            rd_kafka_conf_set_dr_msg_cb(conf, deliveryReport)
        }
        self.ledger = ledger
        let loop = ProducerPollLoop(handle: handle, ledger: ledger)
        let thread = Thread { loop.run() }
        thread.name = "ms5-kafka-producer"
        thread.start()
    }

    deinit {
        requestClose(within: .seconds(10), waiter: nil)
    }

    /// Produces `messages` in order and waits for the outcome of each.
    ///
    /// When librdkafka's local queue is full the call waits for room and tries again; a message
    /// fails with ``KafkaError/Code/queueFull`` only if the calling task is cancelled meanwhile.
    /// Messages already handed over are delivered (or time out) whatever happens to the task.
    /// - Returns: one outcome per message, in the order of `messages`.
    public func send(_ messages: [KafkaMessage]) async -> [KafkaDeliveryOutcome] {
        guard !messages.isEmpty else { return [] }
        let batch = ledger.openBatch(count: messages.count)
        for (index, message) in messages.enumerated() {
            await enqueue(message, batch: batch, index: index)
        }
        return await ledger.outcomes(of: batch)
    }

    /// How many messages have been handed to librdkafka and await their outcome.
    public var outstandingMessages: Int { ledger.outstandingCount }

    /// Stops accepting messages, waits up to `timeout` for the outstanding ones to be delivered,
    /// fails the rest with ``KafkaError/Code/destroyed``, and destroys the client. Returns once the
    /// client is destroyed; calling it again returns at once.
    public func close(timeout: Duration = .seconds(10)) async {
        await withCheckedContinuation { continuation in
            requestClose(within: timeout, waiter: continuation)
        }
    }

    private func requestClose(within timeout: Duration, waiter: CheckedContinuation<Void, Never>?) {
        let handle = handle
        ledger.requestClose(deadline: .now + timeout, waiter: waiter) {
            rd_kafka_yield(handle.pointer)
        }
    }

    /// Hands one message to librdkafka, retrying while its queue is full.
    private func enqueue(_ message: KafkaMessage, batch: UInt, index: Int) async {
        while let id = ledger.beginProducing(batch: batch, index: index) {
            let refusal = handle.produce(message, id: id)
            ledger.endProducing(id: id, refusal: refusal)
            guard refusal?.code == .queueFull else { return }
            do {
                try await Task.sleep(for: .milliseconds(5))
            } catch {
                ledger.fail(batch: batch, index: index, with: KafkaError(
                    code: .queueFull, message: "the task was cancelled while the producer's queue was full"))
                return
            }
        }
    }
}
