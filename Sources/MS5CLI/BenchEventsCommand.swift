import ArgumentParser
import Foundation
import Logging
import MS5ChildProcess
import MS5Domain
import MS5Events
import MS5Kafka
import MS5Storage

/// `ms5 bench events`: events per second from the outbox to broker acknowledgement through the
/// relay, against kcat producing the same messages to the same broker in the same run (the
/// ceiling), and the latency from a change's commit to an independent consumer at a fixed rate.
struct BenchEventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Benchmark the Kafka relay against kcat, and commit-to-consumer latency.")

    @Option(help: "sqlite (a fresh temporary file) or a postgres:// URL of a server where a scratch database may be created.")
    var database = "sqlite"

    @Option(help: "host:port of a Kafka-protocol broker (e.g. noida-db start --only kafka --kafka-port 19092).")
    var brokers: String

    @Option(help: "Events in the throughput run.")
    var events = 100_000

    @Option(help: "Events per second in the latency run, each committed in its own transaction.")
    var rate = 1000

    @Option(help: "Seconds of the latency run.")
    var seconds = 10

    @Option(help: "Events the relay reads and sends at once.")
    var batchSize = 5000

    @Option(help: "A librdkafka property for the relay's producer, as name=value (repeatable), e.g. linger.ms=20.")
    var producerProperty: [String] = []

    @Option(help: "Runs in which ms5 serve, relaying as a child process, is killed with SIGKILL mid-flight (0: none).")
    var killRuns = 0

    @Option(help: "Events written before each kill run.")
    var killEvents = 20_000

    func run() async throws {
        let logger = { var logger = Logger(label: "ms5.bench"); logger.logLevel = .error; return logger }()
        let brokers = self.brokers.split(separator: ",").map(String.init)
        let prefix = "bench\(UInt32.random(in: 0...UInt32.max))"
        try await BenchDatabase.with(database, logger: logger) { database in
            try await Migrator(database: database).migrate()
            let placement = try await Self.plant(database)
            let outbox = Outbox(database: database)
            let fillStart = ContinuousClock.now
            for first in stride(from: 0, to: events, by: 1000) {
                try await outbox.publish(try (first..<min(first + 1000, events)).map { try Self.event($0, placement: placement, at: Date()) })
            }
            Console.say(String(format: "outbox on %@: %d events written in transactions of 1,000: %.0f events/s",
                               database.kind.rawValue, events, Double(events) / (ContinuousClock.now - fillStart).seconds))

            let log = EventLog(database: database)
            let relay = try makeRelay(database, brokers: brokers, prefix: prefix, logger: logger)
            let relayStart = ContinuousClock.now
            let running = Task { try await relay.run() }
            let head = try await log.head()
            while try await log.position(of: KafkaRelay.consumer) != head { try await Task.sleep(for: .milliseconds(5)) }
            let relayRate = Double(events) / (ContinuousClock.now - relayStart).seconds
            Console.say(String(format: "relay: %d events from the outbox to broker acknowledgement: %.0f events/s", events, relayRate))

            let ceiling = try await Self.kcatRate(try await log.events(after: 0, limit: events), brokers: brokers, topic: "\(prefix).ceiling")
            Console.say(String(format: "kcat producing the same %d messages (key, body, as many headers) to the same broker: %.0f messages/s; relay / kcat = %.2f",
                               events, ceiling, relayRate / ceiling))

            running.cancel()
            try await running.value
            // The latency run's events go to topics of their own, relayed from where the first run stopped.
            let latencyRelay = try makeRelay(database, brokers: brokers, prefix: "\(prefix)-latency", logger: logger)
            let relaying = Task { try await latencyRelay.run() }
            let latencies = try await measureLatency(outbox, log: log, placement: placement, brokers: brokers, topic: "\(prefix)-latency.machine.fault")
            relaying.cancel()
            try await relaying.value
            Console.say(String(format: "commit to consumer at %d events/s for %d s (committed: %.0f/s): p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d events; %d not received",
                               rate, seconds, latencies.committedRate, latencies.received.percentile(0.5), latencies.received.percentile(0.99),
                               latencies.received.max() ?? 0, latencies.received.count, latencies.missing))
            guard killRuns > 0 else { return }
            let kills = try await RelayKillRuns(
                database: database, databaseURL: try childURL(of: database), brokers: brokers, topicPrefix: "\(prefix)-kill", eventsPerRun: killEvents
            ) { range in
                // Transactions of 1,000 as in the fill: PostgreSQL takes at most 65,535 parameters a statement.
                for first in stride(from: range.lowerBound, to: range.upperBound, by: 1000) {
                    try await outbox.publish(try (first..<min(first + 1000, range.upperBound)).map { try Self.event($0, placement: placement, at: Date()) })
                }
            }.run(killRuns)
            Console.say(String(format: "kill -9: %d runs (%d killed mid-flight) and one to finish, %d events: %d lost, %d delivered again with their id, %d unexpected, %d out of order per key",
                               killRuns, kills.killedMidFlight, kills.written, kills.lost, kills.repeats, kills.unexpected, kills.outOfOrder))
        }
    }

    /// Commits one event every 1/rate s and times each from its commit to an independent consumer.
    private func measureLatency(
        _ outbox: Outbox, log: EventLog, placement: EventPlacement, brokers: [String], topic: String
    ) async throws -> (received: [Double], missing: Int, committedRate: Double) {
        // One event first, so that the topic exists before the consumer subscribes to it.
        try await outbox.publish([try Self.event(0, placement: placement, at: Date())])
        let head = try await log.head()
        while try await log.position(of: KafkaRelay.consumer) != head { try await Task.sleep(for: .milliseconds(5)) }
        let consumer = try KafkaConsumer(
            configuration: KafkaConfiguration(bootstrapServers: brokers), groupID: "bench-\(UUID())", topics: [topic], offsetReset: .earliest)
        // Timing starts once the consumer has joined its group and read that first event: events
        // committed while it is still being assigned the partition would time the join instead.
        let joinDeadline = ContinuousClock.now + .seconds(30)
        while try await consumer.poll(timeout: .milliseconds(100)) == nil {
            guard ContinuousClock.now < joinDeadline else { throw CommandFailure("the latency run's consumer got no partition within 30 s") }
        }
        let total = rate * seconds
        let committed = CommitTimes()
        // Arrivals are matched with commits at the end: under load a message can arrive before the
        // writer has noted its commit time.
        let reader = Task { () throws -> [String: ContinuousClock.Instant] in
            var arrivals: [String: ContinuousClock.Instant] = [:]
            let deadline = ContinuousClock.now + .seconds(seconds + 30)
            while arrivals.count < total, ContinuousClock.now < deadline {
                guard let record = try await consumer.poll(timeout: .milliseconds(100)) else { continue }
                let arrived = ContinuousClock.now
                if let id = record.headers.text(of: "ce_id"), arrivals[id] == nil {
                    arrivals[id] = arrived
                }
            }
            return arrivals
        }
        let start = ContinuousClock.now
        for index in 0..<total {
            try await ContinuousClock().sleep(until: start + .seconds(Double(index) / Double(rate)))
            let event = try Self.event(index, placement: placement, at: Date())
            try await outbox.publish([event])
            committed.record(event.id.lowercasedString, at: ContinuousClock.now)
        }
        let committedRate = Double(total) / (ContinuousClock.now - start).seconds
        let arrivals = try await reader.value
        await consumer.close()
        let received = arrivals.compactMap { id, arrived in committed.time(of: id).map { max(0, (arrived - $0).seconds * 1000) } }
        return (received, total - received.count, committedRate)
    }

    /// The URL of the scratch database `database` for a child ms5: `--database` with the scratch
    /// database's name on PostgreSQL, the temporary file on SQLite.
    private func childURL(of database: Database) throws -> String {
        switch database.url {
        case .sqliteFile(let path): return "sqlite:\(path)"
        case .postgres(let settings):
            guard var components = URLComponents(string: self.database) else { throw CommandFailure("--database is no URL") }
            components.path = "/\(settings.database)"
            return components.string ?? self.database
        case .sqliteMemory: throw CommandFailure("an in-memory database cannot be shared with ms5 serve")
        }
    }

    /// A site, line and equipment for the events to belong to.
    private static func plant(_ database: Database) async throws -> EventPlacement {
        let site = try await SiteRepository(database: database).create(SiteInput(code: "BENCH", name: "Bench", timeZone: "UTC"))
        let area = try await AreaRepository(database: database).create(AreaInput(siteId: site.id, code: "A", name: "Area"))
        let line = try await LineRepository(database: database).create(LineInput(areaId: area.id, code: "L", name: "Line"))
        let equipment = try await EquipmentRepository(database: database).create(
            EquipmentInput(lineId: line.id, code: "M1", name: "Machine 1", type: "bench", criticality: 1))
        return EventPlacement(siteId: site.id, lineId: line.id, equipmentId: equipment.id)
    }

    /// A fault event as the floor writes them, keyed by one of ten equipment ids.
    private static func event(_ index: Int, placement: EventPlacement, at time: Date) throws -> CanonicalEvent {
        let fault = FaultEvent(
            definition: FaultDefinition(word: 0, bit: index % 32, code: "F\(index % 32)", text: "Film tension low", severity: 3, kind: .fault, source: .internal),
            edge: index % 2 == 0 ? .raised : .cleared, at: time, raisedAt: time, duration: index % 2 == 0 ? nil : 1.5, firstOut: true,
            isUncatalogued: false)
        let key = UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, UInt8(index % 10)))
        return try CanonicalEvent(type: .machineFault, time: time, subjectKind: "equipment", aggregateId: key, placement: placement, data: fault)
    }

    /// The relay as `ms5 serve` runs it, with the benchmark's batch size and producer properties.
    private func makeRelay(_ database: Database, brokers: [String], prefix: String, logger: Logger) throws -> KafkaRelay {
        let follower = OutboxFollower(
            log: EventLog(database: database), lease: ConsumerLease(database: database, consumer: KafkaRelay.consumer, holder: "bench"),
            batchSize: batchSize, logger: logger)
        var properties: [String: String] = [:]
        for property in producerProperty {
            guard let equals = property.firstIndex(of: "=") else { throw CommandFailure("--producer-property must be name=value: \(property)") }
            properties[String(property[..<equals])] = String(property[property.index(after: equals)...])
        }
        let producer = try KafkaProducer(configuration: KafkaConfiguration(bootstrapServers: brokers, properties: properties))
        return KafkaRelay(follower: follower, producer: producer, topicPrefix: prefix, logger: logger)
    }

    /// kcat producing `events`' keys and bodies, idempotent with acks=all like the relay, timed
    /// from its start to its exit (it waits for every acknowledgement). Every message carries the
    /// headers of the first event's message: as many and as long as the relay's, which kcat
    /// cannot vary per message.
    private static func kcatRate(_ events: [RecordedEvent], brokers: [String], topic: String) async throws -> Double {
        let headers = EventMessage.message(events[0], prefix: "").headers.flatMap { ["-H", "\($0.name)=\(String(decoding: $0.value, as: UTF8.self))"] }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ms5-bench-\(UUID()).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try events.map { "\($0.event.aggregateId.uuidString.lowercased()):\($0.event.data)\n" }.joined().write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/kcat")
        process.arguments = [
            "-b", brokers.joined(separator: ","), "-P", "-K:", "-t", topic, "-l", file.path, "-X", "enable.idempotence=true", "-X", "acks=all",
        ] + headers
        let start = ContinuousClock.now
        try process.run()
        guard process.waitForExit(upTo: .seconds(600)), process.terminationStatus == 0 else {
            process.killAndWait()
            throw CommandFailure("kcat did not produce the ceiling's messages (is /usr/bin/kcat installed and the broker up?)")
        }
        return Double(events.count) / (ContinuousClock.now - start).seconds
    }
}
