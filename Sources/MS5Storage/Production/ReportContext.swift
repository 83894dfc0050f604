import Foundation
import MS5Domain
import SQLKit

/// Everything stored that one equipment's KPIs over a window are computed from, loaded and
/// turned into the calculator's input.
struct ReportContext {
    let settings: LineProductionSettings
    let timeZone: TimeZone
    let input: OEEInput
    let counterEvents: [CounterEvent]

    /// Loads the context of `equipmentId` for `window`, with stops derived from `horizon`
    /// seconds before it.
    static func load(_ database: Database, equipmentId: UUID, window: TimeSpan, horizon: TimeInterval, now: Date) async throws -> ReportContext {
        let span = TimeSpan(start: window.start.addingTimeInterval(-horizon), end: window.end)
        let (settings, timeZone, orders, codings, counters) = try await database.read { db in
            let equipment = try await EquipmentRepository.table.require(db, id: equipmentId)
            guard let settings = try await LineSettingsStore.settings(db, lineId: equipment.lineId) else {
                throw DomainError(.conflict, "The line of equipment \(equipment.code) has no production settings; set its shift pattern and stop reasons first (PUT /v1/lines/\(equipment.lineId)/production-settings).")
            }
            let site = try await SiteRepository.table.require(db, id: equipment.siteId)
            let orders = try await ProductionOrderRepository(database: database).ran(db, equipmentId: equipmentId, during: span)
            var runs: [ProductionOrderRun] = []
            for order in orders {
                let product = try await ProductRepository.table.require(db, id: order.productId)
                if let run = order.run(idealCycleSeconds: product.idealCycleSeconds, now: now) { runs.append(run) }
            }
            let codings = try await StopCodingStore.codings(db, equipmentId: equipmentId, in: span)
            let counters = try await CounterHistory.readings(db, equipmentId: equipmentId, in: span)
            return (settings, TimeZone(identifier: site.timeZone) ?? .gmt, runs, codings, counters)
        }
        let intervals = try await StateStore(database: database).intervals(equipmentId: equipmentId, from: span.start, to: span.end, limit: 1_000_000)
        let timeline = StateTimeline(intervals.map { StateInterval(state: $0.state, mode: $0.mode, start: $0.start, end: $0.end) }, asOf: window.end)
        let faults = try await FaultEventStore(database: database).events(equipmentId: equipmentId, from: span.start, to: span.end, limit: 1_000_000)
        let shifts = settings.shiftPattern.instances(overlapping: span, in: timeZone)
        let planned = PlannedTime(window: span, shifts: shifts, plannedDowntimes: [], orders: orders, timeline: timeline)
        let stops = StopDeriver.stops(
            equipmentId: equipmentId.uuidString, timeline: timeline, plannedBusy: planned.plannedBusySpans,
            faults: faults, reasonForFault: settings.faultReasons
        ).map { stop in Self.applying(codings[stop.start], to: stop, tree: settings.reasonTree) }

        let fastestRate = orders.map { 1 / $0.idealCycleTime }.max() ?? 1
        var accumulator = CounterAccumulator(settings: CounterSettings(rollover: settings.counterRollover, maximumRatePerSecond: max(1, 10 * fastestRate)))
        var increments: [CounterIncrement] = []
        var events: [CounterEvent] = []
        for reading in counters {
            let (increment, noticed) = accumulator.ingest(reading)
            if let increment { increments.append(increment) }
            events += noticed.filter { window.contains($0.at) }
        }
        let inside = shifts.filter { $0.start >= window.start && $0.end <= window.end }
        let targets = inside.compactMap(\.targetQuantity)
        let input = OEEInput(
            window: window, shifts: shifts, orders: orders, timeline: timeline, stops: stops, counts: increments,
            targetQuantity: targets.isEmpty ? nil : targets.reduce(0, +), reasonTree: settings.reasonTree, settings: settings.oeeSettings)
        return ReportContext(settings: settings, timeZone: timeZone, input: input, counterEvents: events)
    }

    /// The stop with an operator's coding applied; a coding whose reason left the tree is ignored.
    private static func applying(_ coding: StopCoding?, to stop: Stop, tree: StopReasonTree) -> Stop {
        guard let coding, var coded = try? stop.confirmed(reasonCode: coding.reasonCode, at: coding.codedAt, tree: tree) else { return stop }
        if let comment = coding.comment, !comment.isEmpty, let commented = try? coded.commented(comment, by: coding.codedBy, at: coding.codedAt) {
            coded = commented
        }
        return coded
    }
}
