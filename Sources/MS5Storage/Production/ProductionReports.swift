import Foundation
import MS5Domain
import SQLKit

/// Production performance computed from what is stored: the line's settings, the orders that
/// ran, the state timeline, fault events, counter samples and operators' stop codings.
///
/// Stops are derived over the window and the 24 hours before it, so that a stop that began
/// before the window keeps the start (its identity) an operator coded it by.
public struct ProductionReports: Sendable {
    /// How far before a window stops are looked for.
    static let stopHorizon: TimeInterval = 86_400

    let database: Database

    /// Creates the reports over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// The performance of an equipment over `window`, cut at `now`. A window longer than a day is
    /// added up from per-day and per-hour parts (see ``DayPartsReports``). Without `listingStops` the lists of
    /// stops and counter events are left empty, and a long window reads none of its days' lists.
    public func performance(equipmentId: UUID, window requested: TimeSpan, now: Date = Date(), listingStops: Bool = true) async throws -> EquipmentPerformance {
        let cut = try Self.cut(requested, at: now)
        if cut.duration > Self.stopHorizon {
            return try await DayPartsReports(database: database).performance(equipmentId: equipmentId, window: cut, now: now, listingStops: listingStops)
        }
        let (window, context) = try await load(equipmentId: equipmentId, window: requested, now: now)
        var performance = Self.performance(equipmentId: equipmentId, window: window, context: context)
        if !listingStops {
            performance.stops = []
            performance.counterEvents = []
        }
        return performance
    }

    /// The KPIs of an equipment over `window` (cut at `now`) period by period: each shift, local
    /// day, ISO week or order run overlapping it, cut to it, in time order. Local days over a
    /// window longer than a day come from per-day parts (see ``DayPartsReports``).
    public func periods(equipmentId: UUID, window requested: TimeSpan, by grouping: PerformanceGrouping, now: Date = Date()) async throws -> [PerformancePeriod] {
        let cut = try Self.cut(requested, at: now)
        if grouping == .day, cut.duration > Self.stopHorizon {
            return try await DayPartsReports(database: database).dayPeriods(equipmentId: equipmentId, window: cut, now: now)
        }
        let (window, context) = try await load(equipmentId: equipmentId, window: requested, now: now)
        let calendar = PlantCalendar(timeZone: context.timeZone)
        let labelled: [(String, TimeSpan)] = switch grouping {
        case .shift: context.input.shifts.map { ($0.name + " " + Self.localDate($0.start, calendar), $0.span) }
        case .day: calendar.days(overlapping: window).map { (Self.localDate($0.start, calendar), $0) }
        case .week: Self.weeks(overlapping: window, calendar).map { ("week of " + Self.localDate($0.start, calendar), $0) }
        case .order: context.input.orders.map { ($0.orderId, $0.span) }
        }
        return labelled.compactMap { label, span in
            guard let cut = span.intersection(window) else { return nil }
            return PerformancePeriod(label: label, window: cut, kpis: OEECalculator.calculate(context.input.restricted(to: cut)))
        }
    }

    /// Where a line lost time over `window` (cut at `now`): the Pareto at its constraint, the
    /// unplanned stop time of each equipment of the line, and the constraint's trend per day. A
    /// window longer than a day is added up from per-day and per-hour parts (see ``DayPartsReports``).
    public func lineLosses(lineId: UUID, window requested: TimeSpan, now: Date = Date()) async throws -> LineLosses {
        let constraint = try await constraintEquipment(lineId: lineId)
        let cut = try Self.cut(requested, at: now)
        let equipment = try await EquipmentRepository.table.list(on: database, PageRequest(limit: PageRequest.maximumLimit), filters: [("line_id", lineId)]).items
        if cut.duration > Self.stopHorizon {
            return try await DayPartsReports(database: database).lineLosses(
                lineId: lineId, constraint: constraint, equipment: equipment.map(\.id), window: cut, now: now)
        }
        let (window, constraintContext) = try await load(equipmentId: constraint, window: requested, now: now)
        let report = Self.performance(equipmentId: constraint, window: window, context: constraintContext)
        let tree = constraintContext.settings.reasonTree
        var stops: [Stop] = []
        for machine in equipment {
            stops += machine.id == constraint
                ? constraintContext.input.stops
                : try await ReportContext.load(database, equipmentId: machine.id, window: window, horizon: Self.stopHorizon, now: now).input.stops
        }
        let days = PlantCalendar(timeZone: constraintContext.timeZone).days(overlapping: window).compactMap { $0.intersection(window) }
        return LineLosses(
            lineId: lineId, window: window, pareto: report.pareto,
            byEquipment: LossAnalysis.byEquipment(stops: stops, tree: tree, window: window),
            dailyTrend: LossAnalysis.dailyTrend(stops: report.stops, tree: tree, days: days))
    }

    /// Codes the stop of `equipmentId` that starts at `input.stopStart` with a reason of the
    /// line's tree, and answers the stop as coded.
    public func code(equipmentId: UUID, _ input: StopCodingInput, by user: String, now: Date = Date()) async throws -> Stop {
        let (context, stop) = try await stop(equipmentId: equipmentId, startingAt: input.stopStart, now: now)
        try input.validate(tree: context.settings.reasonTree)
        try await StopEditStore(database: database).code(
            equipmentId: equipmentId, stopStart: stop.start, reasonCode: input.reasonCode, comment: input.comment, by: user, at: now)
        var coded = try stop.confirmed(reasonCode: input.reasonCode, at: now, tree: context.settings.reasonTree)
        if let comment = input.comment, !comment.isEmpty { coded = try coded.commented(comment, by: user, at: now) }
        return coded
    }

    /// Splits the stop of `equipmentId` that starts at `input.stopStart` at `input.at`, and
    /// answers its two parts (each coded on its own from then on).
    public func split(equipmentId: UUID, _ input: StopSplitInput, by user: String, now: Date = Date()) async throws -> [Stop] {
        let (_, stop) = try await stop(equipmentId: equipmentId, startingAt: input.stopStart, now: now)
        let parts: (first: Stop, second: Stop)
        do {
            parts = try stop.splitting(at: input.at)
        } catch {
            throw DomainError.invalid([FieldViolation(field: "/at", reason: "must lie inside the stop's planned time, after its start and before its end")])
        }
        try await StopEditStore(database: database).split(equipmentId: equipmentId, at: input.at, by: user, now: now)
        return [parts.first, parts.second]
    }

    /// The event of the stop of an equipment that ended at `end` (its last planned part ends
    /// there), nil when no stop during planned busy time ended then.
    public func stopEvent(equipmentId: UUID, endingAt end: Date) async throws -> ProductionStopEvent? {
        let window = TimeSpan(start: end.addingTimeInterval(-Self.stopHorizon), end: end)
        let context = try await ReportContext.load(database, equipmentId: equipmentId, window: window, horizon: 0, now: end)
        guard let stop = context.input.stops.last(where: { $0.end == end }) else { return nil }
        return ProductionStopEvent(equipmentId: equipmentId, stop: stop, tree: context.settings.reasonTree)
    }

    /// The equipment a line's performance is taken at: its constraint.
    public func constraintEquipment(lineId: UUID) async throws -> UUID {
        let settings = try await LineSettingsStore(database: database).settings(lineId: lineId)
        guard let constraint = settings?.constraintEquipmentId else {
            throw DomainError(.conflict, "Line \(lineId) has no constraint equipment; set constraintEquipmentId in its production settings.")
        }
        return constraint
    }

    /// The performance of a line over `window`: that of its constraint equipment.
    public func linePerformance(lineId: UUID, window: TimeSpan, now: Date = Date(), listingStops: Bool = true) async throws -> EquipmentPerformance {
        try await performance(equipmentId: try await constraintEquipment(lineId: lineId), window: window, now: now, listingStops: listingStops)
    }

    /// Computes and stores the parts of every completed local day in `window` of each equipment
    /// of a line that are not stored yet, as the first long report over them would.
    public func materialise(lineId: UUID, window requested: TimeSpan, now: Date = Date()) async throws {
        let constraint = try await constraintEquipment(lineId: lineId)
        let cut = try Self.cut(requested, at: now)
        let timeZone = try await database.read { db in try await ReportContext.settings(db, equipmentId: constraint).2 }
        let days = PlantCalendar(timeZone: timeZone).days(overlapping: cut).filter { $0.start >= cut.start && $0.end <= cut.end }
        guard let first = days.first, let last = days.last else { return }
        let window = TimeSpan(start: first.start, end: last.end)
        let equipment = try await EquipmentRepository.table.list(on: database, PageRequest(limit: PageRequest.maximumLimit), filters: [("line_id", lineId)]).items
        let reports = DayPartsReports(database: database)
        for machine in equipment {
            _ = try await reports.segments(equipmentId: machine.id, window: window, timeZone: timeZone, now: now, listed: false)
        }
    }

    /// Deletes the stored parts of the hours of days before `date`, kept for windows that start
    /// or end inside those days; such a window computes them again.
    public func deleteHourParts(before date: Date) async throws {
        try await database.transaction { db in try await KPIPartsStore.deleteHours(db, before: date) }
    }

    /// The requested window cut at `now` (it must start before), and the equipment's data for it.
    private func load(equipmentId: UUID, window requested: TimeSpan, now: Date) async throws -> (TimeSpan, ReportContext) {
        let window = try Self.cut(requested, at: now)
        return (window, try await ReportContext.load(database, equipmentId: equipmentId, window: window, horizon: Self.stopHorizon, now: now))
    }

    /// The requested window cut at `now`; it must start before.
    private static func cut(_ requested: TimeSpan, at now: Date) throws -> TimeSpan {
        guard requested.start < now else {
            throw DomainError.invalid([FieldViolation(field: "/from", reason: "must be in the past")])
        }
        return TimeSpan(start: requested.start, end: min(requested.end, now))
    }

    /// The stop of an equipment starting at `start`, with the data it was derived from. The API
    /// shows times to the millisecond while stops start at any instant, so a stop matches when it
    /// starts within the same millisecond.
    private func stop(equipmentId: UUID, startingAt start: Date, now: Date) async throws -> (ReportContext, Stop) {
        let window = TimeSpan(start: start.addingTimeInterval(-0.001), end: now)
        guard !window.isEmpty else {
            throw DomainError.invalid([FieldViolation(field: "/stopStart", reason: "must be in the past")])
        }
        let context = try await ReportContext.load(database, equipmentId: equipmentId, window: window, horizon: Self.stopHorizon, now: now)
        guard let stop = context.input.stops.first(where: { abs($0.start.timeIntervalSince(start)) < 0.001 }) else {
            throw DomainError(.notFound, "Equipment \(equipmentId) has no stop starting at \(start.formatted(.iso8601)).")
        }
        return (context, stop)
    }

    /// The performance figures of a loaded window.
    private static func performance(equipmentId: UUID, window: TimeSpan, context: ReportContext) -> EquipmentPerformance {
        let result = OEECalculator.calculate(context.input)
        let stops = context.input.stops.filter { $0.span.intersection(window) != nil }
        let pareto = LossAnalysis.pareto(
            stops: context.input.stops, tree: context.settings.reasonTree, window: window,
            plannedBusyTime: result.time.planned.plannedBusyTime)
        return EquipmentPerformance(equipmentId: equipmentId, window: window, kpis: result, stops: stops, pareto: pareto, counterEvents: context.counterEvents)
    }

    static func localDate(_ date: Date, _ calendar: PlantCalendar) -> String {
        let day = calendar.localDay(of: date)
        return String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
    }

    private static func weeks(overlapping window: TimeSpan, _ calendar: PlantCalendar) -> [TimeSpan] {
        var weeks = [calendar.week(containing: window.start)]
        while let last = weeks.last, last.end < window.end { weeks.append(calendar.week(containing: last.end)) }
        return weeks
    }
}
