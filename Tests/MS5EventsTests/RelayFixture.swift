import Foundation
import Logging
import MS5Domain
import MS5Events
import MS5Kafka
import MS5Retry
import MS5Storage
import MS5TestSupport

/// What the relay tests share: events written as the floor writes them, a relay over a
/// database, and waiting for a condition with a deadline instead of sleeping.
enum RelayFixture {
    static let logger = Logger(label: "ms5.test.relay")

    /// Raises `calls` Andon calls on the fixture's line and acknowledges each: two events per call,
    /// keyed by the call.
    static func writeAndonEvents(_ database: Database, plant: PlantFixture, calls: Int) async throws -> [AndonCall] {
        let store = AndonCallStore(database: database)
        var raised: [AndonCall] = []
        for index in 0..<calls {
            let call = try await store.raise(
                AndonCallInput(lineId: plant.line.id, equipmentId: plant.equipment.id, category: .quality, priority: .high, text: "Seal \(index)"),
                by: "op")
            _ = try await store.act(call.call.id, AndonCallAction(status: .acknowledged), by: "lead")
            raised.append(call.call)
        }
        return raised
    }

    /// A relay over `database` to `brokers`, holding the `kafka` lease as `holder`.
    static func relay(
        _ database: Database, brokers: [String], holder: String = "test", lease: Duration = .seconds(10), messageTimeout: Duration = .seconds(30)
    ) throws -> KafkaRelay {
        let follower = OutboxFollower(
            log: EventLog(database: database),
            lease: ConsumerLease(database: database, consumer: KafkaRelay.consumer, holder: holder, length: lease), retry: Backoff(initial: .milliseconds(200), maximum: .milliseconds(200)),
            logger: logger)
        let producer = try KafkaProducer(configuration: KafkaConfiguration(bootstrapServers: brokers), messageTimeout: messageTimeout)
        return KafkaRelay(follower: follower, producer: producer, topicPrefix: "test", logger: logger)
    }

    struct TimedOut: Error, CustomStringConvertible {
        let what: String
        var description: String { "timed out waiting until \(what)" }
    }

    /// Waits until `condition` holds, checking every 20 ms, failing after `limit`.
    static func wait(until what: String, upTo limit: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + limit
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw TimedOut(what: what) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
