import Foundation
import MS5ChildProcess
import MS5Domain
import MS5Events
import MS5Kafka
import MS5Storage

/// The kill -9 part of `ms5 bench events`: `ms5 serve` relays the outbox as a child process and
/// is killed with SIGKILL mid-flight, run after run; a last one finishes, and an independent
/// consumer then reads the topic back and counts what was lost and what came twice.
struct RelayKillRuns {
    /// What reading the topic back found.
    struct Outcome {
        var written = 0
        var lost = 0
        /// Deliveries of an event already delivered, with its id and body: what at-least-once allows.
        var repeats = 0
        /// Messages that are no event of the outbox, or carry another body than it: never allowed.
        var unexpected = 0
        /// Times an event reached its key's topic partition before an earlier event of its key.
        var outOfOrder = 0
        /// Runs killed while events were still to relay (the others had finished before the kill).
        var killedMidFlight = 0
    }

    let database: Database
    /// The scratch database's URL as the child opens it.
    let databaseURL: String
    let brokers: [String]
    let topicPrefix: String
    let eventsPerRun: Int
    /// Writes a batch of events of the benchmark's kind, numbered from the given index.
    let write: @Sendable (Range<Int>) async throws -> Void

    /// Kills a relaying `ms5 serve` `runs` times, each time after it relayed half of the events
    /// written for that run, then lets a last one finish and reads everything back.
    func run(_ runs: Int) async throws -> Outcome {
        let log = EventLog(database: database)
        let first = try await log.head()
        var outcome = Outcome()
        for run in 0...runs {
            let start = try await log.head()
            try await write(run * eventsPerRun..<(run + 1) * eventsPerRun)
            let child = try startServe()
            if run < runs {
                try await waitUntilRelayed(log, atLeast: start + Int64(eventsPerRun / 2), child: child)
                child.killAndWait()
                if try await log.position(of: "kafka") ?? 0 < start + Int64(eventsPerRun) { outcome.killedMidFlight += 1 }
            } else {
                try await waitUntilRelayed(log, atLeast: try await log.head(), child: child)
                child.terminate()
                guard child.waitForExit(upTo: .seconds(30)) else {
                    child.killAndWait()
                    throw CommandFailure("ms5 serve did not stop within 30 s of SIGTERM")
                }
            }
        }
        // Only the benchmark's events: ms5 serve may write events of its own.
        let written = try await log.events(after: first, limit: Int.max).filter { $0.event.type == .machineFault }
        outcome.written = written.count
        try await readBack(written, into: &outcome)
        return outcome
    }

    /// `ms5 serve` on the scratch database, relaying to the brokers under the kill runs' prefix.
    private func startServe() throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["serve", "--database", databaseURL, "--port", "0", "--log-level", "error"]
        process.environment = ProcessInfo.processInfo.environment.merging([
            "MS5_KAFKA_BROKERS": brokers.joined(separator: ","), "MS5_KAFKA_TOPIC_PREFIX": topicPrefix,
        ]) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.standardError
        try process.run()
        return process
    }

    /// Waits until the relay's stored position reaches `position`, looking every 5 ms.
    private func waitUntilRelayed(_ log: EventLog, atLeast position: Int64, child: Process) async throws {
        let deadline = ContinuousClock.now + .seconds(300)
        while try await log.position(of: "kafka") ?? 0 < position {
            guard child.isRunning else { throw CommandFailure("ms5 serve ended before relaying up to position \(position)") }
            guard ContinuousClock.now < deadline else {
                child.killAndWait()
                throw CommandFailure("ms5 serve did not relay up to position \(position) within 300 s")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Reads the topic from its start until every written event came or nothing more came for 10 s.
    private func readBack(_ written: [RecordedEvent], into outcome: inout Outcome) async throws {
        // A test broker may answer a fetch with the whole partition, far over librdkafka's 100 MB default.
        let configuration = KafkaConfiguration(bootstrapServers: brokers, properties: ["receive.message.max.bytes": "1000000000"])
        let consumer = try KafkaConsumer(
            configuration: configuration, groupID: "bench-kill-\(UUID())",
            topics: [EventMessage.topic(of: .machineFault, prefix: topicPrefix)], offsetReset: .earliest)
        let byId = Dictionary(uniqueKeysWithValues: written.map { ($0.event.id.uuidString.lowercased(), $0) })
        var seen = Set<String>()
        var lastPosition: [String: Int64] = [:]
        var lastArrival = ContinuousClock.now
        while seen.count < written.count, ContinuousClock.now - lastArrival < .seconds(10) {
            guard let record = try await consumer.poll(timeout: .milliseconds(200)) else { continue }
            lastArrival = ContinuousClock.now
            let id = record.headers.text(of: "ce_id") ?? ""
            guard let event = byId[id], record.value.elementsEqual(event.event.data.utf8) else {
                outcome.unexpected += 1
                continue
            }
            guard seen.insert(id).inserted else {
                outcome.repeats += 1
                continue
            }
            let key = String(decoding: record.key ?? [], as: UTF8.self)
            if lastPosition[key] ?? 0 > event.position { outcome.outOfOrder += 1 }
            lastPosition[key] = event.position
        }
        await consumer.close()
        outcome.lost = written.count - seen.count
    }
}
