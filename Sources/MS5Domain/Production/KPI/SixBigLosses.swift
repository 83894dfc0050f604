import Foundation

/// The six big losses in seconds of planned busy time, plus the stop time that
/// fits none of them, so that the whole reconciles:
/// `PBT = good × ideal cycle time + breakdowns + setupAndAdjustment + minorStops +
/// reducedSpeed + startupRejects + productionRejects + otherStops + uncodedStops +
/// unrecorded` (exact while effectiveness ≤ 100 %).
public struct SixBigLosses: Sendable, Equatable, Hashable, Codable {
    /// Non-minor breakdown stops.
    public var breakdowns: TimeInterval
    /// Non-minor setup and adjustment stops.
    public var setupAndAdjustment: TimeInterval
    /// Stops under the minor-stop threshold.
    public var minorStops: TimeInterval
    /// APT − Σ produced × ideal cycle time, never below 0.
    public var reducedSpeed: TimeInterval
    /// Start-up rejects × ideal cycle time.
    public var startupRejects: TimeInterval
    /// Production rejects × ideal cycle time.
    public var productionRejects: TimeInterval
    /// Non-minor stops of other coded reasons (not one of the six).
    public var otherStops: TimeInterval
    /// Non-minor uncoded stops (not one of the six).
    public var uncodedStops: TimeInterval

    /// Creates the losses.
    public init(
        breakdowns: TimeInterval,
        setupAndAdjustment: TimeInterval,
        minorStops: TimeInterval,
        reducedSpeed: TimeInterval,
        startupRejects: TimeInterval,
        productionRejects: TimeInterval,
        otherStops: TimeInterval,
        uncodedStops: TimeInterval
    ) {
        self.breakdowns = breakdowns
        self.setupAndAdjustment = setupAndAdjustment
        self.minorStops = minorStops
        self.reducedSpeed = reducedSpeed
        self.startupRejects = startupRejects
        self.productionRejects = productionRejects
        self.otherStops = otherStops
        self.uncodedStops = uncodedStops
    }
}
