import Foundation
import MS5Domain
import MS5Kafka
import MS5Storage

/// Publishes a range of the outbox to Kafka again, for a consumer that lost what it had stored:
/// the same messages the relay sends (same ids, so consumers that kept them drop the repeats),
/// in outbox order, a page at a time.
public struct EventReplay: Sendable {
    let log: EventLog
    let producer: KafkaProducer
    let topicPrefix: String

    /// How far a replay got.
    public struct Progress: Sendable, Equatable {
        /// Events published so far.
        public var published: Int
        /// Events the range holds.
        public var total: Int
    }

    /// A replay of `log` through `producer` to topics under `topicPrefix`.
    public init(log: EventLog, producer: KafkaProducer, topicPrefix: String) {
        self.log = log
        self.producer = producer
        self.topicPrefix = topicPrefix
    }

    /// Publishes every event `filter` selects, reporting after each page; throws the first
    /// delivery error (what went before it was published).
    public func run(_ filter: EventFilter, pageSize: Int = 500, progress: (Progress) -> Void = { _ in }) async throws -> Progress {
        var done = Progress(published: 0, total: try await log.count(matching: filter))
        // The range's first event is found by time; the rest follow by position.
        var position: Int64 = 0
        if let from = filter.from { position = try await log.position(before: from) }
        while true {
            let page = try await log.events(after: position, matching: filter, limit: pageSize)
            guard let last = page.last else { return done }
            let outcomes = await producer.send(page.map { EventMessage.message($0, prefix: topicPrefix) })
            for outcome in outcomes {
                if case .failure(let error) = outcome { throw error }
                done.published += 1
            }
            position = last.position
            progress(done)
        }
    }
}
