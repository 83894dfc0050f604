import Foundation
import MS5Domain
import Testing

/// Shared test data: dates from ISO 8601 text, a reason tree, interval builders.
enum Fixtures {
    /// The instant written as ISO 8601 with an explicit offset, e.g. "2026-03-02T06:00:00Z".
    static func at(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { fatalError("bad date \(text)") }
        return date
    }

    /// `[from, to)` from ISO 8601 texts.
    static func span(_ from: String, _ to: String) -> TimeSpan { TimeSpan(start: at(from), end: at(to)) }

    /// A closed state interval from ISO 8601 texts.
    static func interval(_ state: MachineState, _ from: String, _ to: String, mode: MachineMode = .production) -> StateInterval {
        StateInterval(state: state, mode: mode, start: at(from), end: at(to))
    }

    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    /// unplanned → MECH (breakdown), MAT (other); planned → SETUP (setup), CLEAN (other).
    static let tree = StopReasonTree(categories: [
        StopReasonCategory(
            code: "MECH", name: "Mechanical", planning: .unplanned, loss: .breakdown,
            reasons: [StopReason(code: "MECH-JAM", name: "Jam"), StopReason(code: "MECH-MOTOR", name: "Motor failure")]),
        StopReasonCategory(
            code: "MAT", name: "Material", planning: .unplanned, loss: .otherStop,
            reasons: [StopReason(code: "MAT-SHORT", name: "Material shortage")]),
        StopReasonCategory(
            code: "SETUP", name: "Setup", planning: .planned, loss: .setupAndAdjustment,
            reasons: [StopReason(code: "SETUP-CHANGE", name: "Changeover")]),
        StopReasonCategory(
            code: "CLEAN", name: "Cleaning", planning: .planned, loss: .otherStop,
            reasons: [StopReason(code: "CLEAN", name: "Cleaning")]),
    ])

    /// Derives the stops of "EQ1" over `window` with the planned busy time of the inputs.
    static func stops(
        window: TimeSpan,
        shifts: [ShiftInstance],
        downtimes: [PlannedDowntime] = [],
        orders: [ProductionOrderRun],
        timeline: StateTimeline,
        faults: [FaultRecord] = [],
        reasonForFault: [String: String] = [:]
    ) -> [Stop] {
        let planned = PlannedTime(
            window: window, shifts: shifts, plannedDowntimes: downtimes, orders: orders, timeline: timeline)
        return StopDeriver.stops(
            equipmentId: "EQ1", timeline: timeline, plannedBusy: planned.plannedBusySpans,
            faults: faults, reasonForFault: reasonForFault)
    }

    /// The night shift Sat 2026-03-28 22:00 CET → Sun 06:00 CEST (7 h, Europe/Berlin) of a 3×8
    /// every day, one order of cycle 1 s across it, and the line running except for a stop
    /// 23:30 CET → 03:30 CEST: across midnight and the spring-forward change.
    static func springForwardNight() throws -> (night: ShiftInstance, order: ProductionOrderRun, timeline: StateTimeline) {
        let pattern = ShiftPattern.threeShifts(days: Weekday.everyDay)
        let night = try #require(
            pattern.instances(overlapping: span("2026-03-28T23:00:00+01:00", "2026-03-28T23:30:00+01:00"), in: berlin).first)
        let order = ProductionOrderRun(orderId: "N-1", start: at("2026-03-28T20:00:00Z"), end: at("2026-03-29T12:00:00Z"), idealCycleTime: 1)
        let timeline = StateTimeline(
            [
                interval(.running, "2026-03-28T22:00:00+01:00", "2026-03-28T23:30:00+01:00"),
                interval(.stopped, "2026-03-28T23:30:00+01:00", "2026-03-29T03:30:00+02:00"),
                interval(.running, "2026-03-29T03:30:00+02:00", "2026-03-29T06:00:00+02:00"),
            ], asOf: at("2026-03-29T06:00:00+02:00"))
        return (night, order, timeline)
    }

    /// A stop of `equipmentId` covering `[from, to)`, optionally confirmed with `reason`.
    static func stop(_ from: String, _ to: String, reason: String? = nil, equipmentId: String = "EQ1") -> Stop {
        Stop(
            id: Stop.identifier(equipmentId: equipmentId, start: at(from)),
            equipmentId: equipmentId,
            plannedSpans: TimeSpanSet([span(from, to)]),
            initialState: .held,
            reasonCode: reason)
    }
}

/// True when `value` is within 1e-9 of `expected`.
func approx(_ value: Double?, _ expected: Double) -> Bool {
    guard let value else { return false }
    return abs(value - expected) < 1e-9
}
