import Foundation
import Logging
import MS5Domain
import MS5Kafka
import MS5Storage
import ServiceLifecycle
import Synchronization

/// Publishes the outbox to Apache Kafka, in order, at least once: an idempotent producer sends
/// each batch, and the relay's stored position moves only past events the broker acknowledged.
/// An event after a failed one is sent again with it (consumers drop repeats by `ce_id`).
///
/// Exactly one instance relays at a time (the `kafka` consumer's lease); another takes over
/// within seconds when it dies, from the last acknowledged position.
public final class KafkaRelay: Service, Sendable {
    /// The outbox consumer's name.
    public static let consumer = "kafka"

    let follower: OutboxFollower
    let producer: KafkaProducer
    let topicPrefix: String
    let logger: Logger
    private let state = Mutex(RelayStatus())

    /// Creates the relay: `follower` follows the outbox as the `kafka` consumer, `producer` sends.
    public init(follower: OutboxFollower, producer: KafkaProducer, topicPrefix: String, logger: Logger) {
        self.follower = follower
        self.producer = producer
        self.topicPrefix = topicPrefix
        self.logger = logger
    }

    /// What the relay has done so far.
    public var status: RelayStatus { state.withLock { $0 } }

    /// Relays until graceful shutdown, then waits (bounded) for messages in flight and closes.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await self.follower.run(startingAfter: { 0 }) { batch in
                await self.relay(batch)
            }
        }
        state.withLock { $0.relaying = false }
        await producer.close()
    }

    /// Sends one batch and answers the position up to which the broker acknowledged every event.
    func relay(_ batch: [RecordedEvent]) async -> Int64 {
        let outcomes = await producer.send(batch.map { EventMessage.message($0, prefix: topicPrefix) })
        var done = batch[0].position - 1
        var firstError: KafkaError?
        for (recorded, outcome) in zip(batch, outcomes) {
            switch outcome {
            case .success: if firstError == nil { done = recorded.position }
            case .failure(let error): firstError = firstError ?? error
            }
        }
        let acknowledged = Int(done - (batch[0].position - 1))
        let failed = batch.count - acknowledged
        state.withLock { status in
            status.relaying = true
            status.sent += acknowledged
            status.failed += failed
            if acknowledged > 0 {
                status.position = done
                status.lastSentAt = Date()
            }
            if let firstError {
                status.lastError = "\(firstError)"
                status.lastErrorAt = Date()
            }
        }
        if let firstError {
            logger.warning("Kafka did not take every event; sending again from the first it refused", metadata: [
                "position": "\(done + 1)", "error": "\(firstError)",
            ])
        }
        return done
    }
}
