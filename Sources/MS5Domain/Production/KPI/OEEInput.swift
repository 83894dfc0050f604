import Foundation

/// Everything the KPIs of one window of one equipment (or line constraint) are
/// computed from.
///
/// The window may be a shift (``ShiftInstance/span``), an order
/// (``ProductionOrderRun/span``), a day or a week (``PlantCalendar``). The inputs
/// may reach beyond it; they are clipped.
public struct OEEInput: Sendable, Equatable, Codable {
    /// The window.
    public var window: TimeSpan
    /// Shift instances overlapping the window.
    public var shifts: [ShiftInstance]
    /// Planned-downtime calendar entries.
    public var plannedDowntimes: [PlannedDowntime]
    /// Orders run on the equipment.
    public var orders: [ProductionOrderRun]
    /// The equipment's state timeline.
    public var timeline: StateTimeline
    /// The equipment's stops (derived, then coded, split or reclassified).
    public var stops: [Stop]
    /// Counter increments of the equipment.
    public var counts: [CounterIncrement]
    /// Pieces reworked in the window (from quality records), for first-pass yield.
    public var reworkedQuantity: Int
    /// Planned good quantity for the window, if any.
    public var targetQuantity: Int?
    /// The reason tree the stops are coded in.
    public var reasonTree: StopReasonTree
    /// Thresholds.
    public var settings: OEESettings

    /// Creates an input.
    public init(
        window: TimeSpan,
        shifts: [ShiftInstance],
        plannedDowntimes: [PlannedDowntime] = [],
        orders: [ProductionOrderRun],
        timeline: StateTimeline,
        stops: [Stop],
        counts: [CounterIncrement],
        reworkedQuantity: Int = 0,
        targetQuantity: Int? = nil,
        reasonTree: StopReasonTree,
        settings: OEESettings = OEESettings()
    ) {
        self.window = window
        self.shifts = shifts
        self.plannedDowntimes = plannedDowntimes
        self.orders = orders
        self.timeline = timeline
        self.stops = stops
        self.counts = counts
        self.reworkedQuantity = reworkedQuantity
        self.targetQuantity = targetQuantity
        self.reasonTree = reasonTree
        self.settings = settings
    }

    /// The same input for another window, e.g. each shift of a day.
    public func restricted(to window: TimeSpan) -> OEEInput {
        var copy = self
        copy.window = window
        return copy
    }
}
