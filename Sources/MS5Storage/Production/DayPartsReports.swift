import Foundation
import MS5Domain
import SQLKit

/// Reports over windows longer than a day, added up from the parts of each local day instead of
/// computed from a whole window of raw data.
///
/// The window is cut into segments at local midnights. A whole completed day takes its stored
/// parts (``KPIDayPartsStore``), computed and stored on first use; a partial day at either end is
/// computed live. The ratios come from the summed parts (``OEECalculator/result(_:window:target:)``),
/// so the answer equals the on-demand one, with these exceptions, all about stops that cross a
/// local midnight:
/// - a day's parts see a stop up to 24 h past the day's end; a stop still running then is cut
///   there, and one still running when the parts are computed keeps the day from being stored;
/// - for a window ending in the past, a stop crossing the last midnight before the window's end
///   is classified (minor, failure) by its whole duration, where the on-demand answer sees it only
///   up to the window's end;
/// - as on demand, stops are derived from 24 h before each segment, so a stop longer than that
///   which reaches into a later day is cut at that day's horizon.
struct DayPartsReports: Sendable {
    /// How far before (stops) and after (their ends) a segment inputs are read.
    static let horizon: TimeInterval = 86_400

    let database: Database

    /// The performance of an equipment over `window` (already cut at `now`); without
    /// `listingStops`, with empty lists of stops and counter events, and the stored days' lists
    /// not read.
    func performance(equipmentId: UUID, window: TimeSpan, now: Date, listingStops: Bool) async throws -> EquipmentPerformance {
        let (_, settings, timeZone) = try await database.read { db in try await ReportContext.settings(db, equipmentId: equipmentId) }
        let segments = try await segments(equipmentId: equipmentId, window: window, timeZone: timeZone, now: now, listed: listingStops)
        let parts = OEEParts.combined(segments.map(\.parts.oee), window: window)
        let target = ReportContext.target(of: settings.shiftPattern.instances(overlapping: window, in: timeZone), in: window)
        let kpis = OEECalculator.result(parts, window: window, target: target)
        var seen = Set<String>()
        let stops = segments.flatMap { $0.listed?.stops ?? [] }.filter { seen.insert($0.id).inserted }
        let pareto = LossAnalysis.pareto(
            groups: segments.flatMap(\.parts.losses), tree: settings.reasonTree, plannedBusyTime: kpis.time.planned.plannedBusyTime)
        return EquipmentPerformance(
            equipmentId: equipmentId, window: window, kpis: kpis, stops: stops, pareto: pareto,
            counterEvents: segments.flatMap { $0.listed?.counterEvents ?? [] })
    }

    /// The KPIs of each local day of `window` (already cut at `now`), the days at either end cut
    /// to it, labelled with their local dates like the on-demand periods.
    func dayPeriods(equipmentId: UUID, window: TimeSpan, now: Date) async throws -> [PerformancePeriod] {
        let (_, settings, timeZone) = try await database.read { db in try await ReportContext.settings(db, equipmentId: equipmentId) }
        let calendar = PlantCalendar(timeZone: timeZone)
        return try await segments(equipmentId: equipmentId, window: window, timeZone: timeZone, now: now, listed: false).map { segment in
            let target = ReportContext.target(of: settings.shiftPattern.instances(overlapping: segment.span, in: timeZone), in: segment.span)
            return PerformancePeriod(
                label: ProductionReports.localDate(segment.span.start, calendar), window: segment.span,
                kpis: OEECalculator.result(segment.parts.oee, window: segment.span, target: target))
        }
    }

    /// Where a line lost time over `window` (already cut at `now`): the Pareto and daily trend at
    /// `constraint`, and the unplanned stop time of each of `equipment`.
    func lineLosses(lineId: UUID, constraint: UUID, equipment: [UUID], window: TimeSpan, now: Date) async throws -> LineLosses {
        let (_, settings, timeZone) = try await database.read { db in try await ReportContext.settings(db, equipmentId: constraint) }
        var groups: [String: [LossGroup]] = [:]
        for machine in equipment where machine != constraint {
            groups[machine.uuidString] = try await segments(equipmentId: machine, window: window, timeZone: timeZone, now: now, listed: false)
                .flatMap(\.parts.losses)
        }
        let atConstraint = try await segments(equipmentId: constraint, window: window, timeZone: timeZone, now: now, listed: false)
        if equipment.contains(constraint) { groups[constraint.uuidString] = atConstraint.flatMap(\.parts.losses) }
        let plannedBusyTime = OEEParts.combined(atConstraint.map(\.parts.oee), window: window).time.planned.plannedBusyTime
        return LineLosses(
            lineId: lineId, window: window,
            pareto: LossAnalysis.pareto(groups: atConstraint.flatMap(\.parts.losses), tree: settings.reasonTree, plannedBusyTime: plannedBusyTime),
            byEquipment: LossAnalysis.byEquipment(groups: groups),
            dailyTrend: atConstraint.map { LossAnalysis.dailyLoss(day: $0.span, groups: $0.parts.losses) })
    }

    /// The segments of `window` of an equipment in time order: whole completed days from stored
    /// parts (computed and stored when missing), partial days computed live. With `listed`, each
    /// carries its stops and counter events.
    func segments(equipmentId: UUID, window: TimeSpan, timeZone: TimeZone, now: Date, listed: Bool) async throws -> [SegmentParts] {
        let calendar = PlantCalendar(timeZone: timeZone)
        let spans = calendar.days(overlapping: window).compactMap { $0.intersection(window) }
        let wholeDays = spans.filter { calendar.day(containing: $0.start) == $0 }
        var stored: [Date: SegmentParts] = [:]
        if let first = wholeDays.first, let last = wholeDays.last {
            stored = try await database.read { db in
                try await KPIDayPartsStore.parts(db, equipmentId: equipmentId, days: TimeSpan(start: first.start, end: last.end), listed: listed)
            }
        }
        var segments: [SegmentParts] = []
        for span in spans {
            if let found = stored[span.start], found.span == span {
                segments.append(found)
                continue
            }
            let isWholeDay = wholeDays.contains(span)
            let through = min(span.end.addingTimeInterval(Self.horizon), isWholeDay ? now : window.end)
            let (segment, settled) = try await compute(equipmentId: equipmentId, span: span, through: through, now: now)
            if isWholeDay, settled, let records = segment.listed {
                let inputs = TimeSpan(start: span.start.addingTimeInterval(-Self.horizon), end: through)
                try await database.transaction { db in
                    try await KPIDayPartsStore.save(db, equipmentId: equipmentId, segment, inputs: inputs, listed: records, at: now)
                }
            }
            segments.append(listed ? segment : SegmentParts(span: span, parts: segment.parts, listed: nil))
        }
        return segments
    }

    /// The parts of one segment from raw data read up to `through`, and whether they are settled:
    /// no stop overlapping the segment was still running at `through`, or `through` is a full
    /// horizon past the segment.
    private func compute(equipmentId: UUID, span: TimeSpan, through: Date, now: Date) async throws -> (SegmentParts, settled: Bool) {
        let context = try await ReportContext.load(database, equipmentId: equipmentId, window: span, horizon: Self.horizon, now: now, through: through)
        let input = context.input
        let stops = input.stops.filter { $0.span.intersection(span) != nil }
        let parts = SegmentParts.Parts(
            oee: OEECalculator.parts(input), losses: LossAnalysis.groups(stops: input.stops, tree: context.settings.reasonTree, window: span))
        let settled = through >= span.end.addingTimeInterval(Self.horizon) || !stops.contains { $0.end >= through }
        return (SegmentParts(span: span, parts: parts, listed: SegmentParts.Listed(stops: stops, counterEvents: context.counterEvents)), settled)
    }
}
