import Foundation
import Logging
import MS5Domain
@testable import MS5Storage
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
        try await stored(database, equipment, .day)
    }

    /// The span starts of the stored parts (not claims) of `equipment` of one granularity.
    static func stored(_ database: Database, _ equipment: UUID, _ granularity: KPIPartsStore.Granularity) async throws -> [Date] {
        try await database.read { db in
            try await db.select().column("span_start").from("kpi_parts")
                .where("equipment_id", .equal, equipment).where("granularity", .equal, granularity.rawValue).where("parts", .isNot, SQLLiteral.null)
                .orderBy("span_start").all(decodingColumn: "span_start", as: Date.self)
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
            _ = try await store.store(late, equipmentOf: [try #require(total): equipment], sampleKeys: try await TestSamples.keys(database))
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

    @Test("A window starting and ending inside days adds up stored hours and equals the on-demand answer and the figures worked out by hand", arguments: TestDatabases.kinds)
    func partialDays(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (equipment, line) = try await ProductionReportsTests.setUp(database)
            let reports = ProductionReports(database: database)
            // 15th 09:30 – 17th 10:45: the hours 09:00 on the 15th and 10:00 on the 17th are
            // partial, computed live; the 15th's 14 hours from 10:00, the 16th and the 17th's 10
            // hours before 10:00 are stored.
            let window = TimeSpan(start: Self.at(15, "09:30"), end: Self.at(17, "10:45"))
            let cold = try await reports.linePerformance(lineId: line, window: window, now: Self.now)
            #expect(try await Self.storedDays(database, equipment) == [Self.at(16, "00:00")])
            let hours = (10...23).map { Self.at(15, String(format: "%02d:00", $0)) } + (0...9).map { Self.at(17, String(format: "%02d:00", $0)) }
            #expect(try await Self.stored(database, equipment, .hour) == hours)
            let warm = try await reports.linePerformance(lineId: line, window: window, now: Self.now)
            #expect(warm == cold)
            let onDemand = try await reports.periods(equipmentId: equipment, window: window, by: .week, now: Self.now).first?.kpis
            #expect(cold.kpis == onDemand)

            // Shift time: 15th 09:30–14:00 = 16200, the 16th 28800, 17th 06:00–10:45 = 17100 → 62100 s;
            // breaks 3 × 1800 = 5400 s; PBT: the order's 15th 09:30–14:00 less its break = 14400 s;
            // no jam (it ended 09:20), so APT = 14400 s. Counts from the 09:00 reading 5464: total
            // 10464 at 12:00 → produced 5000; rejects 10 → 110 → 100; good 4900.
            // OEE = 1 × (5000 × 2 / 14400) × (4900 / 5000) = 9800 / 14400.
            let planned = cold.kpis.time.planned
            #expect(planned.shiftTime == 62_100 && planned.breakTime == 5400 && planned.plannedBusyTime == 14_400)
            #expect(planned.noOrderTime == 62_100 - 5400 - 14_400 && cold.kpis.time.actualProductionTime == 14_400)
            #expect(cold.kpis.quantities.produced == 5000 && cold.kpis.quantities.rejects == 100 && cold.kpis.quantities.good == 4900)
            #expect(abs((cold.kpis.oee ?? 0) - 9800.0 / 14_400) < 1e-12)
            #expect(cold.stops.isEmpty && cold.counterEvents.isEmpty && cold.pareto.isEmpty)

            // The jam at 15th 09:00–09:20 is inside a stored-hours day once the window starts at 08:30.
            let earlier = TimeSpan(start: Self.at(15, "08:30"), end: Self.at(17, "10:45"))
            let withJam = try await reports.linePerformance(lineId: line, window: earlier, now: Self.now)
            #expect(withJam.kpis == (try await reports.periods(equipmentId: equipment, window: earlier, by: .week, now: Self.now).first?.kpis))
            #expect(withJam.stops.map(\.start) == [Self.at(15, "09:00")] && withJam.pareto.map(\.duration) == [1200])
            #expect(withJam.kpis.time.actualProductionTime == 18_000 - 1200)

            // A window ending at the 12:00 readings counts their increments (total +5000, rejects
            // +100) in its last hour, 11:00–12:00: produced 6000 (the 09:00 rollover) + 5000.
            let toNoon = TimeSpan(start: Self.at(14, "00:00"), end: Self.at(15, "12:00"))
            let noon = try await reports.linePerformance(lineId: line, window: toNoon, now: Self.now)
            #expect(noon.kpis.quantities.produced == 11_000 && noon.kpis.quantities.rejects == 100)
            #expect(noon.kpis == (try await reports.periods(equipmentId: equipment, window: toNoon, by: .week, now: Self.now).first?.kpis))

            // Housekeeping drops the hours of days before a date; the whole days stay.
            try await reports.deleteHourParts(before: Self.at(16, "00:00"))
            #expect(try await Self.storedDays(database, equipment) == [Self.at(14, "00:00"), Self.at(16, "00:00")])
            #expect(try await Self.stored(database, equipment, .hour) == (0...9).map { Self.at(17, String(format: "%02d:00", $0)) })
        }
    }

    @Test("A change committed while a day's parts are computed is not overwritten by them", arguments: TestDatabases.kinds)
    func claimedParts(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (equipment, _) = try await ProductionReportsTests.setUp(database)
            let fifteenth = TimeSpan(start: Self.at(15, "00:00"), end: Self.at(16, "00:00"))
            let inputs = TimeSpan(start: Self.at(14, "00:00"), end: Self.at(17, "00:00"))
            let parts = SegmentParts(span: fifteenth, parts: .init(oee: OEEParts.combined([], window: fifteenth), losses: []), listed: nil)
            let records = SegmentParts.Listed(stops: [], counterEvents: [])
            func claim() async throws -> String {
                try await database.transaction { db in
                    try await KPIPartsStore.claim(db, equipmentId: equipment, granularity: .day, span: fifteenth, inputs: inputs, at: Self.now)
                }
            }
            func save(_ claim: String) async throws {
                try await database.transaction { db in
                    try await KPIPartsStore.save(db, equipmentId: equipment, granularity: .day, parts, listed: records, claim: claim)
                }
            }

            // Undisturbed, the claimed parts are stored.
            try await save(try await claim())
            #expect(try await Self.storedDays(database, equipment) == [fifteenth.start])

            // A change to an input after the claim deletes it, and the parts are not stored.
            let claimed = try await claim()
            #expect(try await Self.storedDays(database, equipment).isEmpty)
            try await database.transaction { db in
                try await KPIPartsStore.invalidate(db, equipmentIds: [equipment], at: [Self.at(15, "13:00")])
            }
            try await save(claimed)
            #expect(try await Self.storedDays(database, equipment).isEmpty)

            // A claim waits for a change in flight: when it is taken, the change has committed, so
            // the inputs read after it include the change.
            let (entered, signal) = AsyncStream.makeStream(of: Void.self)
            let change = Task {
                try await database.transaction { db in
                    try await KPIPartsStore.invalidate(db, equipmentIds: [equipment], at: [Self.at(15, "13:00")])
                    try await db.insert(into: "count_corrections").columns("id", "equipment_id", "at_ts", "good", "reject", "reason", "created_by", "created_at")
                        .values(SQLBind(UUID()), SQLBind(equipment), SQLBind(Self.at(15, "13:00")), SQLBind(1), SQLBind(0), SQLBind("late"),
                                SQLBind("test"), SQLBind(Self.now))
                        .run()
                    signal.yield()
                    try await Task.sleep(for: .milliseconds(300))
                }
            }
            for await _ in entered { break }
            _ = try await claim()
            let corrections = try await database.read { db in
                try await db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from("count_corrections")
                    .where("equipment_id", .equal, equipment).first(decodingColumn: "n", as: Int.self)
            }
            #expect(corrections == 1)
            try await change.value
        }
    }
}
