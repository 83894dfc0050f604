import Foundation
import MS5Domain
import MS5Storage
import MS5TestSupport
import SQLKit
import Testing

/// Bagger 1 on 2027-01-15 (Europe/Berlin, UTC+1), early shift 06:00–14:00 with a break
/// 10:00–10:30, one order of a product with an ideal cycle of 2 s run all shift:
///
/// | local time  | state   |                                              |
/// |-------------|---------|----------------------------------------------|
/// | 06:00–06:30 | stopped | changeover, coded CHANGE (setup) by operator |
/// | 06:30–09:00 | running |                                              |
/// | 09:00–09:20 | held    | first-out fault F12 → JAM proposed           |
/// | 09:20–10:00 | running |                                              |
/// | 10:00–10:30 | idle    | the break: not a stop                        |
/// | 10:30–14:00 | running |                                              |
///
/// The 16-bit total counter reads 65000 before the shift, 5464 at 09:00 (rolled over:
/// 65536 − 65000 + 5464 = 6000 pieces) and 10464 at 12:00 (5000 more); the reject counter
/// reads 10, then 110 at 12:00 (100 rejects).
@Suite("Production reports")
struct ProductionReportsTests {
    static func at(_ local: String) -> Date {
        ISO8601DateFormatter().date(from: "2027-01-15T\(local):00+01:00")!
    }

    static let tree = StopReasonTree(categories: [
        StopReasonCategory(code: "MECH", name: "Mechanical", planning: .unplanned, loss: .breakdown, reasons: [StopReason(code: "JAM", name: "Jam")]),
        StopReasonCategory(code: "SETUP", name: "Setup", planning: .planned, loss: .setupAndAdjustment, reasons: [StopReason(code: "CHANGE", name: "Product change")]),
    ])

    static func setUp(_ database: Database) async throws -> (equipmentId: UUID, lineId: UUID) {
        let plant = try await PlantFixture.make(database)
        let equipment = plant.equipment.id
        try await LineSettingsStore(database: database).setSettings(LineProductionSettings(
            shiftPattern: ShiftPattern(name: "One shift", shifts: [
                ShiftDefinition(name: "Early", start: TimeOfDay(hour: 6), length: 8 * 3600, breaks: [ShiftBreak(offset: 4 * 3600, duration: 1800)]),
            ]),
            reasonTree: tree, constraintEquipmentId: equipment, faultReasons: ["F12": "JAM"]), lineId: plant.line.id)
        let product = try await ProductRepository(database: database).create(ProductInput(code: "WHT-800", name: "White 800 g", idealCycleSeconds: 2))
        let orders = ProductionOrderRepository(database: database)
        let order = try await orders.create(ProductionOrderInput(
            number: "4711", productId: product.id, equipmentId: equipment, plannedQuantity: 12_000, plannedStart: at("06:00"), plannedEnd: at("14:00")))
        _ = try await orders.move(order.id, to: .released, at: at("05:50"))
        _ = try await orders.move(order.id, to: .running, at: at("06:00"))
        _ = try await orders.move(order.id, to: .completed, at: at("14:00"))

        let total = try await MetricRepository(database: database).create(equipmentId: equipment, MetricInput(
            key: "total", name: "Total", role: .counterTotal, connector: .logix, address: "Count_Total.ACC", dataType: "DINT"))
        let reject = try await MetricRepository(database: database).create(equipmentId: equipment, MetricInput(
            key: "reject", name: "Rejects", role: .counterReject, connector: .logix, address: "Count_Reject.ACC", dataType: "DINT"))
        try await database.transaction { db in
            for (state, start, end) in [("stopped", "06:00", "06:30"), ("running", "06:30", "09:00"), ("held", "09:00", "09:20"),
                                        ("running", "09:20", "10:00"), ("idle", "10:00", "10:30"), ("running", "10:30", "14:00")] {
                try await db.insert(into: "state_intervals").columns("equipment_id", "start_ts", "end_ts", "state", "mode", "source")
                    .values(SQLBind(equipment), SQLBind(at(start)), SQLBind(at(end)), SQLBind(state), SQLBind("production"), SQLBind("test")).run()
            }
            try await db.insert(into: "fault_events").columns("id", "equipment_id", "code", "text", "kind", "source", "start_ts", "end_ts", "first_out")
                .values(SQLBind(UUID()), SQLBind(equipment), SQLBind("F12"), SQLBind("Jam at infeed"), SQLBind("fault"), SQLBind("internal"),
                        SQLBind(at("08:59").addingTimeInterval(59)), SQLBind(at("09:15")), SQLBind(true)).run()
            for (metric, time, value) in [(total.id, "05:59", 65_000.0), (total.id, "09:00", 5_464), (total.id, "12:00", 10_464),
                                          (reject.id, "05:59", 10), (reject.id, "12:00", 110)] {
                try await TestSamples.insert(db, metricId: metric, at: at(time), value: value)
            }
        }
        return (equipment, plant.line.id)
    }

    @Test("A shift's KPIs, stops and Pareto come from stored settings, orders, states, faults and counters", arguments: TestDatabases.kinds)
    func shift(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (equipment, line) = try await Self.setUp(database)
            let reports = ProductionReports(database: database)
            let shift = TimeSpan(start: Self.at("06:00"), end: Self.at("14:00"))
            let coded = try await reports.code(
                equipmentId: equipment, StopCodingInput(stopStart: Self.at("06:00"), reasonCode: "CHANGE", comment: "WHT-600 → WHT-800"),
                by: "operator", now: Self.at("06:40"))
            #expect(coded.reasonCode == "CHANGE" && coded.comments.map(\.text) == ["WHT-600 → WHT-800"])

            let report = try await reports.linePerformance(lineId: line, window: shift, now: Self.at("15:00"))
            #expect(report.equipmentId == equipment)
            let kpis = report.kpis
            // PBT = 8 h shift − 30 min break = 28800 − 1800 = 27000 s (the order ran all shift).
            #expect(kpis.time.planned.plannedBusyTime == 27_000)
            // APT = 2.5 h + 40 min + 3.5 h = 9000 + 2400 + 12600 = 24000 s.
            #expect(kpis.time.actualProductionTime == 24_000)
            #expect(kpis.time.setupTime == 1800 && kpis.time.breakdownTime == 1200)
            // Produced = 6000 (across the rollover) + 5000 = 11000; rejects 110 − 10 = 100; good 10900.
            #expect(kpis.quantities.produced == 11_000 && kpis.quantities.rejects == 100 && kpis.quantities.good == 10_900)
            #expect(report.counterEvents.map(\.kind) == [.rollover])
            // Availability 24000 / 27000; effectiveness 11000 × 2 / 24000 = 22000 / 24000; quality 10900 / 11000;
            // OEE = 10900 × 2 / 27000 = 21800 / 27000.
            #expect(abs((kpis.availability ?? 0) - 24_000.0 / 27_000) < 1e-12)
            #expect(abs((kpis.effectiveness ?? 0) - 22_000.0 / 24_000) < 1e-12)
            #expect(abs((kpis.qualityRatio ?? 0) - 10_900.0 / 11_000) < 1e-12)
            #expect(abs((kpis.oee ?? 0) - 21_800.0 / 27_000) < 1e-12)
            #expect(!kpis.idealRateMisconfigured)
            // One failure (the 20-minute jam): MTTR 1200 s, MTBF = APT / 1 = 24000 s.
            #expect(kpis.failureCount == 1 && kpis.meanTimeToRepair == 1200 && kpis.meanTimeBetweenFailures == 24_000)
            #expect(report.stops.map(\.start) == [Self.at("06:00"), Self.at("09:00")])
            #expect(report.stops.map(\.effectiveReasonCode) == ["CHANGE", "JAM"])
            // The Pareto holds unplanned stops only: the jam, 1200 s = 1200 / 27000 of PBT.
            #expect(report.pareto.map(\.reasonCode) == ["JAM"])
            #expect(report.pareto.first?.duration == 1200)
            #expect(abs((report.pareto.first?.shareOfPlannedBusyTime ?? 0) - 1200.0 / 27_000) < 1e-12)

            // The line's losses: the same Pareto; the jam is the only unplanned stop of its one
            // equipment (the changeover is planned), all of it on 2027-01-15.
            let losses = try await reports.lineLosses(lineId: line, window: shift, now: Self.at("15:00"))
            #expect(losses.pareto == report.pareto)
            #expect(losses.byEquipment.map(\.equipmentId) == [equipment.uuidString])
            #expect(losses.byEquipment.map(\.duration) == [1200] && losses.byEquipment.map(\.count) == [1])
            #expect(losses.dailyTrend.map(\.duration) == [1200] && losses.dailyTrend.first?.day == shift)
        }
    }

    @Test("The current shift is reported up to now; a stop that is not there cannot be coded", arguments: TestDatabases.kinds)
    func liveAndRefusals(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (equipment, _) = try await Self.setUp(database)
            let reports = ProductionReports(database: database)
            // At 09:10 the shift so far is 06:00–09:10: PBT 11400 s, running 06:30–09:00 = 9000 s.
            let live = try await reports.performance(equipmentId: equipment, window: TimeSpan(start: Self.at("06:00"), end: Self.at("14:00")), now: Self.at("09:10"))
            #expect(live.window.end == Self.at("09:10"))
            #expect(live.kpis.time.planned.plannedBusyTime == 11_400)
            #expect(live.kpis.time.actualProductionTime == 9000)
            let missing = await #expect(throws: DomainError.self) {
                try await reports.code(equipmentId: equipment, StopCodingInput(stopStart: Self.at("07:00"), reasonCode: "JAM"), by: "operator", now: Self.at("15:00"))
            }
            #expect(missing?.code == .notFound)
            let unknownReason = await #expect(throws: DomainError.self) {
                try await reports.code(equipmentId: equipment, StopCodingInput(stopStart: Self.at("09:00"), reasonCode: "NOPE"), by: "operator", now: Self.at("15:00"))
            }
            #expect(unknownReason?.violations.first?.field == "/reasonCode")

            // The API shows times to the millisecond: a start within the same millisecond names the stop.
            let coded = try await reports.code(
                equipmentId: equipment, StopCodingInput(stopStart: Self.at("09:00").addingTimeInterval(0.0004), reasonCode: "JAM"),
                by: "operator", now: Self.at("15:00"))
            #expect(coded.start == Self.at("09:00") && coded.reasonCode == "JAM")
            let twoMillisecondsOff = await #expect(throws: DomainError.self) {
                try await reports.code(
                    equipmentId: equipment, StopCodingInput(stopStart: Self.at("09:00").addingTimeInterval(0.002), reasonCode: "JAM"),
                    by: "operator", now: Self.at("15:00"))
            }
            #expect(twoMillisecondsOff?.code == .notFound)
        }
    }

    @Test("A day broken down by shift, day and order gives the shift's figures in each", arguments: TestDatabases.kinds)
    func periods(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (equipment, _) = try await Self.setUp(database)
            let reports = ProductionReports(database: database)
            let day = TimeSpan(start: Self.at("00:00"), end: Self.at("00:00").addingTimeInterval(86_400))
            let byShift = try await reports.periods(equipmentId: equipment, window: day, by: .shift, now: Self.at("23:00"))
            #expect(byShift.map(\.label) == ["Early 2027-01-15"])
            let byDay = try await reports.periods(equipmentId: equipment, window: day, by: .day, now: Self.at("23:00"))
            // The day is cut at 23:00 (now); only the early shift is planned, so PBT is its 27000 s.
            #expect(byDay.map(\.label) == ["2027-01-15"] && byDay.first?.window.end == Self.at("23:00"))
            let byOrder = try await reports.periods(equipmentId: equipment, window: day, by: .order, now: Self.at("23:00"))
            #expect(byOrder.map(\.label) == ["4711"])
            for period in byShift + byDay + byOrder {
                #expect(period.kpis.time.planned.plannedBusyTime == 27_000)
                // OEE = 10900 × 2 / 27000 whether or not the stops are coded: coding moves time between losses only.
                #expect(abs((period.kpis.oee ?? 0) - 21_800.0 / 27_000) < 1e-12)
            }
        }
    }

    @Test("Planned downtime, a count correction and a split stop change the figures as worked out by hand", arguments: TestDatabases.kinds)
    func recordedByPeople(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (equipment, line) = try await Self.setUp(database)
            let calendar = ProductionCalendarStore(database: database)
            let reports = ProductionReports(database: database)
            _ = try await calendar.addDowntime(lineId: line, PlannedDowntimeInput(kind: .meeting, start: Self.at("13:00"), end: Self.at("13:30"), note: "Safety talk"), by: "supervisor")
            _ = try await calendar.correct(equipmentId: equipment, CountCorrectionInput(at: Self.at("13:45"), good: 40, reject: -10, reason: "10 packs re-inspected good, 30 hand-packed"), by: "supervisor")
            let parts = try await reports.split(equipmentId: equipment, StopSplitInput(stopStart: Self.at("09:00"), at: Self.at("09:15")), by: "operator", now: Self.at("15:00"))
            #expect(parts.map(\.start) == [Self.at("09:00"), Self.at("09:15")] && parts.map(\.duration) == [900, 300])
            _ = try await reports.code(equipmentId: equipment, StopCodingInput(stopStart: Self.at("09:15"), reasonCode: "JAM"), by: "operator", now: Self.at("15:00"))

            let report = try await reports.performance(equipmentId: equipment, window: TimeSpan(start: Self.at("06:00"), end: Self.at("14:00")), now: Self.at("15:00"))
            let kpis = report.kpis
            // PBT = 27000 − 1800 s meeting = 25200 s; APT = 24000 − the 1800 s of running inside the meeting = 22200 s.
            #expect(kpis.time.planned.plannedBusyTime == 25_200 && kpis.time.actualProductionTime == 22_200)
            // Produced 11000 + (40 − 10) = 11030; rejects 100 − 10 = 90; good 10900 + 40 = 10940.
            #expect(kpis.quantities.produced == 11_030 && kpis.quantities.rejects == 90 && kpis.quantities.good == 10_940)
            // OEE = good × ideal cycle / PBT = 10940 × 2 / 25200.
            #expect(abs((kpis.oee ?? 0) - 21_880.0 / 25_200) < 1e-12)
            // The jam is now two failures of 900 s and 300 s: MTTR = 1200 / 2 = 600 s.
            #expect(report.stops.map(\.start) == [Self.at("06:00"), Self.at("09:00"), Self.at("09:15")])
            #expect(kpis.failureCount == 2 && kpis.meanTimeToRepair == 600)
            let refused = await #expect(throws: DomainError.self) {
                try await reports.split(equipmentId: equipment, StopSplitInput(stopStart: Self.at("06:00"), at: Self.at("07:00")), by: "operator", now: Self.at("15:00"))
            }
            #expect(refused?.violations.first?.field == "/at")
        }
    }
}
