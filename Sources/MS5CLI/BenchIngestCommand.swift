import ArgumentParser
import Foundation
import Logging
import MS5Domain
import MS5Ingest
import MS5Storage
import SQLKit

/// `ms5 bench ingest`: sustained samples/s through the ingest pipeline (the code behind
/// `POST /v1/telemetry/batches`, JSON and HTTP aside), the raw COPY ceiling on PostgreSQL in the
/// same run, and the latency from a batch accepted to its values on the event bus at a fixed rate.
struct BenchIngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ingest", abstract: "Benchmark the ingest pipeline.")

    @Option(help: "sqlite (a fresh temporary file) or a postgres:// URL of a server where a scratch database may be created.")
    var database = "sqlite"

    @Option(help: "Metrics to spread samples over (10 equipment).")
    var metrics = 1000

    @Option(help: "Samples per batch in the throughput run. Sustained load means edges forwarding a backlog, which they send in full batches of 10,000 (the API's limit); 1,000 shows per-batch costs.")
    var batch = 10_000

    @Option(help: "Samples in the throughput run.")
    var samples = 200_000

    @Option(help: "Sources sending batches at the same time in the throughput run, as several edges or lines would.")
    var senders = 4

    @Option(help: "Samples per second in the latency run.")
    var rate = 10_000

    @Option(help: "Seconds of the latency run.")
    var seconds = 10

    func run() async throws {
        let logger = { var logger = Logger(label: "ms5.bench"); logger.logLevel = .warning; return logger }()
        try await BenchDatabase.with(database, logger: logger) { database in
            try await Migrator(database: database).migrate()
            let plant = try await BenchPlant.make(database, metrics: metrics)
            let pipeline = IngestPipeline(database: database, bus: EventBus(), logger: logger)
            // The aggregates are written every second throughout, as `ms5 serve` does.
            let flusher = Task {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(1))
                    try await pipeline.aggregator.flush()
                }
            }
            defer { flusher.cancel() }
            let throughput = try await measureThroughput(pipeline, plant)
            Console.say(String(format: "pipeline into %@: %d samples in batches of %d from %d senders, aggregates included: %.0f samples/s",
                               database.kind.rawValue, samples, batch, senders, throughput))
            let text = RawCopy.Text(rows: plant.rows(count: samples, start: Date(timeIntervalSince1970: 2_000_000_000)))
            for (keyed, table) in [(false, "a plain table"), (true, "a table with the samples' key (metric, time)")] {
                let copyStart = ContinuousClock.now
                guard try await RawCopy(database: database).copySamples(into: "bench_raw_copy", text, keyed: keyed) != nil else { break }
                let copyRate = Double(samples) / (ContinuousClock.now - copyStart).seconds
                Console.say(String(format: "raw COPY of the same rows into %@: %.0f rows/s; pipeline / COPY = %.2f", table, copyRate, throughput / copyRate))
            }
            let latencies = try await measureLatency(pipeline, plant)
            Console.say(String(format: "end to insight at %d samples/s (batches of %d): p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d batches",
                               rate, rate / 100, latencies.percentile(0.5), latencies.percentile(0.99), latencies.max() ?? 0, latencies.count))
        }
    }

    /// Sends every batch, `senders` at a time, and times until the last aggregates are written.
    private func measureThroughput(_ pipeline: IngestPipeline, _ plant: BenchPlant) async throws -> Double {
        // Samples of the minutes up to now, as a plant sends them: on PostgreSQL they land in the
        // current month's partition, made ahead like every month's.
        let rows = plant.rows(count: samples, start: Date().addingTimeInterval(-Double(samples) / 1000))
        let batches = stride(from: 0, to: rows.count, by: batch).map { offset in
            rows[offset..<min(offset + batch, rows.count)].map { TelemetrySample(metricId: $0.metricId, timestamp: $0.timestamp, value: $0.value) }
        }
        let senders = max(1, self.senders)
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for sender in 0..<senders {
                group.addTask {
                    for index in stride(from: sender, to: batches.count, by: senders) {
                        _ = try await pipeline.ingest(TelemetryBatch(source: "bench-\(sender)", sequence: Int64(index), samples: batches[index]))
                    }
                }
            }
            try await group.waitForAll()
        }
        try await pipeline.aggregator.flush()
        return Double(rows.count) / (ContinuousClock.now - start).seconds
    }

    /// Sends a batch of one equipment's metrics every 10 ms and times each to its values event.
    private func measureLatency(_ pipeline: IngestPipeline, _ plant: BenchPlant) async throws -> [Double] {
        let perBatch = max(1, rate / 100)
        let batches = seconds * 100
        let events = pipeline.bus.subscribe()
        return try await withThrowingTaskGroup(of: [Double].self) { group in
            let sent = AsyncStream<ContinuousClock.Instant>.makeStream()
            group.addTask {
                var latencies: [Double] = []
                var iterator = events.makeAsyncIterator()
                // Each batch publishes one values event; state changes also pass on the bus and are skipped.
                for await submitted in sent.stream {
                    while let event = await iterator.next() {
                        if case .values = event.kind { break }
                    }
                    latencies.append((ContinuousClock.now - submitted).seconds * 1000)
                }
                return latencies
            }
            var next = ContinuousClock.now
            let base = Date(timeIntervalSince1970: 2_100_000_000)
            for index in 0..<batches {
                try await Task.sleep(until: next, clock: .continuous)
                next = next.advanced(by: .milliseconds(10))
                let equipment = plant.equipment[index % plant.equipment.count]
                let metricIds = plant.metricsByEquipment[equipment]!
                let samples = (0..<perBatch).map { i in
                    TelemetrySample(metricId: metricIds[i % metricIds.count], timestamp: base.addingTimeInterval(Double(index) * 0.01 + Double(i) * 1e-5), value: Double(i))
                }
                sent.continuation.yield(ContinuousClock.now)
                _ = try await pipeline.ingest(TelemetryBatch(source: "bench-latency", sequence: Int64(index), samples: samples))
            }
            sent.continuation.finish()
            return try await group.next() ?? []
        }
    }
}

extension Array where Element == Double {
    func percentile(_ p: Double) -> Double {
        guard !isEmpty else { return 0 }
        let sorted = self.sorted()
        return sorted[Swift.min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }
}
