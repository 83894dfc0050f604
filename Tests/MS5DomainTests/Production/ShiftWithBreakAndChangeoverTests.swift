import Foundation
import MS5Domain
import Testing

/// Early shift 06:00–14:00 (UTC), break 10:00–10:30, one order (ideal cycle 2 s):
///
/// | time        | state   | meaning                         |
/// |-------------|---------|---------------------------------|
/// | 06:00–06:30 | stopped | changeover, coded SETUP-CHANGE  |
/// | 06:30–09:00 | running |                                 |
/// | 09:00–09:20 | held    | jam, first-out fault F12        |
/// | 09:20–10:00 | running |                                 |
/// | 10:00–10:30 | idle    | break (planned downtime)        |
/// | 10:30–14:00 | running |                                 |
///
/// Counts: 6000 at 09:00, 5000 with 100 rejects at 12:00.
@Suite("Scenario: shift with a break and a changeover")
struct ShiftWithBreakAndChangeoverTests {
    let window = Fixtures.span("2026-03-02T06:00:00Z", "2026-03-02T14:00:00Z")
    let shift = ShiftInstance(
        name: "Early", start: Fixtures.at("2026-03-02T06:00:00Z"), end: Fixtures.at("2026-03-02T14:00:00Z"),
        breaks: [Fixtures.span("2026-03-02T10:00:00Z", "2026-03-02T10:30:00Z")], targetQuantity: 12_000)
    let order = ProductionOrderRun(
        orderId: "A-1", start: Fixtures.at("2026-03-02T06:00:00Z"), end: Fixtures.at("2026-03-02T14:00:00Z"), idealCycleTime: 2)
    let timeline = StateTimeline(
        [
            Fixtures.interval(.stopped, "2026-03-02T06:00:00Z", "2026-03-02T06:30:00Z"),
            Fixtures.interval(.running, "2026-03-02T06:30:00Z", "2026-03-02T09:00:00Z"),
            Fixtures.interval(.held, "2026-03-02T09:00:00Z", "2026-03-02T09:20:00Z"),
            Fixtures.interval(.running, "2026-03-02T09:20:00Z", "2026-03-02T10:00:00Z"),
            Fixtures.interval(.idle, "2026-03-02T10:00:00Z", "2026-03-02T10:30:00Z"),
            Fixtures.interval(.running, "2026-03-02T10:30:00Z", "2026-03-02T14:00:00Z"),
        ], asOf: Fixtures.at("2026-03-02T14:00:00Z"))
    let faults = [
        FaultRecord(
            code: "F12", text: "Jam at infeed", kind: .fault, source: .internal,
            start: Fixtures.at("2026-03-02T08:59:59Z"), end: Fixtures.at("2026-03-02T09:15:00Z"), firstOut: true),
        FaultRecord(
            code: "F13", text: "Guard open (consequence)", kind: .fault, source: .internal,
            start: Fixtures.at("2026-03-02T09:00:00Z"), end: Fixtures.at("2026-03-02T09:15:00Z"), firstOut: false),
    ]

    func codedStops() throws -> [Stop] {
        let derived = Fixtures.stops(
            window: window, shifts: [shift], orders: [order], timeline: timeline,
            faults: faults, reasonForFault: ["F12": "MECH-JAM"])
        try #require(derived.count == 2)
        return [
            try derived[0].confirmed(reasonCode: "SETUP-CHANGE", at: Fixtures.at("2026-03-02T06:40:00Z"), tree: Fixtures.tree),
            try derived[1].confirmed(at: Fixtures.at("2026-03-02T09:50:00Z"), tree: Fixtures.tree),
        ]
    }

    func result() throws -> OEEResult {
        OEECalculator.calculate(
            OEEInput(
                window: window, shifts: [shift], orders: [order], timeline: timeline, stops: try codedStops(),
                counts: [
                    CounterIncrement(at: Fixtures.at("2026-03-02T09:00:00Z"), total: 6000, reject: 0),
                    CounterIncrement(at: Fixtures.at("2026-03-02T12:00:00Z"), total: 5000, reject: 100),
                ],
                reworkedQuantity: 50, targetQuantity: shift.targetQuantity, reasonTree: Fixtures.tree))
    }

    @Test("two stops are derived; the break is not a stop; the first-out fault proposes the jam")
    func stops() {
        let derived = Fixtures.stops(
            window: window, shifts: [shift], orders: [order], timeline: timeline,
            faults: faults, reasonForFault: ["F12": "MECH-JAM"])
        #expect(derived.map(\.span) == [
            Fixtures.span("2026-03-02T06:00:00Z", "2026-03-02T06:30:00Z"),
            Fixtures.span("2026-03-02T09:00:00Z", "2026-03-02T09:20:00Z"),
        ])
        #expect(derived.map(\.codingStatus) == [.uncoded, .proposed])
        // F12 is the first-out active at 09:00; F13 is active too but not first-out.
        #expect(derived[1].firstOutFaultCode == "F12")
        #expect(derived[1].proposedReasonCode == "MECH-JAM")
        #expect(derived[1].initialState == .held)
    }

    @Test("time buckets")
    func time() throws {
        let time = try result().time
        // POT = 8 h = 28800 s; break 30 min = 1800 s; PBT = 28800 − 1800 = 27000 s.
        #expect(time.planned.shiftTime == 28_800)
        #expect(time.planned.breakTime == 1800)
        #expect(time.planned.plannedBusyTime == 27_000)
        // APT = 2.5 h + 40 min + 3.5 h = 9000 + 2400 + 12600 = 24000 s.
        #expect(time.actualProductionTime == 24_000)
        // Setup 06:00–06:30 = 1800 s; breakdown 09:00–09:20 = 1200 s; 24000 + 1800 + 1200 = 27000 = PBT.
        #expect(time.setupTime == 1800)
        #expect(time.breakdownTime == 1200)
        #expect(time.minorStopTime == 0)
        #expect(time.uncodedStopTime == 0)
        #expect(time.unrecordedTime == 0)
    }

    @Test("ratios")
    func ratios() throws {
        let result = try result()
        // PQ = 6000 + 5000 = 11000; GQ = 11000 − 100 = 10900; ideal time = 11000 × 2 s = 22000 s.
        #expect(result.quantities.produced == 11_000)
        #expect(result.quantities.good == 10_900)
        #expect(result.quantities.idealProductionTime == 22_000)
        // A = 24000 / 27000 = 0.888…
        #expect(approx(result.availability, 0.888_888_888_888_889))
        // E = 22000 / 24000 = 0.91666…
        #expect(approx(result.effectiveness, 0.916_666_666_666_667))
        #expect(result.idealRateMisconfigured == false)
        // Q = 10900 / 11000 = 0.990909…
        #expect(approx(result.qualityRatio, 0.990_909_090_909_091))
        // OEE = A × E × Q = (22000 / 27000) × (10900 / 11000) = 21800 / 27000 = 0.807407…
        #expect(approx(result.oee, 0.807_407_407_407_407))
        // FPY = (10900 − 50) / 11000 = 0.986363…
        #expect(approx(result.firstPassYield, 0.986_363_636_363_636))
        // Target attainment = 10900 / 12000 = 0.908333…
        #expect(approx(result.targetAttainment, 0.908_333_333_333_333))
    }

    @Test("reliability, setup ratio and time to code")
    func reliability() throws {
        let result = try result()
        // One failure (the jam); the changeover is planned setup, not a failure.
        #expect(result.failureCount == 1)
        // MTBF = APT / 1 = 24000 s; MTTR = 1200 / 1 = 1200 s.
        #expect(result.meanTimeBetweenFailures == 24_000)
        #expect(result.meanTimeToRepair == 1200)
        // Setup ratio = 1800 / (24000 + 1800) = 1800 / 25800 = 0.0697674…
        #expect(approx(result.setupRatio, 0.069_767_441_860_465))
        // Coded 06:40 − 06:30 = 600 s and 09:50 − 09:20 = 1800 s; mean = 1200 s.
        #expect(result.codedStopCount == 2)
        #expect(result.meanTimeToCode == 1200)
    }

    @Test("six big losses reconcile with PBT")
    func losses() throws {
        let losses = try result().losses
        // Reduced speed = APT − ideal time = 24000 − 22000 = 2000 s.
        #expect(losses.reducedSpeed == 2000)
        // 12:00 is not within 10 min of a restart (06:00, 06:30, 09:20, 10:30): 100 production rejects × 2 s = 200 s.
        #expect(losses.productionRejects == 200)
        #expect(losses.startupRejects == 0)
        #expect(losses.breakdowns == 1200)
        #expect(losses.setupAndAdjustment == 1800)
        // Good × cycle = 10900 × 2 = 21800; 21800 + 1200 + 1800 + 0 + 2000 + 0 + 200 = 27000 = PBT.
        #expect(losses.breakdowns + losses.setupAndAdjustment + losses.minorStops + losses.reducedSpeed
            + losses.startupRejects + losses.productionRejects + 21_800 == 27_000)
    }
}
