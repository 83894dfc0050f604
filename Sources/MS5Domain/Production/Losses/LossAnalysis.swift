import Foundation

/// Where unplanned stop time went: by reason (Pareto), by equipment, by day.
///
/// Unplanned stops are those whose confirmed (else proposed) reason lies in an
/// unplanned category, plus stops without a reason (they cannot be shown to be
/// planned). Minor stops are included. A stop counts in a window with the part of
/// its planned time inside the window, and once in every window it reaches into.
public enum LossAnalysis {
    /// Unplanned stops in `window` grouped by reason, longest first (ties: more
    /// stops first, then by reason code, uncoded last), with shares of the stop
    /// time and of `plannedBusyTime`.
    public static func pareto(
        stops: [Stop], tree: StopReasonTree, window: TimeSpan, plannedBusyTime: TimeInterval
    ) -> [ParetoEntry] {
        var groups: [String?: (count: Int, duration: TimeInterval)] = [:]
        for (stop, duration) in unplanned(stops, tree: tree, window: window) {
            let key = stop.effectiveReasonCode.flatMap { tree.classify($0)?.reason.code }
            groups[key, default: (0, 0)].count += 1
            groups[key, default: (0, 0)].duration += duration
        }
        let total = groups.values.reduce(0) { $0 + $1.duration }
        let sorted = groups.sorted { lhs, rhs in
            if lhs.value.duration != rhs.value.duration { return lhs.value.duration > rhs.value.duration }
            if lhs.value.count != rhs.value.count { return lhs.value.count > rhs.value.count }
            return (lhs.key ?? "\u{10FFFF}") < (rhs.key ?? "\u{10FFFF}")
        }
        var cumulative: TimeInterval = 0
        return sorted.map { code, group in
            cumulative += group.duration
            let classified = code.flatMap(tree.classify)
            return ParetoEntry(
                reasonCode: code,
                reasonName: classified?.reason.name ?? "Uncoded",
                categoryCode: classified?.category.code,
                count: group.count,
                duration: group.duration,
                shareOfStopTime: group.duration / total,
                cumulativeShareOfStopTime: cumulative / total,
                shareOfPlannedBusyTime: plannedBusyTime > 0 ? group.duration / plannedBusyTime : nil)
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
        var groups: [String: (count: Int, duration: TimeInterval)] = [:]
        for (stop, duration) in unplanned(stops, tree: tree, window: window) {
            groups[stop.equipmentId, default: (0, 0)].count += 1
            groups[stop.equipmentId, default: (0, 0)].duration += duration
        }
        let total = groups.values.reduce(0) { $0 + $1.duration }
        return groups
            .map { id, group in
                EquipmentLoss(equipmentId: id, count: group.count, duration: group.duration, shareOfStopTime: group.duration / total)
            }
            .sorted { ($0.duration, $1.equipmentId) > ($1.duration, $0.equipmentId) }
    }

    /// Unplanned stop time per local day of `days` (e.g. ``PlantCalendar/days(overlapping:)``), in day order.
    public static func dailyTrend(stops: [Stop], tree: StopReasonTree, days: [TimeSpan]) -> [DailyLoss] {
        days.map { day in
            let parts = unplanned(stops, tree: tree, window: day)
            return DailyLoss(day: day, count: parts.count, duration: parts.reduce(0) { $0 + $1.duration })
        }
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
