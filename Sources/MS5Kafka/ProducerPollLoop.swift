internal import CRdKafka

/// The body of a producer's dedicated thread: serves librdkafka's callbacks until the producer
/// closes, then delivers what it can by the deadline, fails the rest and destroys the handle.
struct ProducerPollLoop: Sendable {
    /// The producer's handle, destroyed at the end of ``run()``.
    let handle: RdKafkaHandle
    /// The producer's bookkeeping.
    let ledger: DeliveryLedger

    /// Polls until the ledger is closing, then closes. Blocks its thread throughout.
    func run() {
        let deadline = serveUntilClosing()
        while ledger.hasOutstanding, ContinuousClock.now < deadline {
            rd_kafka_poll(handle.pointer, min(50, (deadline - ContinuousClock.now).clampedMilliseconds))
        }
        // A `produce` call under way still uses the handle; it returns promptly.
        while ledger.isProducing {
            rd_kafka_poll(handle.pointer, 1)
        }
        // Undelivered messages fail as closed; the purge's own reports then find no one waiting.
        ledger.failOutstanding()
        rd_kafka_purge(handle.pointer, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT)
        rd_kafka_flush(handle.pointer, 500)
        rd_kafka_destroy(handle.pointer)
        ledger.markClosed()
    }

    /// Serves callbacks (mostly delivery reports) until a close is requested; returns its deadline.
    private func serveUntilClosing() -> ContinuousClock.Instant {
        while true {
            if case .closing(let deadline) = ledger.phase { return deadline }
            rd_kafka_poll(handle.pointer, 100)
        }
    }
}
