import Foundation
import Logging
import MS5Domain
import MS5Storage
import MS5TestSupport
import SQLKit
import Testing

/// Long windows added up from per-day parts: the shift of ``ProductionReportsTests`` (Bagger 1 on
/// 2027-01-15, Europe/Berlin) inside the window 2027-01-12 00:00 – 2027-01-17 12:00, asked at
/// 2027-01-17 12:00. The early shift (06:00–14:00, break 10:00–10:30) is planned every day, but
/// the only order runs on the 15th, so:
/// - shift time = 5 whole days × 28800 + 06:00–12:00 on the 17th (21600) = 165600 s;
/// - breaks = 6 × 1800 = 10800 s;
/// - PBT = the 15th's 27000 s; no-order time = 165600 − 10800 − 27000 = 127800 s;
/// - APT 24000 s, produced 11000, rejects 100, good 10900, OEE = 10900 × 2 / 27000, as on the 15th.
/// The days 12th–16th are stored as they are over; the 17th is not (it is not over).
@Suite("Day parts reports")
struct DayPartsReportsTests {
    static func at(_ day: Int, _ local: String) -> Date {
        ISO8601DateFormatter().date(from: String(format: "2027-01-%02dT%@:00+01:00", day, local))!
    }

    static let window = TimeSpan(start: at(12, "00:00"), end: at(17, "12:00"))
    static let now = at(17, "12:00")

    /// The day starts of the stored parts of `equipment`.
    static func storedDays(_ database: Database, _ equipment: UUID) async throws -> [Date] {
        try await database.read { db in
            try await db.select().column("day_start").from("kpi_day_parts").where("equipment_id", .equal, equipment)
                .orderBy("day_start").all(decodingColumn: "day_start", as: Date.self)
        }
    }

    /// The on-demand KPIs of the window: its ISO week (Mon 11th – Mon 18th) holds all of it.
    static func onDemand(_ reports: ProductionReports, _ equipment: UUID) async throws -> OEEResult? {
        try await reports.periods(equipmentId: equipment, window: window, by: .week, now: now).first?.kpis
    }

    @Test("A long window added up from day parts equals the on-demand answer and the figures worked out by hand", arguments: TestDatabases.kinds)
    func materialised(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (equipment, line) = try await ProductionReportsTests.setUp(database)
            let reports = ProductionReports(database: database)
            #expect(try await Self.storedDays(database, equipment).isEmpty)

            let cold = try await reports.linePerformance(lineId: line, window: Self.window, now: Self.now)
            // The five whole days are stored; the 17th, not over, is not.
            #expect(try await Self.storedDays(database, equipment) == (12...16).map { Self.at($0, "00:00") })
            let warm = try await reports.linePerformance(lineId: line, window: Self.window, now: Self.now)
            #expect(warm == cold)
            #expect(cold.kpis == (try await Self.onDemand(reports, equipment)))

            let kpis = cold.kpis
            let planned = kpis.time.planned
            #expect(planned.shiftTime == 165_600 && planned.breakTime == 10_800 && planned.noOrderTime == 127_800)
            #expect(planned.plannedBusyTime == 27_000 && kpis.time.actualProductionTime == 24_000)
            // The changeover (06:00–06:30) is uncoded, the jam (09:00–09:20) a breakdown.
            #expect(kpis.time.uncodedStopTime == 1800 && kpis.time.breakdownTime == 1200)
            #expect(kpis.quantities.produced == 11_000 && kpis.quantities.rejects == 100 && kpis.quantities.good == 10_900)
            #expect(abs((kpis.oee ?? 0) - 21_800.0 / 27_000) < 1e-12)
            #expect(kpis.failureCount == 1 && kpis.meanTimeToRepair == 1200 && kpis.meanTimeBetweenFailures == 24_000)
            #expect(cold.stops.map(\.start) == [Self.at(15, "06:00"), Self.at(15, "09:00")])
            #expect(cold.counterEvents.map(\.kind) == [.rollover])
            // Pareto: the uncoded changeover 1800 s, then the jam 1200 s, of 3000 s.
            #expect(cold.pareto.map(\.reasonCode) == [nil, "JAM"] && cold.pareto.map(\.duration) == [1800, 1200])
            #expect(cold.pareto.map(\.count) == [1, 1] && cold.pareto.last?.cumulativeShareOfStopTime == 1)

            // Without the lists: the same KPIs and Pareto, no stops or counter events; so for a day.
            let unlisted = try await reports.linePerformance(lineId: line, window: Self.window, now: Self.now, listingStops: false)
            #expect(unlisted.kpis == cold.kpis && unlisted.pareto == cold.pareto && unlisted.stops.isEmpty && unlisted.counterEvents.isEmpty)
            let fifteenth = TimeSpan(start: Self.at(15, "00:00"), end: Self.at(16, "00:00"))
            let day = try await reports.linePerformance(lineId: line, window: fifteenth, now: Self.now)
            let dayUnlisted = try await reports.linePerformance(lineId: line, window: fifteenth, now: Self.now, listingStops: false)
            #expect(day.stops.count == 2 && dayUnlisted.stops.isEmpty && dayUnlisted.counterEvents.isEmpty && dayUnlisted.kpis == day.kpis)

            let losses = try await reports.lineLosses(lineId: line, window: Self.window, now: Self.now)
            #expect(losses.pareto == cold.pareto)
            #expect(losses.byEquipment.map(\.duration) == [3000] && losses.byEquipment.map(\.count) == [2])
            // One entry per local day 12th–17th: all 3000 s on the 15th.
            #expect(losses.dailyTrend.map(\.duration) == [0, 0, 0, 3000, 0, 0])
            #expect(losses.dailyTrend.last?.day == TimeSpan(start: Self.at(17, "00:00"), end: Self.now))
        }
    }

    @Test("Coding a stop, correcting a count and a late sample in a past day change the long-window answer", arguments: TestDatabases.kinds)
    func invalidated(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (equipment, line) = try await ProductionReportsTests.setUp(database)
            let reports = ProductionReports(database: database)
            _ = try await reports.linePerformance(lineId: line, window: Self.window, now: Self.now)
            #expect(try await Self.storedDays(database, equipment).count == 5)

            // Coding the changeover (15th 06:00) deletes the parts whose inputs reach that instant:
            // the 14th (read up to 24 h past its end), the 15th and the 16th (stops from 24 h before).
            _ = try await reports.code(equipmentId: equipment, StopCodingInput(stopStart: Self.at(15, "06:00"), reasonCode: "CHANGE"), by: "operator", now: Self.now)
            #expect(try await Self.storedDays(database, equipment) == [Self.at(12, "00:00"), Self.at(13, "00:00")])
            var report = try await reports.linePerformance(lineId: line, window: Self.window, now: Self.now)
            #expect(try await Self.storedDays(database, equipment).count == 5)
            // The 1800 s move from uncoded to setup; CHANGE is planned, so only the jam is left in the Pareto.
            #expect(report.kpis.time.setupTime == 1800 && report.kpis.time.uncodedStopTime == 0)
            #expect(report.pareto.map(\.reasonCode) == ["JAM"] && report.pareto.map(\.duration) == [1200])
            #expect(report.kpis == (try await Self.onDemand(reports, equipment)))

            // A correction at 15th 13:45: +40 good, −10 rejects → produced 11030, rejects 90, good 10940.
            _ = try await ProductionCalendarStore(database: database).correct(
                equipmentId: equipment, CountCorrectionInput(at: Self.at(15, "13:45"), good: 40, reject: -10, reason: "re-inspected"), by: "supervisor")
            report = try await reports.linePerformance(lineId: line, window: Self.window, now: Self.now)
            #expect(report.kpis.quantities.produced == 11_030 && report.kpis.quantities.rejects == 90 && report.kpis.quantities.good == 10_940)
            #expect(abs((report.kpis.oee ?? 0) - 21_880.0 / 27_000) < 1e-12)
            #expect(report.kpis == (try await Self.onDemand(reports, equipment)))

            // A late total-counter sample at 15th 13:00 reading 10964: 500 pieces after 10464 at 12:00,
            // none rejected → produced 11530, good 11440; 11530 × 2 = 23060 s ≤ APT 24000 s, so
            // effectiveness stays below 100 % and OEE = good × ideal cycle / PBT = 22880 / 27000.
            let total = try await database.read { db in
                try await db.select().column("id").from("metrics").where("equipment_id", .equal, equipment).where("role", .equal, "counter_total")
                    .first(decodingColumn: "id", as: UUID.self)
            }
            let store = TelemetryStore(database: database, aggregator: TelemetryAggregator(database: database, logger: Logger(label: "test")))
            let late = TelemetryBatch(source: "gateway", sequence: 1, samples: [TelemetrySample(metricId: try #require(total), timestamp: Self.at(15, "13:00"), value: 10_964)])
            _ = try await store.store(late, equipmentOf: [try #require(total): equipment])
            #expect(try await Self.storedDays(database, equipment) == [Self.at(12, "00:00"), Self.at(13, "00:00")])
            report = try await reports.linePerformance(lineId: line, window: Self.window, now: Self.now)
            #expect(report.kpis.quantities.produced == 11_530 && report.kpis.quantities.good == 11_440)
            #expect(abs((report.kpis.oee ?? 0) - 22_880.0 / 27_000) < 1e-12)
            #expect(report.kpis == (try await Self.onDemand(reports, equipment)))
        }
    }

    @Test("KPIs by local day over a long window come from the day parts and equal each day asked on its own", arguments: TestDatabases.kinds)
    func byDay(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (equipment, _) = try await ProductionReportsTests.setUp(database)
            let reports = ProductionReports(database: database)
            let periods = try await reports.periods(equipmentId: equipment, window: Self.window, by: .day, now: Self.now)
            #expect(periods.map(\.label) == (12...17).map { String(format: "2027-01-%02d", $0) })
            #expect(periods.last?.window == TimeSpan(start: Self.at(17, "00:00"), end: Self.now))
            // The whole days are stored as the periods are computed; the 17th is not over.
            #expect(try await Self.storedDays(database, equipment) == (12...16).map { Self.at($0, "00:00") })

            // Only the 15th has an order: its figures are the shift's; the other days have shift
            // and break time but no planned busy time.
            let fifteenth = try #require(periods.first { $0.label == "2027-01-15" }?.kpis)
            #expect(fifteenth.time.planned.plannedBusyTime == 27_000 && fifteenth.time.actualProductionTime == 24_000)
            #expect(fifteenth.quantities.produced == 11_000 && fifteenth.quantities.good == 10_900)
            #expect(abs((fifteenth.oee ?? 0) - 21_800.0 / 27_000) < 1e-12)
            for period in periods where period.label != "2027-01-15" {
                #expect(period.kpis.time.planned.plannedBusyTime == 0 && period.kpis.quantities.produced == 0 && period.kpis.oee == nil)
                #expect(period.kpis.time.planned.shiftTime == (period.label == "2027-01-17" ? 21_600 : 28_800))
                #expect(period.kpis.time.planned.breakTime == 1800)
            }
            // Each day equals the same day asked on its own, which a window of a day computes from raw data.
            for period in periods {
                let alone = try await reports.performance(equipmentId: equipment, window: period.window, now: Self.now)
                #expect(period.kpis == alone.kpis, "\(period.label)")
            }
            // Asked again, the stored days give the same answer.
            #expect(try await reports.periods(equipmentId: equipment, window: Self.window, by: .day, now: Self.now) == periods)
        }
    }
}
