import Foundation

/// The planned side of the ISO 22400 time model for one window: shift time, the
/// planned downtime taken out of it, and what is left as planned busy time.
///
/// Every second of shift time in the window is put in exactly one bucket, in this
/// order of precedence: break > meeting > planned maintenance > maintenance mode >
/// no order > planned busy time. So
/// `shiftTime = breakTime + meetingTime + plannedMaintenanceTime +
/// maintenanceModeTime + noOrderTime + plannedBusyTime`.
///
/// Breaks come from the shift instances and from calendar entries of kind break;
/// no-order time is shift time outside every order run plus calendar entries of
/// kind no order; maintenance-mode time comes from the state timeline.
public struct PlannedTime: Sendable, Equatable, Hashable, Codable {
    /// The window analysed.
    public var window: TimeSpan
    /// Shift time in the window (ISO 22400 planned operation time, POT), seconds.
    public var shiftTime: TimeInterval
    /// Planned breaks, seconds.
    public var breakTime: TimeInterval
    /// Meetings, seconds.
    public var meetingTime: TimeInterval
    /// Planned maintenance from the calendar, seconds.
    public var plannedMaintenanceTime: TimeInterval
    /// Equipment in maintenance mode, seconds (treated as planned downtime).
    public var maintenanceModeTime: TimeInterval
    /// No order running, seconds.
    public var noOrderTime: TimeInterval
    /// Planned busy time (PBT = POT − planned downtime), seconds.
    public var plannedBusyTime: TimeInterval
    /// The instants making up the planned busy time.
    public var plannedBusySpans: TimeSpanSet

    /// Creates the breakdown from its parts.
    public init(
        window: TimeSpan,
        shiftTime: TimeInterval,
        breakTime: TimeInterval,
        meetingTime: TimeInterval,
        plannedMaintenanceTime: TimeInterval,
        maintenanceModeTime: TimeInterval,
        noOrderTime: TimeInterval,
        plannedBusySpans: TimeSpanSet
    ) {
        self.window = window
        self.shiftTime = shiftTime
        self.breakTime = breakTime
        self.meetingTime = meetingTime
        self.plannedMaintenanceTime = plannedMaintenanceTime
        self.maintenanceModeTime = maintenanceModeTime
        self.noOrderTime = noOrderTime
        self.plannedBusyTime = plannedBusySpans.duration
        self.plannedBusySpans = plannedBusySpans
    }

    /// Computes the buckets for `window`.
    public init(
        window: TimeSpan,
        shifts: [ShiftInstance],
        plannedDowntimes: [PlannedDowntime],
        orders: [ProductionOrderRun],
        timeline: StateTimeline
    ) {
        let shiftSpans = TimeSpanSet(shifts.map(\.span)).intersection(window)
        func calendar(_ kind: PlannedDowntimeKind) -> TimeSpanSet {
            TimeSpanSet(plannedDowntimes.filter { $0.kind == kind }.map(\.span))
        }
        let ordered: [TimeSpanSet] = [
            TimeSpanSet(shifts.flatMap(\.breaks)).union(calendar(.break)),
            calendar(.meeting),
            calendar(.plannedMaintenance),
            timeline.maintenanceMode,
            shiftSpans.subtracting(TimeSpanSet(orders.map(\.span))).union(calendar(.noOrder)),
        ]
        var remaining = shiftSpans
        var taken: [TimeInterval] = []
        for downtime in ordered {
            taken.append(remaining.intersection(downtime).duration)
            remaining = remaining.subtracting(downtime)
        }
        self.init(
            window: window,
            shiftTime: shiftSpans.duration,
            breakTime: taken[0],
            meetingTime: taken[1],
            plannedMaintenanceTime: taken[2],
            maintenanceModeTime: taken[3],
            noOrderTime: taken[4],
            plannedBusySpans: remaining)
    }
}
