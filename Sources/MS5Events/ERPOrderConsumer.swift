import Foundation
import Logging
import MS5Domain
import MS5Kafka
import MS5Storage
import ServiceLifecycle
import Synchronization

/// Takes the ERP's production orders from a Kafka topic (`erp.production-order.v1`) into MS5's
/// orders, as a member of a consumer group (each partition is read by one instance).
///
/// A message's offset is committed once it is applied, or once it is in the dead-letter topic
/// with the reason when it cannot be (not JSON, a field missing, an unknown product, a move its
/// order's status does not allow). A message delivered again is recognised by its id and
/// changes nothing. When the database cannot be reached the message is tried again, not lost.
public final class ERPOrderConsumer: Service, Sendable {
    /// What the consumer has done since it started.
    public struct Figures: Sendable, Equatable, Codable {
        public var applied = 0
        public var deadLettered = 0
        public var lastError: String?
    }

    let consumer: KafkaConsumer
    let deadLetters: KafkaProducer
    /// Where messages are applied; its source is the topic.
    public let inbox: ERPOrderInbox
    /// Where messages that cannot be applied go: `<topic>.dead-letter`.
    public let deadLetterTopic: String
    let retryDelay: Duration
    let logger: Logger
    private let state = Mutex(Figures())

    /// Creates the consumer reading `consumer`'s topic into `inbox`, sending refused messages
    /// with `deadLetters` to `deadLetterTopic`.
    public init(
        consumer: KafkaConsumer, deadLetters: KafkaProducer, inbox: ERPOrderInbox, deadLetterTopic: String,
        retryDelay: Duration = .seconds(1), logger: Logger
    ) {
        self.consumer = consumer
        self.deadLetters = deadLetters
        self.inbox = inbox
        self.deadLetterTopic = deadLetterTopic
        self.retryDelay = retryDelay
        self.logger = logger
    }

    /// What the consumer has done so far.
    public var figures: Figures { state.withLock { $0 } }

    /// Reads until graceful shutdown, then leaves the group and closes.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            var toldTopicMissing = false
            while !Task.isCancelled {
                do {
                    guard let record = try await self.consumer.poll(timeout: .milliseconds(500)) else { continue }
                    try await self.take(record)
                    try await self.consumer.commit(record)
                } catch let error as KafkaError where error.code == .unknownTopicOrPartition {
                    // The ERP has not written to its topic yet: say so once, and keep waiting for it.
                    if !toldTopicMissing {
                        self.logger.notice("The ERP order topic does not exist yet; reading it once it does", metadata: ["topic": "\(self.inbox.source)"])
                        toldTopicMissing = true
                    }
                    try? await Task.sleep(for: .seconds(5))
                } catch {
                    if Task.isCancelled { break }
                    self.logger.warning("Reading ERP orders failed; trying again", metadata: ["error": "\(error)"])
                    try? await Task.sleep(for: self.retryDelay)
                }
            }
        }
        await consumer.close()
        await deadLetters.close()
    }

    /// Applies one message, or dead-letters it with the reason; retries what failed for want of
    /// the database or the broker until it is done or the task is cancelled.
    func take(_ record: KafkaRecord) async throws {
        while true {
            do {
                let message = try Self.decode(record.value)
                let outcome = try await inbox.apply(message)
                state.withLock { $0.applied += 1 }
                logger.info("ERP order message applied", metadata: [
                    "message": "\(message.id)", "order": "\(message.orderNumber)", "outcome": "\(outcome.rawValue)",
                ])
                return
            } catch let refusal as ERPMessageRefusal {
                try await deadLetter(record, reason: refusal.reason)
                return
            } catch let error as DomainError {
                try await deadLetter(record, reason: Self.describe(error))
                return
            } catch {
                state.withLock { $0.lastError = "\(error)" }
                logger.warning("An ERP order message could not be applied yet; trying again", metadata: ["error": "\(error)"])
                try await Task.sleep(for: retryDelay)
            }
        }
    }

    private func deadLetter(_ record: KafkaRecord, reason: String) async throws {
        let headers = record.headers + [
            KafkaHeader(name: "ms5_error", value: reason), KafkaHeader(name: "ms5_source_topic", value: record.topic),
            KafkaHeader(name: "ms5_source_partition", value: String(record.partition)),
            KafkaHeader(name: "ms5_source_offset", value: String(record.offset)),
        ]
        let message = KafkaMessage(topic: deadLetterTopic, key: record.key, value: record.value, headers: headers)
        while true {
            if case .failure(let error) = await deadLetters.send([message]).first {
                logger.warning("The dead-letter topic did not take a message; trying again", metadata: ["error": "\(error)"])
                try await Task.sleep(for: retryDelay)
                continue
            }
            break
        }
        state.withLock {
            $0.deadLettered += 1
            $0.lastError = reason
        }
        logger.warning("An ERP order message went to the dead-letter topic", metadata: [
            "topic": "\(deadLetterTopic)", "offset": "\(record.offset)", "reason": "\(reason)",
        ])
    }

    /// The message in `value`, refused with what is wrong when it is not one.
    static func decode(_ value: [UInt8]) throws -> ERPOrderMessage {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            let whole = Date.ISO8601FormatStyle(), fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
            guard let date = (try? whole.parse(text)) ?? (try? fractional.parse(text)) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be an ISO 8601 time such as 2026-12-08T06:00:00Z")
            }
            return date
        }
        do {
            return try decoder.decode(ERPOrderMessage.self, from: Data(value))
        } catch let DecodingError.keyNotFound(key, _) {
            throw ERPMessageRefusal(reason: "the field \(key.stringValue) is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ERPMessageRefusal(reason: "the field \(context.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type")
        } catch let DecodingError.dataCorrupted(context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ERPMessageRefusal(reason: field.isEmpty ? "the message is not JSON" : "the field \(field) \(context.debugDescription)")
        }
    }

    private static func describe(_ error: DomainError) -> String {
        error.violations.isEmpty ? error.message : error.violations.map { "\($0.field) \($0.reason)" }.joined(separator: "; ")
    }
}

/// A message that is not an ERP order message at all.
struct ERPMessageRefusal: Error {
    let reason: String
}
