import ArgumentParser
import Foundation
import MS5Domain
import MS5Events
import MS5Kafka
import MS5Server
import MS5Storage

/// `ms5 events replay --from … --to … [--type …]`: publishes a range of events to Kafka again.
struct EventReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Publish the events that happened in a time range to Kafka (kafka.brokers) again, in order, with their ids.")

    @OptionGroup var options: ServerOptions

    @Option(help: "Start of the range, ISO 8601 (2026-12-01T06:00:00Z).")
    var from: String

    @Option(help: "End of the range, exclusive, ISO 8601.")
    var to: String

    @Option(help: "Only events of this type (production.stop.unplanned.v1); repeat for several.")
    var type: [String] = []

    func run() async throws {
        let style = Date.ISO8601FormatStyle()
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        guard let start = (try? style.parse(from)) ?? (try? fractional.parse(from)) else {
            throw ValidationError("--from must be an ISO 8601 time such as 2026-12-01T06:00:00Z")
        }
        guard let end = (try? style.parse(to)) ?? (try? fractional.parse(to)), end > start else {
            throw ValidationError("--to must be an ISO 8601 time after --from")
        }
        var types: Set<EventType> = []
        for name in type {
            guard let eventType = EventType(rawValue: name) else {
                throw ValidationError("--type \(name) is not an event type; ms5 events schemas writes the list")
            }
            types.insert(eventType)
        }
        let filter = EventFilter(types: types, from: start, to: end)
        let config = try await options.load()
        guard let kafka = config.kafka else {
            throw ValidationError("kafka.brokers is not set (MS5_KAFKA_BROKERS): there is no Kafka to replay to")
        }
        let logger = LoggingSetup.bootstrap(config)
        let producer = try KafkaProducer(configuration: kafka.configuration, messageTimeout: kafka.messageTimeout)
        let progress: EventReplay.Progress
        do {
            progress = try await Database.withOpen(config.database, logger: logger) { database in
                try await Migrator(database: database).requireCurrent()
                let replay = EventReplay(log: EventLog(database: database), producer: producer, topicPrefix: kafka.topicPrefix)
                return try await replay.run(filter) { progress in
                    print("published \(progress.published) of \(progress.total)")
                }
            }
        } catch {
            await producer.close()
            throw error
        }
        await producer.close()
        print("Replayed \(progress.published) events from \(from) to \(to) to \(kafka.brokers.joined(separator: ",")).")
    }
}
