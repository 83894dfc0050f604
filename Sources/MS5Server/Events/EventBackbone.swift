import Foundation
import Logging
import MS5Events
import MS5Kafka
import MS5Storage

/// The event backbone of this instance: the outbox's log and, when brokers are configured, the
/// relay that publishes it to Kafka.
struct EventBackbone: Sendable {
    let log: EventLog
    let kafka: (settings: KafkaSettings, relay: KafkaRelay)?
    /// The ERP order consumer, when brokers and its topic are configured.
    let erpOrders: ERPOrderConsumer?

    /// The backbone over `database`, with a relay when `settings` names brokers; `holder` names
    /// this instance in the relay's lease.
    static func make(database: Database, settings: KafkaSettings?, holder: String, logger: Logger) throws -> EventBackbone {
        let log = EventLog(database: database)
        guard let settings else { return EventBackbone(log: log, kafka: nil, erpOrders: nil) }
        let producer = try KafkaProducer(configuration: settings.configuration, messageTimeout: settings.messageTimeout)
        let follower = OutboxFollower(
            log: log, lease: ConsumerLease(database: database, consumer: KafkaRelay.consumer, holder: holder), logger: logger)
        let relay = KafkaRelay(follower: follower, producer: producer, topicPrefix: settings.topicPrefix, logger: logger)
        let erpOrders = try settings.erpOrdersTopic.map { topic in
            ERPOrderConsumer(
                consumer: try KafkaConsumer(configuration: settings.configuration, groupID: settings.consumerGroup, topics: [topic]),
                deadLetters: try KafkaProducer(configuration: settings.configuration, messageTimeout: settings.messageTimeout),
                inbox: ERPOrderInbox(database: database, source: topic), deadLetterTopic: "\(topic).dead-letter", logger: logger)
        }
        return EventBackbone(log: log, kafka: (settings, relay), erpOrders: erpOrders)
    }

    /// The outbox's head, each consumer's standing, and the relay's figures now.
    func status(now: Date = Date()) async throws -> EventsStatus {
        try await EventsStatus.read(log: log, kafka: kafka, erpOrders: erpOrders, now: now)
    }
}
