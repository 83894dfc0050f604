import Foundation

/// The KPIs of one window together with every part they were computed from.
///
/// Ratios are fractions (0.85 = 85 %) and `nil` when their denominator is 0.
///
/// **Effectiveness above 100 %.** ISO 22400 lets effectiveness exceed 100 % when
/// the real cycle is faster than the planned one; in practice that means the ideal
/// cycle time is configured too slow. Then ``idealRateMisconfigured`` is set,
/// ``effectiveness`` (and with it ``oee``) is capped at 100 % so no screen shows an
/// impossible OEE, and the raw value is kept in ``effectivenessUncapped`` for the
/// engineer fixing the configuration.
public struct OEEResult: Sendable, Equatable, Hashable, Codable {
    /// The window.
    public var window: TimeSpan
    /// The time buckets.
    public var time: TimeBreakdown
    /// The counts.
    public var quantities: QuantityBreakdown
    /// The six big losses in seconds.
    public var losses: SixBigLosses
    /// APT / PBT.
    public var availability: Double?
    /// min(1, Σ PQ × ideal cycle time / APT).
    public var effectiveness: Double?
    /// Σ PQ × ideal cycle time / APT, not capped.
    public var effectivenessUncapped: Double?
    /// True when the uncapped effectiveness exceeds 100 %.
    public var idealRateMisconfigured: Bool
    /// GQ / PQ.
    public var qualityRatio: Double?
    /// availability × effectiveness × qualityRatio.
    public var oee: Double?
    /// Non-minor unplanned breakdown stops starting in the window.
    public var failureCount: Int
    /// Whole duration of those failures (also beyond the window), seconds.
    public var failureDowntime: TimeInterval
    /// APT / failureCount, seconds.
    public var meanTimeBetweenFailures: TimeInterval?
    /// failureDowntime / failureCount, seconds.
    public var meanTimeToRepair: TimeInterval?
    /// (GQ − reworked) / PQ.
    public var firstPassYield: Double?
    /// ISO 22400 setup rate: setup time / (APT + setup time).
    public var setupRatio: Double?
    /// Mean of (coded at − stop end, at least 0) over coded stops starting in the window, seconds.
    public var meanTimeToCode: TimeInterval?
    /// Stops starting in the window that an operator coded.
    public var codedStopCount: Int
    /// GQ / target.
    public var targetAttainment: Double?

    /// Creates a result.
    public init(
        window: TimeSpan,
        time: TimeBreakdown,
        quantities: QuantityBreakdown,
        losses: SixBigLosses,
        availability: Double?,
        effectiveness: Double?,
        effectivenessUncapped: Double?,
        idealRateMisconfigured: Bool,
        qualityRatio: Double?,
        oee: Double?,
        failureCount: Int,
        failureDowntime: TimeInterval,
        meanTimeBetweenFailures: TimeInterval?,
        meanTimeToRepair: TimeInterval?,
        firstPassYield: Double?,
        setupRatio: Double?,
        meanTimeToCode: TimeInterval?,
        codedStopCount: Int,
        targetAttainment: Double?
    ) {
        self.window = window
        self.time = time
        self.quantities = quantities
        self.losses = losses
        self.availability = availability
        self.effectiveness = effectiveness
        self.effectivenessUncapped = effectivenessUncapped
        self.idealRateMisconfigured = idealRateMisconfigured
        self.qualityRatio = qualityRatio
        self.oee = oee
        self.failureCount = failureCount
        self.failureDowntime = failureDowntime
        self.meanTimeBetweenFailures = meanTimeBetweenFailures
        self.meanTimeToRepair = meanTimeToRepair
        self.firstPassYield = firstPassYield
        self.setupRatio = setupRatio
        self.meanTimeToCode = meanTimeToCode
        self.codedStopCount = codedStopCount
        self.targetAttainment = targetAttainment
    }
}
