import Foundation

/// The additive parts of the KPIs of one window: every sum the ratios of ``OEEResult`` are
/// computed from, so that the parts of consecutive windows (e.g. local days) add up to those of
/// the window they make up.
///
/// A stop's time is split by window (each window holds the part of its planned time inside it);
/// it is counted (failures, failure downtime, time to code) once, in the window where it starts,
/// and classified (minor, failure) by its whole duration. Counts are attributed by timestamp.
/// Ratios, the reduced-speed loss and the target are not additive: ``OEECalculator/result(_:window:target:)``
/// computes them from summed parts.
public struct OEEParts: Sendable, Equatable, Hashable, Codable {
    /// The time buckets, with the planned busy spans.
    public var time: TimeBreakdown
    /// The counts (without a target).
    public var quantities: QuantityBreakdown
    /// Start-up rejects × ideal cycle time, seconds.
    public var startupRejectTime: TimeInterval
    /// Production rejects × ideal cycle time, seconds.
    public var productionRejectTime: TimeInterval
    /// Non-minor unplanned breakdown stops starting in the window.
    public var failureCount: Int
    /// Whole duration of those failures, seconds.
    public var failureDowntime: TimeInterval
    /// Stops starting in the window that an operator coded.
    public var codedStopCount: Int
    /// Σ (coded at − stop end, at least 0) over those stops, seconds.
    public var timeToCode: TimeInterval

    /// Creates parts.
    public init(
        time: TimeBreakdown,
        quantities: QuantityBreakdown,
        startupRejectTime: TimeInterval,
        productionRejectTime: TimeInterval,
        failureCount: Int,
        failureDowntime: TimeInterval,
        codedStopCount: Int,
        timeToCode: TimeInterval
    ) {
        self.time = time
        self.quantities = quantities
        self.startupRejectTime = startupRejectTime
        self.productionRejectTime = productionRejectTime
        self.failureCount = failureCount
        self.failureDowntime = failureDowntime
        self.codedStopCount = codedStopCount
        self.timeToCode = timeToCode
    }

    /// The parts of `window` from those of the consecutive windows making it up, in time order.
    public static func combined(_ parts: [OEEParts], window: TimeSpan) -> OEEParts {
        func sum<Value: AdditiveArithmetic>(_ value: (OEEParts) -> Value) -> Value { parts.reduce(.zero) { $0 + value($1) } }
        let planned = PlannedTime(
            window: window,
            shiftTime: sum(\.time.planned.shiftTime),
            breakTime: sum(\.time.planned.breakTime),
            meetingTime: sum(\.time.planned.meetingTime),
            plannedMaintenanceTime: sum(\.time.planned.plannedMaintenanceTime),
            maintenanceModeTime: sum(\.time.planned.maintenanceModeTime),
            noOrderTime: sum(\.time.planned.noOrderTime),
            plannedBusySpans: TimeSpanSet(parts.flatMap(\.time.planned.plannedBusySpans.spans)))
        return OEEParts(
            time: TimeBreakdown(
                planned: planned,
                actualProductionTime: sum(\.time.actualProductionTime),
                setupTime: sum(\.time.setupTime),
                breakdownTime: sum(\.time.breakdownTime),
                minorStopTime: sum(\.time.minorStopTime),
                otherStopTime: sum(\.time.otherStopTime),
                uncodedStopTime: sum(\.time.uncodedStopTime),
                unrecordedTime: sum(\.time.unrecordedTime)),
            quantities: QuantityBreakdown(
                produced: sum(\.quantities.produced),
                good: sum(\.quantities.good),
                rejects: sum(\.quantities.rejects),
                startupRejects: sum(\.quantities.startupRejects),
                productionRejects: sum(\.quantities.productionRejects),
                reworked: sum(\.quantities.reworked),
                producedOutsideOrders: sum(\.quantities.producedOutsideOrders),
                idealProductionTime: sum(\.quantities.idealProductionTime),
                target: nil),
            startupRejectTime: sum(\.startupRejectTime),
            productionRejectTime: sum(\.productionRejectTime),
            failureCount: sum(\.failureCount),
            failureDowntime: sum(\.failureDowntime),
            codedStopCount: sum(\.codedStopCount),
            timeToCode: sum(\.timeToCode))
    }
}
