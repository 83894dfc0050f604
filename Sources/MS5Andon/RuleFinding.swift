import Foundation
import MS5Domain
import MS5Storage

/// A rule whose condition has lasted past its threshold: the call it should raise.
public struct RuleFinding: Sendable, Equatable {
    public var rule: AndonRule
    /// What the call is for, one per occurrence: `fault:CODE@start`, `suspended@start`, `rejects@window-end`.
    public var cause: String
    public var text: String

    /// A fault-kind fault of the rule's equipment active for at least the threshold: the oldest one.
    public static func fault(_ rule: AndonRule, active: [FaultRecord], now: Date) -> RuleFinding? {
        let due = active.filter { $0.kind == .fault && $0.end == nil && now.timeIntervalSince($0.start) >= Double(rule.thresholdSeconds) }
        guard let oldest = due.min(by: { $0.start < $1.start }) else { return nil }
        let seconds = Int(now.timeIntervalSince(oldest.start))
        return RuleFinding(
            rule: rule, cause: "fault:\(oldest.code)@\(Int(oldest.start.timeIntervalSince1970))",
            text: "Fault \(oldest.code) \(oldest.text) active for \(seconds) s")
    }

    /// The equipment starved or blocked (suspended) for at least the threshold.
    public static func starvedBlocked(_ rule: AndonRule, current: StateIntervalRecord?, now: Date) -> RuleFinding? {
        guard let current, current.state == .suspended, current.end == nil,
              now.timeIntervalSince(current.start) >= Double(rule.thresholdSeconds)
        else { return nil }
        return RuleFinding(
            rule: rule, cause: "suspended@\(Int(current.start.timeIntervalSince1970))",
            text: "Starved or blocked for \(Int(now.timeIntervalSince(current.start))) s")
    }

    /// More rejects than the rule allows over its window; `windowEnd` names the occurrence.
    public static func rejectRate(_ rule: AndonRule, counts: CounterWindows.Counts, windowEnd: Date) -> RuleFinding? {
        guard let limit = rule.rejectPercent, let share = counts.rejectPercent, share > limit else { return nil }
        return RuleFinding(
            rule: rule, cause: "rejects@\(Int(windowEnd.timeIntervalSince1970))",
            text: String(format: "Reject rate %.1f %% over %d min (%d of %d), above %.1f %%", share, rule.windowMinutes ?? 0, counts.rejected, counts.produced, limit))
    }
}
