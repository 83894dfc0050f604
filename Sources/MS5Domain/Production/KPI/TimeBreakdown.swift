import Foundation

/// Where every second of the window's shift time went.
///
/// `planned.plannedBusyTime = actualProductionTime + setupTime + breakdownTime +
/// minorStopTime + otherStopTime + uncodedStopTime + unrecordedTime`.
public struct TimeBreakdown: Sendable, Equatable, Hashable, Codable {
    /// Shift time, planned downtime and planned busy time (PBT).
    public var planned: PlannedTime
    /// Running within PBT (ISO 22400 actual production time, APT), seconds.
    public var actualProductionTime: TimeInterval
    /// Non-minor stops whose reason is setup/adjustment (ISO 22400 ASUT), seconds.
    public var setupTime: TimeInterval
    /// Non-minor stops whose reason is a breakdown, seconds.
    public var breakdownTime: TimeInterval
    /// Stops shorter than the minor-stop threshold, seconds.
    public var minorStopTime: TimeInterval
    /// Non-minor stops of other reasons, seconds.
    public var otherStopTime: TimeInterval
    /// Non-minor stops with neither a confirmed nor a proposed reason, seconds.
    public var uncodedStopTime: TimeInterval
    /// PBT with no state data and no stop, seconds.
    public var unrecordedTime: TimeInterval

    /// Creates a breakdown.
    public init(
        planned: PlannedTime,
        actualProductionTime: TimeInterval,
        setupTime: TimeInterval,
        breakdownTime: TimeInterval,
        minorStopTime: TimeInterval,
        otherStopTime: TimeInterval,
        uncodedStopTime: TimeInterval,
        unrecordedTime: TimeInterval
    ) {
        self.planned = planned
        self.actualProductionTime = actualProductionTime
        self.setupTime = setupTime
        self.breakdownTime = breakdownTime
        self.minorStopTime = minorStopTime
        self.otherStopTime = otherStopTime
        self.uncodedStopTime = uncodedStopTime
        self.unrecordedTime = unrecordedTime
    }
}
