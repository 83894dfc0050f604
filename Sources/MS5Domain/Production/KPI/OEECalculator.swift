import Foundation

/// Computes the ISO 22400-2 KPIs of one window.
///
/// - PBT: shift time minus planned downtime (breaks, meetings, planned
///   maintenance, maintenance mode, no order); see ``PlannedTime``.
/// - APT: running time within PBT.
/// - Availability = APT / PBT; effectiveness = Σ PQ × ideal cycle time / APT
///   (see ``OEEResult`` for values above 100 %); quality ratio = GQ / PQ;
///   OEE = availability × effectiveness × quality ratio.
/// - Failures are non-minor stops with an unplanned breakdown reason that start
///   in the window. MTBF = APT / failures (ISO's operating time between failures
///   would also count setup time, which ``TimeBreakdown/setupTime`` gives);
///   MTTR = failure downtime / failures.
/// - Start-up rejects: rejects counted within the start-up window after a restart (a stop's end,
///   an order's start, the start of planned busy time; not the window's start).
/// - Setup ratio is ISO's setup rate, ASUT / AUPT = setup / (APT + setup).
/// - Counts are attributed by timestamp (see ``CounterIncrement``) to the order
///   running then; counts while no order runs are reported and left out.
/// - A stop's time is clipped to the window; whether it is minor depends on its
///   whole duration, and it is counted (failures, time-to-code) in the window
///   where it starts.
public enum OEECalculator {
    /// The KPIs of `input.window`.
    public static func calculate(_ input: OEEInput) -> OEEResult {
        result(parts(input), window: input.window, target: input.targetQuantity)
    }

    /// The additive parts of the KPIs of `input.window` (see ``OEEParts``).
    public static func parts(_ input: OEEInput) -> OEEParts {
        let window = input.window
        let planned = PlannedTime(
            window: window, shifts: input.shifts, plannedDowntimes: input.plannedDowntimes,
            orders: input.orders, timeline: input.timeline)
        let busy = planned.plannedBusySpans
        let running = input.timeline.running.intersection(busy)
        let threshold = input.settings.minorStopThreshold

        var stopTime: [StopTimeBucket: TimeInterval] = [:]
        // Gathered and normalised once: a union per stop re-sorts everything gathered so far.
        var countedSpans: [TimeSpan] = []
        for stop in input.stops {
            let counted = stop.plannedSpans.intersection(busy).subtracting(running)
            guard !counted.isEmpty else { continue }
            stopTime[StopTimeBucket(stop: stop, tree: input.reasonTree, minorStopThreshold: threshold), default: 0] += counted.duration
            countedSpans += counted.spans
        }
        let stopSpans = TimeSpanSet(countedSpans)
        let time = TimeBreakdown(
            planned: planned,
            actualProductionTime: running.duration,
            setupTime: stopTime[.setupAndAdjustment, default: 0],
            breakdownTime: stopTime[.breakdown, default: 0],
            minorStopTime: stopTime[.minorStop, default: 0],
            otherStopTime: stopTime[.otherStop, default: 0],
            uncodedStopTime: stopTime[.uncoded, default: 0],
            unrecordedTime: busy.subtracting(running).subtracting(stopSpans).duration)

        let counting = quantities(input)
        let startingHere = input.stops.filter { window.contains($0.start) }
        let failures = startingHere.filter { isFailure($0, tree: input.reasonTree, threshold: threshold) }
        let coded = startingHere.compactMap { stop in stop.codedAt.map { max(0, $0.timeIntervalSince(stop.end)) } }
        return OEEParts(
            time: time,
            quantities: counting.quantities,
            startupRejectTime: counting.startupRejectTime,
            productionRejectTime: counting.productionRejectTime,
            failureCount: failures.count,
            failureDowntime: failures.reduce(0) { $0 + $1.duration },
            codedStopCount: coded.count,
            timeToCode: coded.reduce(0, +))
    }

    /// The KPIs of `window` from its additive parts and its planned good quantity.
    public static func result(_ parts: OEEParts, window: TimeSpan, target: Int?) -> OEEResult {
        let time = parts.time
        let apt = time.actualProductionTime
        var quantities = parts.quantities
        quantities.target = target
        let uncapped = ratio(quantities.idealProductionTime, apt)
        let effectiveness = uncapped.map { min(1, $0) }
        let availability = ratio(apt, time.planned.plannedBusyTime)
        let quality = ratio(Double(quantities.good), Double(quantities.produced))
        let failures = parts.failureCount
        return OEEResult(
            window: window,
            time: time,
            quantities: quantities,
            losses: SixBigLosses(
                breakdowns: time.breakdownTime,
                setupAndAdjustment: time.setupTime,
                minorStops: time.minorStopTime,
                reducedSpeed: max(0, apt - quantities.idealProductionTime),
                startupRejects: parts.startupRejectTime,
                productionRejects: parts.productionRejectTime,
                otherStops: time.otherStopTime,
                uncodedStops: time.uncodedStopTime),
            availability: availability,
            effectiveness: effectiveness,
            effectivenessUncapped: uncapped,
            idealRateMisconfigured: (uncapped ?? 0) > 1,
            qualityRatio: quality,
            oee: availability.flatMap { a in effectiveness.flatMap { e in quality.map { q in a * e * q } } },
            failureCount: failures,
            failureDowntime: parts.failureDowntime,
            meanTimeBetweenFailures: failures == 0 ? nil : apt / Double(failures),
            meanTimeToRepair: failures == 0 ? nil : parts.failureDowntime / Double(failures),
            firstPassYield: ratio(Double(quantities.good - quantities.reworked), Double(quantities.produced)),
            setupRatio: ratio(time.setupTime, apt + time.setupTime),
            meanTimeToCode: parts.codedStopCount == 0 ? nil : parts.timeToCode / Double(parts.codedStopCount),
            codedStopCount: parts.codedStopCount,
            targetAttainment: target.flatMap { ratio(Double(quantities.good), Double($0)) })
    }

    /// True for a non-minor stop with an unplanned breakdown reason.
    public static func isFailure(_ stop: Stop, tree: StopReasonTree, threshold: TimeInterval) -> Bool {
        guard !stop.isMinor(threshold: threshold),
            let classified = stop.effectiveReasonCode.flatMap(tree.classify)
        else { return false }
        return classified.category.planning == .unplanned && classified.category.loss == .breakdown
    }

    /// The counts of the window. Restarts are stop ends, order starts and starts of planned busy
    /// time, the latter taken from the planned time of the window reaching one start-up window
    /// earlier: the window's own start is no restart, so consecutive windows count as one does.
    private static func quantities(
        _ input: OEEInput
    ) -> (quantities: QuantityBreakdown, startupRejectTime: TimeInterval, productionRejectTime: TimeInterval) {
        let startupWindow = input.settings.startupRejectWindow
        let reaching = PlannedTime(
            window: TimeSpan(start: input.window.start.addingTimeInterval(-startupWindow), end: input.window.end),
            shifts: input.shifts, plannedDowntimes: input.plannedDowntimes, orders: input.orders, timeline: input.timeline)
        let restarts = (input.stops.map(\.end) + input.orders.map(\.start) + reaching.plannedBusySpans.spans.map(\.start)).sorted()
        var produced = 0
        var good = 0
        var startupRejects = 0
        var productionRejects = 0
        var outside = 0
        var idealTime: TimeInterval = 0
        var startupRejectTime: TimeInterval = 0
        var productionRejectTime: TimeInterval = 0
        for increment in input.counts where input.window.containsEnding(at: increment.at) {
            guard let order = input.orders.first(where: { $0.span.containsEnding(at: increment.at) }) else {
                outside += increment.producedQuantity
                continue
            }
            produced += increment.producedQuantity
            good += increment.goodQuantity
            idealTime += Double(increment.producedQuantity) * order.idealCycleTime
            let rejectTime = Double(increment.rejectQuantity) * order.idealCycleTime
            let atStartup = lastRestart(before: increment.at, in: restarts).map { increment.at <= $0.addingTimeInterval(startupWindow) } ?? false
            if atStartup {
                startupRejects += increment.rejectQuantity
                startupRejectTime += rejectTime
            } else {
                productionRejects += increment.rejectQuantity
                productionRejectTime += rejectTime
            }
        }
        let quantities = QuantityBreakdown(
            produced: produced,
            good: good,
            rejects: startupRejects + productionRejects,
            startupRejects: startupRejects,
            productionRejects: productionRejects,
            reworked: input.reworkedQuantity,
            producedOutsideOrders: outside,
            idealProductionTime: idealTime,
            target: input.targetQuantity)
        return (quantities, startupRejectTime, productionRejectTime)
    }

    /// The latest of the sorted `restarts` strictly before `date`, by binary search: a count
    /// follows a restart closely enough to be a startup reject exactly when it follows the latest
    /// one before it closely enough, since every earlier restart's window ends sooner.
    private static func lastRestart(before date: Date, in restarts: [Date]) -> Date? {
        var low = 0
        var high = restarts.count
        while low < high {
            let middle = (low + high) / 2
            if restarts[middle] < date { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? restarts[low - 1] : nil
    }

    private static func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
        denominator > 0 ? numerator / denominator : nil
    }
}
