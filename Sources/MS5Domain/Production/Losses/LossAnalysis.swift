import Foundation

/// Where unplanned stop time went: by reason (Pareto), by equipment, by day.
///
/// Unplanned stops are those whose confirmed (else proposed) reason lies in an
/// unplanned category, plus stops without a reason (they cannot be shown to be
/// planned). Minor stops are included. A stop counts in a window with the part of
/// its planned time inside the window, and once in every window it reaches into; the
/// ``LossGroup``s of consecutive windows add up to the window they make up, counting it once.
public enum LossAnalysis {
    /// Unplanned stops in `window` grouped by reason, longest first (ties: more
    /// stops first, then by reason code, uncoded last), with shares of the stop
    /// time and of `plannedBusyTime`.
    public static func pareto(
        stops: [Stop], tree: StopReasonTree, window: TimeSpan, plannedBusyTime: TimeInterval
    ) -> [ParetoEntry] {
        pareto(groups: groups(stops: stops, tree: tree, window: window), tree: tree, plannedBusyTime: plannedBusyTime)
    }

    /// The Pareto of a window from the loss groups of the consecutive windows making it up.
    public static func pareto(groups: [LossGroup], tree: StopReasonTree, plannedBusyTime: TimeInterval) -> [ParetoEntry] {
        let merged = LossGroup.merged(groups)
        let total = merged.reduce(0) { $0 + $1.duration }
        let sorted = merged.sorted { lhs, rhs in
            if lhs.duration != rhs.duration { return lhs.duration > rhs.duration }
            if lhs.count != rhs.count { return lhs.count > rhs.count }
            return (lhs.reasonCode ?? "\u{10FFFF}") < (rhs.reasonCode ?? "\u{10FFFF}")
        }
        var cumulative: TimeInterval = 0
        return sorted.map { group in
            cumulative += group.duration
            let classified = group.reasonCode.flatMap(tree.classify)
            return ParetoEntry(
                reasonCode: group.reasonCode,
                reasonName: classified?.reason.name ?? "Uncoded",
                categoryCode: classified?.category.code,
                count: group.count,
                duration: group.duration,
                shareOfStopTime: group.duration / total,
                cumulativeShareOfStopTime: cumulative / total,
                shareOfPlannedBusyTime: plannedBusyTime > 0 ? group.duration / plannedBusyTime : nil)
        }
    }

    /// Unplanned stops in `window` grouped by reason (see ``LossGroup``).
    public static func groups(stops: [Stop], tree: StopReasonTree, window: TimeSpan) -> [LossGroup] {
        var groups: [String?: LossGroup] = [:]
        for (stop, duration) in unplanned(stops, tree: tree, window: window) {
            let key = stop.effectiveReasonCode.flatMap { tree.classify($0)?.reason.code }
            var group = groups[key] ?? LossGroup(reasonCode: key, duration: 0, containedCount: 0, crossingStopIds: [])
            group.duration += duration
            if stop.plannedSpans.subtracting(TimeSpanSet([window])).isEmpty {
                group.containedCount += 1
            } else {
                group.crossingStopIds.append(stop.id)
            }
            groups[key] = group
        }
        return groups.values.map { group in
            var sorted = group
            sorted.crossingStopIds.sort()
            return sorted
        }
    }

    /// The `limit` largest entries of the Pareto of the 24 h before `now`.
    public static func topLosses(
        stops: [Stop], tree: StopReasonTree, now: Date, plannedBusyTime: TimeInterval, limit: Int
    ) -> [ParetoEntry] {
        let window = TimeSpan(start: now.addingTimeInterval(-86_400), end: now)
        return Array(pareto(stops: stops, tree: tree, window: window, plannedBusyTime: plannedBusyTime).prefix(max(0, limit)))
    }

    /// Unplanned stop time in `window` per equipment, longest first (ties by id).
    public static func byEquipment(stops: [Stop], tree: StopReasonTree, window: TimeSpan) -> [EquipmentLoss] {
        byEquipment(groups: Dictionary(grouping: stops, by: \.equipmentId).mapValues { groups(stops: $0, tree: tree, window: window) })
    }

    /// Unplanned stop time per equipment from each equipment's loss groups (of the consecutive
    /// windows making up the window), longest first (ties by id).
    public static func byEquipment(groups: [String: [LossGroup]]) -> [EquipmentLoss] {
        let totals = groups.mapValues(LossGroup.total).filter { $0.value.count > 0 }
        let total = totals.values.reduce(0) { $0 + $1.duration }
        return totals
            .map { id, group in
                EquipmentLoss(equipmentId: id, count: group.count, duration: group.duration, shareOfStopTime: group.duration / total)
            }
            .sorted { ($0.duration, $1.equipmentId) > ($1.duration, $0.equipmentId) }
    }

    /// Unplanned stop time per local day of `days` (e.g. ``PlantCalendar/days(overlapping:)``), in day order.
    public static func dailyTrend(stops: [Stop], tree: StopReasonTree, days: [TimeSpan]) -> [DailyLoss] {
        days.map { day in dailyLoss(day: day, groups: groups(stops: stops, tree: tree, window: day)) }
    }

    /// The unplanned stop time of `day` from its loss groups.
    public static func dailyLoss(day: TimeSpan, groups: [LossGroup]) -> DailyLoss {
        let total = LossGroup.total(groups)
        return DailyLoss(day: day, count: total.count, duration: total.duration)
    }

    /// Unplanned stops with planned time in `window`, and that time.
    private static func unplanned(
        _ stops: [Stop], tree: StopReasonTree, window: TimeSpan
    ) -> [(stop: Stop, duration: TimeInterval)] {
        stops.compactMap { stop in
            if let code = stop.effectiveReasonCode, tree.classify(code)?.category.planning == .planned { return nil }
            let duration = stop.plannedSpans.intersection(window).duration
            return duration > 0 ? (stop, duration) : nil
        }
    }
}
