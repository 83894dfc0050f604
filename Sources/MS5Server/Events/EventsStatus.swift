import Foundation
import MS5Domain
import MS5Events
import MS5Kafka
import MS5Storage

/// The state of the event backbone, for `/v1/events/status` and `/metrics`: the outbox's head,
/// each consumer's standing and backlog, and this instance's Kafka relay.
struct EventsStatus: Codable, Sendable, Equatable {
    /// One outbox consumer.
    struct Consumer: Codable, Sendable, Equatable {
        let name: String
        let position: Int64
        /// Events written after its position.
        let backlog: Int64
        /// How long the oldest event it has not handled has waited, in seconds.
        let lagSeconds: Double
        let holder: String?
        let leaseUntil: Date?
    }

    /// The Kafka relay, when brokers are configured.
    struct Kafka: Codable, Sendable, Equatable {
        let brokers: [String]
        let topicPrefix: String
        /// What this instance's relay has done since it started.
        let relay: RelayStatus
    }

    /// The ERP order consumer, when it reads a topic.
    struct ERPOrders: Codable, Sendable, Equatable {
        let topic: String
        let deadLetterTopic: String
        /// What this instance's consumer has done since it started.
        let figures: ERPOrderConsumer.Figures
    }

    let head: Int64
    let consumers: [Consumer]
    let kafka: Kafka?
    let erpOrders: ERPOrders?

    /// Reads the status now.
    static func read(
        log: EventLog, kafka: (settings: KafkaSettings, relay: KafkaRelay)?, erpOrders: ERPOrderConsumer?, now: Date = Date()
    ) async throws -> EventsStatus {
        let head = try await log.head()
        var consumers: [Consumer] = []
        for consumer in try await log.consumers() {
            let waiting = try await log.recordedAt(after: consumer.position)
            consumers.append(Consumer(
                name: consumer.name, position: consumer.position, backlog: max(0, head - consumer.position),
                lagSeconds: waiting.map { max(0, now.timeIntervalSince($0)) } ?? 0, holder: consumer.holder, leaseUntil: consumer.leaseUntil))
        }
        return EventsStatus(
            head: head, consumers: consumers,
            kafka: kafka.map { Kafka(brokers: $0.settings.brokers, topicPrefix: $0.settings.topicPrefix, relay: $0.relay.status) },
            erpOrders: erpOrders.map { ERPOrders(topic: $0.inbox.source, deadLetterTopic: $0.deadLetterTopic, figures: $0.figures) })
    }
}

extension EventsStatus: DocumentedSchema {
    static let schemaName = "EventsStatus"
    static var schema: JSONSchema {
        let consumer = JSONSchema.object([
            "name": .plainString, "position": .integer(0...Int.max), "backlog": .integer(0...Int.max), "lagSeconds": .number,
            "holder": JSONSchema.plainString.orNull, "leaseUntil": JSONSchema.dateTime.orNull,
        ], required: ["name", "position", "backlog", "lagSeconds"])
        let relay = JSONSchema.object([
            "relaying": .boolean, "position": JSONSchema.integer(0...Int.max).orNull, "sent": .integer(0...Int.max),
            "failed": .integer(0...Int.max), "lastError": JSONSchema.plainString.orNull, "lastErrorAt": JSONSchema.dateTime.orNull,
            "lastSentAt": JSONSchema.dateTime.orNull,
        ], required: ["relaying", "sent", "failed"], description: "This instance's relay since it started.")
        let kafka = JSONSchema.object(
            ["brokers": .array(of: .plainString), "topicPrefix": .plainString, "relay": relay], required: ["brokers", "topicPrefix", "relay"])
        let figures = JSONSchema.object(
            ["applied": .integer(0...Int.max), "deadLettered": .integer(0...Int.max), "lastError": JSONSchema.plainString.orNull],
            required: ["applied", "deadLettered"])
        let erpOrders = JSONSchema.object(
            ["topic": .plainString, "deadLetterTopic": .plainString, "figures": figures], required: ["topic", "deadLetterTopic", "figures"])
        return .object(
            ["head": .integer(0...Int.max), "consumers": .array(of: consumer), "kafka": kafka.orNull, "erpOrders": erpOrders.orNull],
            required: ["head", "consumers"],
            description: "The outbox's newest position, each consumer's standing, and the Kafka relay when brokers are configured.")
    }
}
