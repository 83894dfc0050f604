import Foundation
import MS5Domain
import Testing

/// Scenarios on one Early shift 06:00–14:00 (UTC), no breaks.
@Suite("Scenarios: speed, rejects, orders, maintenance, configuration")
struct ProductionScenarioTests {
    let shift = ShiftInstance(name: "Early", start: Fixtures.at("2026-03-02T06:00:00Z"), end: Fixtures.at("2026-03-02T14:00:00Z"))
    let end = Fixtures.at("2026-03-02T14:00:00Z")

    func order(from: String = "2026-03-02T06:00:00Z", cycle: TimeInterval) -> ProductionOrderRun {
        ProductionOrderRun(orderId: "O-1", start: Fixtures.at(from), end: end, idealCycleTime: cycle)
    }

    func calculate(
        orders: [ProductionOrderRun], intervals: [StateInterval], counts: [CounterIncrement], coding: [String: String] = [:]
    ) throws -> OEEResult {
        let timeline = StateTimeline(intervals, asOf: end)
        let stops = try Fixtures.stops(window: shift.span, shifts: [shift], orders: orders, timeline: timeline).map { stop in
            guard let reason = coding[stop.id] else { return stop }
            return try stop.confirmed(reasonCode: reason, at: end, tree: Fixtures.tree)
        }
        return OEECalculator.calculate(
            OEEInput(window: shift.span, shifts: [shift], orders: orders, timeline: timeline, stops: stops, counts: counts, reasonTree: Fixtures.tree))
    }

    @Test("reduced speed: running all shift at 3/4 of the ideal rate")
    func reducedSpeed() throws {
        let result = try calculate(
            orders: [order(cycle: 1)],
            intervals: [Fixtures.interval(.running, "2026-03-02T06:00:00Z", "2026-03-02T14:00:00Z")],
            counts: [CounterIncrement(at: Fixtures.at("2026-03-02T14:00:00Z"), total: 21_600, reject: 0)])
        // PBT = APT = 28800 s; ideal time = 21600 × 1 s = 21600 s.
        #expect(result.availability == 1)
        // E = 21600 / 28800 = 0.75; reduced speed = 28800 − 21600 = 7200 s.
        #expect(result.effectiveness == 0.75)
        #expect(result.losses.reducedSpeed == 7200)
        // OEE = 1 × 0.75 × 1 = 0.75.
        #expect(result.oee == 0.75)
    }

    @Test("rejects right after a restart are start-up rejects, later ones production rejects")
    func rejects() throws {
        let result = try calculate(
            orders: [order(cycle: 2)],
            intervals: [
                Fixtures.interval(.running, "2026-03-02T06:00:00Z", "2026-03-02T07:30:00Z"),
                Fixtures.interval(.stopped, "2026-03-02T07:30:00Z", "2026-03-02T08:00:00Z"),
                Fixtures.interval(.running, "2026-03-02T08:00:00Z", "2026-03-02T14:00:00Z"),
            ],
            counts: [
                CounterIncrement(at: Fixtures.at("2026-03-02T07:30:00Z"), total: 2000, reject: 0),
                CounterIncrement(at: Fixtures.at("2026-03-02T08:05:00Z"), total: 100, reject: 30),
                CounterIncrement(at: Fixtures.at("2026-03-02T11:00:00Z"), total: 5000, reject: 20),
            ])
        // 08:05 is within 10 min after the stop ended at 08:00 → 30 start-up rejects × 2 s = 60 s.
        #expect(result.quantities.startupRejects == 30)
        #expect(result.losses.startupRejects == 60)
        // 11:00 is not → 20 production rejects × 2 s = 40 s.
        #expect(result.quantities.productionRejects == 20)
        #expect(result.losses.productionRejects == 40)
        // PQ = 2000 + 100 + 5000 = 7100; GQ = 7100 − 50 = 7050; Q = 7050 / 7100 = 0.992957…
        #expect(result.quantities.produced == 7100)
        #expect(approx(result.qualityRatio, 0.992_957_746_478_873))
    }

    @Test("time without an order is excluded, and so are its counts")
    func noOrder() throws {
        let result = try calculate(
            orders: [order(from: "2026-03-02T08:00:00Z", cycle: 1)],
            intervals: [
                Fixtures.interval(.idle, "2026-03-02T06:00:00Z", "2026-03-02T08:00:00Z"),
                Fixtures.interval(.running, "2026-03-02T08:00:00Z", "2026-03-02T14:00:00Z"),
            ],
            counts: [
                CounterIncrement(at: Fixtures.at("2026-03-02T07:00:00Z"), total: 100, reject: 100),
                CounterIncrement(at: Fixtures.at("2026-03-02T14:00:00Z"), total: 18_000, reject: 0),
            ])
        // No order 06:00–08:00 = 7200 s; PBT = 28800 − 7200 = 21600 s = APT; the idle time is no stop.
        #expect(result.time.planned.noOrderTime == 7200)
        #expect(result.time.planned.plannedBusyTime == 21_600)
        #expect(result.time.actualProductionTime == 21_600)
        #expect(result.availability == 1)
        // The 100 test pieces at 07:00 are outside every order: reported, not counted.
        #expect(result.quantities.producedOutsideOrders == 100)
        #expect(result.quantities.produced == 18_000)
        // E = 18000 × 1 / 21600 = 0.8333…
        #expect(approx(result.effectiveness, 0.833_333_333_333_333))
    }

    @Test("maintenance mode is planned downtime, whatever the state")
    func maintenanceMode() throws {
        let result = try calculate(
            orders: [order(cycle: 1)],
            intervals: [
                Fixtures.interval(.running, "2026-03-02T06:00:00Z", "2026-03-02T10:00:00Z"),
                Fixtures.interval(.stopped, "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", mode: .maintenance),
                Fixtures.interval(.running, "2026-03-02T11:00:00Z", "2026-03-02T11:15:00Z", mode: .maintenance),
                Fixtures.interval(.idle, "2026-03-02T11:15:00Z", "2026-03-02T11:25:00Z"),
                Fixtures.interval(.running, "2026-03-02T11:25:00Z", "2026-03-02T14:00:00Z"),
            ],
            counts: [])
        // Maintenance mode 10:00–11:15 = 4500 s; PBT = 28800 − 4500 = 24300 s.
        #expect(result.time.planned.maintenanceModeTime == 4500)
        #expect(result.time.planned.plannedBusyTime == 24_300)
        // APT = 4 h + 2 h 35 min = 14400 + 9300 = 23700 s; the idle 11:15–11:25 = 600 s is the only stop.
        #expect(result.time.actualProductionTime == 23_700)
        #expect(result.time.uncodedStopTime == 600)
        // A = 23700 / 24300 = 0.975308…
        #expect(approx(result.availability, 0.975_308_641_975_309))
    }

    @Test("an ideal cycle time set too slow is flagged; effectiveness is capped, the raw value kept")
    func misconfiguredIdealRate() throws {
        let result = try calculate(
            orders: [order(cycle: 2)],
            intervals: [Fixtures.interval(.running, "2026-03-02T06:00:00Z", "2026-03-02T14:00:00Z")],
            counts: [CounterIncrement(at: Fixtures.at("2026-03-02T14:00:00Z"), total: 20_000, reject: 200)])
        // Ideal time = 20000 × 2 s = 40000 s > APT 28800 s: E = 40000 / 28800 = 1.3888…
        #expect(result.idealRateMisconfigured)
        #expect(approx(result.effectivenessUncapped, 1.388_888_888_888_889))
        #expect(result.effectiveness == 1)
        // OEE = 1 × 1 × (19800 / 20000) = 0.99, never above 100 %.
        #expect(approx(result.oee, 0.99))
        #expect(result.losses.reducedSpeed == 0)
    }

    @Test("minor-stop threshold: 119 s is minor, 120 s is not")
    func minorStops() throws {
        let result = try calculate(
            orders: [order(cycle: 1)],
            intervals: [
                Fixtures.interval(.running, "2026-03-02T06:00:00Z", "2026-03-02T07:00:00Z"),
                Fixtures.interval(.held, "2026-03-02T07:00:00Z", "2026-03-02T07:01:59Z"),
                Fixtures.interval(.running, "2026-03-02T07:01:59Z", "2026-03-02T08:00:00Z"),
                Fixtures.interval(.held, "2026-03-02T08:00:00Z", "2026-03-02T08:02:00Z"),
                Fixtures.interval(.running, "2026-03-02T08:02:00Z", "2026-03-02T14:00:00Z"),
            ],
            counts: [],
            coding: [
                Stop.identifier(equipmentId: "EQ1", start: Fixtures.at("2026-03-02T07:00:00Z")): "MECH-JAM",
                Stop.identifier(equipmentId: "EQ1", start: Fixtures.at("2026-03-02T08:00:00Z")): "MECH-JAM",
            ])
        // 119 s < 120 s threshold → minor stop; 120 s → breakdown (and the only failure).
        #expect(result.time.minorStopTime == 119)
        #expect(result.time.breakdownTime == 120)
        #expect(result.failureCount == 1)
        // APT = 28800 − 119 − 120 = 28561 s.
        #expect(result.time.actualProductionTime == 28_561)
    }

    @Test("state data missing in planned time is reported as unrecorded")
    func unrecorded() throws {
        let result = try calculate(
            orders: [order(cycle: 1)],
            intervals: [
                Fixtures.interval(.running, "2026-03-02T06:00:00Z", "2026-03-02T12:00:00Z"),
                Fixtures.interval(.running, "2026-03-02T12:10:00Z", "2026-03-02T14:00:00Z"),
            ],
            counts: [])
        // Gap 12:00–12:10 = 600 s; APT = 28800 − 600 = 28200 s.
        #expect(result.time.unrecordedTime == 600)
        #expect(result.time.actualProductionTime == 28_200)
    }
}
