import Foundation
import MS5Domain
import SQLKit

/// Reports over windows longer than a day, added up from the parts of each local day instead of
/// computed from a whole window of raw data.
///
/// The window is cut into segments at local midnights. A whole completed day takes its stored
/// parts (``KPIPartsStore``), computed and stored on first use. A day the window covers in part is
/// cut again into hours from its midnight: its whole hours are stored like days, and only the
/// partial hours at the window's ends are computed live. The ratios come from the summed parts
/// (``OEECalculator/result(_:window:target:)``), so the answer equals the on-demand one, with
/// these exceptions, all about stops that cross a segment's boundary (a local midnight, or an
/// hour in a partial day):
/// - a segment's parts see a stop up to 24 h past its end; a stop still running then is cut
///   there, and one still running when the parts are computed keeps the segment from being
///   stored;
/// - for a window ending in the past, a stop crossing the last boundary before the window's end
///   is classified (minor, failure) by its whole duration, where the on-demand answer sees it only
///   up to the window's end;
/// - as on demand, stops are derived from 24 h before each segment, so a stop longer than that
///   which reaches into a later segment is cut at that segment's horizon.
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
        // Each machine's segments are read (and their partial hours computed) at the same time.
        let segmentsOf = try await withThrowingTaskGroup(of: (UUID, [SegmentParts]).self) { group in
            for machine in Set(equipment + [constraint]) {
                group.addTask { (machine, try await segments(equipmentId: machine, window: window, timeZone: timeZone, now: now, listed: false)) }
            }
            return try await group.reduce(into: [UUID: [SegmentParts]]()) { $0[$1.0] = $1.1 }
        }
        var groups: [String: [LossGroup]] = [:]
        for machine in equipment where machine != constraint {
            groups[machine.uuidString] = segmentsOf[machine]?.flatMap(\.parts.losses) ?? []
        }
        let atConstraint = segmentsOf[constraint] ?? []
        if equipment.contains(constraint) { groups[constraint.uuidString] = atConstraint.flatMap(\.parts.losses) }
        let plannedBusyTime = OEEParts.combined(atConstraint.map(\.parts.oee), window: window).time.planned.plannedBusyTime
        return LineLosses(
            lineId: lineId, window: window,
            pareto: LossAnalysis.pareto(groups: atConstraint.flatMap(\.parts.losses), tree: settings.reasonTree, plannedBusyTime: plannedBusyTime),
            byEquipment: LossAnalysis.byEquipment(groups: groups),
            dailyTrend: atConstraint.map { LossAnalysis.dailyLoss(day: $0.span, groups: $0.parts.losses) })
    }

    /// The segments of `window` of an equipment in time order, one per local day: a whole
    /// completed day from its stored parts (computed and stored when missing); a day the window
    /// covers in part from the parts of its hours (counted from its midnight), a whole hour stored
    /// like a day and the partial hours at the window's ends computed live. With `listed`, each
    /// carries its stops and counter events.
    func segments(equipmentId: UUID, window: TimeSpan, timeZone: TimeZone, now: Date, listed: Bool) async throws -> [SegmentParts] {
        let days = PlantCalendar(timeZone: timeZone).days(overlapping: window)
        let wholeDays = days.filter { $0.intersection(window) == $0 }
        var storedDays: [Date: SegmentParts] = [:]
        if let first = wholeDays.first, let last = wholeDays.last {
            storedDays = try await database.read { db in
                try await KPIPartsStore.parts(db, equipmentId: equipmentId, granularity: .day, starts: TimeSpan(start: first.start, end: last.end), listed: listed)
            }
        }
        var segments: [SegmentParts] = []
        for day in days {
            guard let span = day.intersection(window) else { continue }
            if span == day {
                segments.append(try await part(.day, of: equipmentId, span: span, stored: storedDays[span.start], now: now, listed: listed))
                continue
            }
            let storedHours = try await database.read { db in
                try await KPIPartsStore.parts(db, equipmentId: equipmentId, granularity: .hour, starts: span, listed: listed)
            }
            var hours: [SegmentParts] = []
            for hour in day.cut(every: 3600) {
                guard let covered = hour.intersection(window) else { continue }
                if covered == hour {
                    hours.append(try await part(.hour, of: equipmentId, span: hour, stored: storedHours[hour.start], now: now, listed: listed))
                } else {
                    let through = min(covered.end.addingTimeInterval(Self.horizon), window.end)
                    hours.append(try await compute(equipmentId: equipmentId, span: covered, through: through, now: now).segment.listing(listed))
                }
            }
            segments.append(SegmentParts(combining: hours, span: span))
        }
        return segments
    }

    /// The parts of a whole completed day or hour: `stored`, or computed under a claim and stored
    /// when settled.
    private func part(
        _ granularity: KPIPartsStore.Granularity, of equipmentId: UUID, span: TimeSpan, stored: SegmentParts?, now: Date, listed: Bool
    ) async throws -> SegmentParts {
        if let stored, stored.span == span { return stored }
        let through = min(span.end.addingTimeInterval(Self.horizon), now)
        let inputs = TimeSpan(start: span.start.addingTimeInterval(-Self.horizon), end: through)
        let claim = try await database.transaction { db in
            try await KPIPartsStore.claim(db, equipmentId: equipmentId, granularity: granularity, span: span, inputs: inputs, at: now)
        }
        let (segment, settled) = try await compute(equipmentId: equipmentId, span: span, through: through, now: now)
        try await database.transaction { db in
            if settled, let records = segment.listed {
                try await KPIPartsStore.save(db, equipmentId: equipmentId, granularity: granularity, segment, listed: records, claim: claim)
            } else {
                try await KPIPartsStore.release(db, equipmentId: equipmentId, granularity: granularity, span: span, claim: claim)
            }
        }
        return segment.listing(listed)
    }

    /// The parts of one segment from raw data read up to `through`, and whether they are settled:
    /// no stop overlapping the segment was still running at `through`, or `through` is a full
    /// horizon past the segment.
    private func compute(equipmentId: UUID, span: TimeSpan, through: Date, now: Date) async throws -> (segment: SegmentParts, settled: Bool) {
        let context = try await ReportContext.load(database, equipmentId: equipmentId, window: span, horizon: Self.horizon, now: now, through: through)
        let input = context.input
        let stops = input.stops.filter { $0.span.intersection(span) != nil }
        let parts = SegmentParts.Parts(
            oee: OEECalculator.parts(input), losses: LossAnalysis.groups(stops: input.stops, tree: context.settings.reasonTree, window: span))
        let settled = through >= span.end.addingTimeInterval(Self.horizon) || !stops.contains { $0.end >= through }
        return (SegmentParts(span: span, parts: parts, listed: SegmentParts.Listed(stops: stops, counterEvents: context.counterEvents)), settled)
    }
}
