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
    /// seconds before it and data read up to `through` (default: the window's end), so that a
    /// stop running past the window's end is seen (and classified) whole.
    static func load(
        _ database: Database, equipmentId: UUID, window: TimeSpan, horizon: TimeInterval, now: Date, through: Date? = nil
    ) async throws -> ReportContext {
        let span = TimeSpan(start: window.start.addingTimeInterval(-horizon), end: max(window.end, through ?? window.end))
        let (settings, timeZone, orders, edits, counts) = try await database.read { db in
            let (equipment, settings, timeZone) = try await Self.settings(db, equipmentId: equipmentId)
            let orders = try await ProductionOrderRepository(database: database).ran(db, equipmentId: equipmentId, during: span)
            var runs: [ProductionOrderRun] = []
            for order in orders {
                let product = try await ProductRepository.table.require(db, id: order.productId)
                if let run = order.run(idealCycleSeconds: product.idealCycleSeconds, now: now) { runs.append(run) }
            }
            let edits = StopEdits(
                codings: try await StopEditStore.codings(db, equipmentId: equipmentId, in: span),
                splits: try await StopEditStore.splits(db, equipmentId: equipmentId, in: span))
            // Counts are only taken inside the window (an increment at its end included): its
            // readings, from each counter's last valid value before it, not the horizons either
            // side kept for the stops.
            let counts = RecordedCounts(
                readings: try await CounterHistory.readings(
                    db, equipmentId: equipmentId, in: window, includingEnd: true, rollover: settings.counterRollover),
                corrections: try await ProductionCalendarStore.corrections(db, equipmentId: equipmentId, in: span),
                downtimes: try await ProductionCalendarStore.downtimes(db, lineId: equipment.lineId, in: span))
            return (settings, timeZone, runs, edits, counts)
        }
        let intervals = try await StateStore(database: database).intervals(equipmentId: equipmentId, from: span.start, to: span.end, limit: 1_000_000)
        let timeline = StateTimeline(intervals.map { StateInterval(state: $0.state, mode: $0.mode, start: $0.start, end: $0.end) }, asOf: span.end)
        let faults = try await FaultEventStore(database: database).events(equipmentId: equipmentId, from: span.start, to: span.end, limit: 1_000_000)
        let shifts = settings.shiftPattern.instances(overlapping: span, in: timeZone)
        let downtimes = counts.downtimes.map(\.downtime)
        let planned = PlannedTime(window: span, shifts: shifts, plannedDowntimes: downtimes, orders: orders, timeline: timeline)
        let stops = edits.apply(to: StopDeriver.stops(
            equipmentId: equipmentId.uuidString, timeline: timeline, plannedBusy: planned.plannedBusySpans,
            faults: faults, reasonForFault: settings.faultReasons), tree: settings.reasonTree)

        let fastestRate = orders.map { 1 / $0.idealCycleTime }.max() ?? 1
        var accumulator = CounterAccumulator(settings: CounterSettings(rollover: settings.counterRollover, maximumRatePerSecond: max(1, 10 * fastestRate)))
        var increments: [CounterIncrement] = []
        var events: [CounterEvent] = []
        for reading in counts.readings {
            let (increment, noticed) = accumulator.ingest(reading)
            if let increment { increments.append(increment) }
            events += noticed.filter { window.contains($0.at) }
        }
        let input = OEEInput(
            window: window, shifts: shifts, plannedDowntimes: downtimes, orders: orders, timeline: timeline, stops: stops,
            counts: increments + counts.corrections.map(\.increment),
            targetQuantity: target(of: shifts, in: window), reasonTree: settings.reasonTree, settings: settings.oeeSettings)
        return ReportContext(settings: settings, timeZone: timeZone, input: input, counterEvents: events)
    }

    /// An equipment with its line's production settings and its site's time zone; refused when
    /// the line has no settings.
    static func settings(_ db: any SQLDatabase, equipmentId: UUID) async throws -> (Equipment, LineProductionSettings, TimeZone) {
        let equipment = try await EquipmentRepository.table.require(db, id: equipmentId)
        guard let settings = try await LineSettingsStore.settings(db, lineId: equipment.lineId) else {
            throw DomainError(.conflict, "The line of equipment \(equipment.code) has no production settings; set its shift pattern and stop reasons first (PUT /v1/lines/\(equipment.lineId)/production-settings).")
        }
        let site = try await SiteRepository.table.require(db, id: equipment.siteId)
        return (equipment, settings, TimeZone(identifier: site.timeZone) ?? .gmt)
    }

    /// The planned good quantity of `window`: the sum of the targets of the shifts inside it.
    static func target(of shifts: [ShiftInstance], in window: TimeSpan) -> Int? {
        let targets = shifts.filter { $0.start >= window.start && $0.end <= window.end }.compactMap(\.targetQuantity)
        return targets.isEmpty ? nil : targets.reduce(0, +)
    }
}

/// What people recorded that the counts and planned time are corrected with.
struct RecordedCounts {
    let readings: [CounterReading]
    let corrections: [CountCorrection]
    let downtimes: [PlannedDowntimeEntry]
}
