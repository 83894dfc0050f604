import ArgumentParser
import Foundation
import Logging
import MS5Domain
import MS5Ingest
import MS5Server
import MS5Simulator
import MS5Storage
import SQLKit

/// `ms5 bench oee`: the bread line's simulated history at 1 Hz, run accelerated straight into the
/// ingest pipeline (the cost of keeping raw samples, rollups, states and faults current), then the
/// cost of computing the per-day KPI parts, and the time of the line's KPIs and loss Pareto over
/// the whole history (first cold, then with the parts stored; its first and last local days are
/// partial: their whole hours are stored like days, their partial hours computed live), over its
/// whole local days only, and over the current shift.
struct BenchOeeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "oee", abstract: "Benchmark line OEE and loss Pareto over a long simulated history.")

    @Option(help: "sqlite (a fresh temporary file) or a postgres:// URL of a server where a scratch database may be created.")
    var database = "sqlite"

    @Option(help: "Days of simulated history, at the simulator's 1 s tick.")
    var days = 365

    @Option(help: "Timed runs of each query.")
    var queries = 50

    @Option(help: "Seconds after which a query's runs stop early (after at least 3), so that a slow query still reports.")
    var querySeconds = 120.0

    @Option(help: "Seed of the simulated line.")
    var seed: UInt64 = 2026

    /// Where the history starts: 2025-01-01 00:00 UTC, so that runs are comparable.
    static let historyStart = Date(timeIntervalSince1970: 1_735_689_600)

    func validate() throws {
        guard days > 0, queries > 0, querySeconds > 0 else { throw ValidationError("--days, --queries and --query-seconds must be positive.") }
    }

    func run() async throws {
        let logger = { var logger = Logger(label: "ms5.bench"); logger.logLevel = .warning; return logger }()
        try await BenchDatabase.with(database, logger: logger) { database in
            try await Migrator(database: database).migrate()
            try await DemoPlant.createPlant(database: database, orderStart: Self.historyStart)
            let end = Self.historyStart.addingTimeInterval(Double(days) * 86_400)
            try await ingestHistory(database, until: end, logger: logger)
            try await timeQueries(database, until: end)
        }
    }

    /// Runs the simulator from ``historyStart`` to `end` and ingests its samples a simulated
    /// minute at a time (one batch per minute, as a connector sending every minute would), writing
    /// the aggregates every simulated hour; prints progress once per simulated day.
    private func ingestHistory(_ database: Database, until end: Date, logger: Logger) async throws {
        let bindings = try await SimulatorBindings.load(database)
        let pipeline = IngestPipeline(database: database, bus: EventBus(), logger: logger)
        var simulator = BreadLineSimulator(seed: seed, start: Self.historyStart)
        var sequence: Int64 = 0
        var samples = 0
        let started = ContinuousClock.now
        let cpuStarted = Self.cpuSeconds()
        var minute = Self.historyStart
        while minute < end {
            minute = min(end, minute.addingTimeInterval(60))
            // `advance(to:)` includes the tick at `to`; the next minute starts after it.
            let batch = simulator.advance(to: minute.addingTimeInterval(-0.5)).compactMap { sample -> TelemetrySample? in
                bindings[SimulatorFeed.SimulatedBinding(equipment: sample.equipment, tag: sample.metric)]
                    .map { TelemetrySample(metricId: $0, timestamp: sample.timestamp, value: sample.value) }
            }
            for offset in stride(from: 0, to: batch.count, by: TelemetryBatch.maximumSamples) {
                sequence += 1
                let chunk = Array(batch[offset..<min(offset + TelemetryBatch.maximumSamples, batch.count)])
                samples += try await pipeline.ingest(TelemetryBatch(source: "simulator", sequence: sequence, samples: chunk)).stored
            }
            let elapsed = minute.timeIntervalSince(Self.historyStart)
            if elapsed.truncatingRemainder(dividingBy: 3600) == 0 || minute == end {
                try await pipeline.aggregator.flush()
                simulator.discardTruth(before: minute)
            }
            if elapsed.truncatingRemainder(dividingBy: 86_400) == 0 || minute == end {
                let wall = (ContinuousClock.now - started).seconds
                Console.say(String(format: "day %d of %d: %d samples stored, %.0f samples/s, %.1f simulated days per wall hour, CPU %.0f %% of one core",
                                   Int(elapsed / 86_400), days, samples, Double(samples) / wall, elapsed / 86_400 / wall * 3600,
                                   100 * (Self.cpuSeconds() - cpuStarted) / wall))
            }
        }
        let wall = (ContinuousClock.now - started).seconds
        Console.say(String(format: "ingest: %d samples over %d simulated days in %.0f s: %.0f samples/s, %.0f samples per simulated day, ms5 CPU %.0f s",
                           samples, days, wall, Double(samples) / wall, Double(samples) / Double(days), Self.cpuSeconds() - cpuStarted))
        if days < 365 {
            Console.say(String(format: "EXTRAPOLATED, not measured: a year at this rate would store %.0f samples and take %.1f h of ingest",
                               Double(samples) / Double(days) * 365, wall / Double(days) * 365 / 3600))
        }
    }

    /// Times the line's performance and loss Pareto over the whole history and the current
    /// shift's performance, `queries` runs each, as the API asks for them with `now` at the end.
    private func timeQueries(_ database: Database, until end: Date) async throws {
        let reports = ProductionReports(database: database)
        guard let line = try await LineRepository(database: database).list(PageRequest(limit: 10)).items.first(where: { $0.code == "BREAD1" }),
              let settings = try await LineSettingsStore(database: database).settings(lineId: line.id) else {
            throw CommandFailure("The demo bread line was not created.")
        }
        let history = TimeSpan(start: Self.historyStart, end: end)
        let shifts = settings.shiftPattern.instances(overlapping: TimeSpan(start: end.addingTimeInterval(-86_400), end: end), in: TimeZone(identifier: "Europe/Berlin") ?? .gmt)
        guard let shift = shifts.last(where: { $0.start < end }) else { throw CommandFailure("No shift before the end of the history.") }
        let current = TimeSpan(start: shift.start, end: end)
        let localDays = PlantCalendar(timeZone: TimeZone(identifier: "Europe/Berlin") ?? .gmt).days(overlapping: history)
            .filter { $0.start >= history.start && $0.end <= history.end }
        guard let firstDay = localDays.first, let lastDay = localDays.last else { throw CommandFailure("The history holds no whole local day.") }
        let wholeDays = TimeSpan(start: firstDay.start, end: lastDay.end)
        // As "the last N days" asked at an arbitrary minute: both ends inside an hour.
        let insideHours = TimeSpan(start: history.start.addingTimeInterval(97 * 60), end: end.addingTimeInterval(-23 * 60))
        // The OEE screen's widest range: by local day over the last 14 days, by shift over the last 3.
        let constraint = try await reports.constraintEquipment(lineId: line.id)
        let fortnight = TimeSpan(start: end.addingTimeInterval(-14 * 86_400), end: end)
        let threeDays = TimeSpan(start: end.addingTimeInterval(-3 * 86_400), end: end)

        try await timeMaterialisation(database, reports: reports, lineId: line.id, history: history)
        let performance = try await reports.linePerformance(lineId: line.id, window: history, now: end)
        Console.say(String(format: "whole history: OEE %.1f %% (availability %.1f %%, effectiveness %.1f %%, quality %.1f %%), %d stops, %d Pareto reasons",
                           100 * (performance.kpis.oee ?? 0), 100 * (performance.kpis.availability ?? 0), 100 * (performance.kpis.effectiveness ?? 0),
                           100 * (performance.kpis.qualityRatio ?? 0), performance.stops.count, performance.pareto.count))
        let timings: [(String, @Sendable () async throws -> Void)] = [
            ("line OEE over \(days) days", { _ = try await reports.linePerformance(lineId: line.id, window: history, now: end) }),
            ("loss Pareto over \(days) days", { _ = try await reports.lineLosses(lineId: line.id, window: history, now: end) }),
            ("line OEE over \(days) days, without the stop list (stops=false)", {
                _ = try await reports.linePerformance(lineId: line.id, window: history, now: end, listingStops: false)
            }),
            ("line OEE over \(days) days less 97 min at the start and 23 min at the end, without the stop list (stops=false)", {
                _ = try await reports.linePerformance(lineId: line.id, window: insideHours, now: end, listingStops: false)
            }),
            ("loss Pareto over \(days) days less 97 min at the start and 23 min at the end", {
                _ = try await reports.lineLosses(lineId: line.id, window: insideHours, now: end)
            }),
            ("line OEE over the \(localDays.count) whole local days", { _ = try await reports.linePerformance(lineId: line.id, window: wholeDays, now: end) }),
            ("line OEE over the \(localDays.count) whole local days, without the stop list (stops=false)", {
                _ = try await reports.linePerformance(lineId: line.id, window: wholeDays, now: end, listingStops: false)
            }),
            ("loss Pareto over the \(localDays.count) whole local days", { _ = try await reports.lineLosses(lineId: line.id, window: wholeDays, now: end) }),
            ("line OEE of the current shift", { _ = try await reports.linePerformance(lineId: line.id, window: current, now: end) }),
            ("KPIs by local day over the last 14 days (day parts)", { _ = try await reports.periods(equipmentId: constraint, window: fortnight, by: .day, now: end) }),
            ("KPIs by shift over the last 3 days (raw data)", { _ = try await reports.periods(equipmentId: constraint, window: threeDays, by: .shift, now: end) }),
        ]
        for (name, query) in timings {
            var milliseconds: [Double] = []
            let budget = ContinuousClock.now.advanced(by: .seconds(querySeconds))
            while milliseconds.count < queries && (milliseconds.count < 3 || ContinuousClock.now < budget) {
                let start = ContinuousClock.now
                try await query()
                milliseconds.append((ContinuousClock.now - start).seconds * 1000)
            }
            Console.say(String(format: "%@: p50 %.1f ms, p99 %.1f ms over %d runs", name, milliseconds.percentile(0.5), milliseconds.percentile(0.99), milliseconds.count))
        }
    }

    /// Times computing and storing the parts of every day of the history for every equipment of
    /// the line (what keeping the day parts current costs, a day at a time), then, with them
    /// deleted, the first (cold) long queries, which compute and store the parts they need.
    private func timeMaterialisation(_ database: Database, reports: ProductionReports, lineId: UUID, history: TimeSpan) async throws {
        var start = ContinuousClock.now
        try await reports.materialise(lineId: lineId, window: history, now: history.end)
        let seconds = (ContinuousClock.now - start).seconds
        let stored = try await database.read { db in
            try await db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from("kpi_parts")
                .where("granularity", .equal, "day").where("parts", .isNot, SQLLiteral.null).first(decodingColumn: "n", as: Int.self) ?? 0
        }
        Console.say(String(format: "day parts: %d equipment-days computed and stored in %.1f s, %.0f ms each (the cost of keeping them current, once a day per equipment)",
                           stored, seconds, 1000 * seconds / Double(max(1, stored))))
        try await database.transaction { db in try await db.delete(from: "kpi_parts").run() }
        let cold: [(String, @Sendable () async throws -> Void)] = [
            ("line OEE over \(days) days, cold (stores the constraint's day parts)", { _ = try await reports.linePerformance(lineId: lineId, window: history, now: history.end) }),
            ("loss Pareto over \(days) days, cold (stores the other equipment's day parts)", { _ = try await reports.lineLosses(lineId: lineId, window: history, now: history.end) }),
        ]
        for (name, query) in cold {
            start = ContinuousClock.now
            try await query()
            Console.say(String(format: "%@: %.1f ms", name, (ContinuousClock.now - start).seconds * 1000))
        }
    }

    /// CPU seconds this process used so far, every thread, user and system.
    private static func cpuSeconds() -> Double {
        Double(clock()) / Double(CLOCKS_PER_SEC)
    }
}
