import Foundation

/// Unplanned stop time of one reason in one window, in a form that adds up over consecutive
/// windows: a stop reaching into several of them is counted once.
public struct LossGroup: Sendable, Equatable, Hashable, Codable {
    /// The reason code; `nil` for stops without a reason.
    public var reasonCode: String?
    /// The stops' planned time within the window, seconds.
    public var duration: TimeInterval
    /// Stops with all their planned time inside the window.
    public var containedCount: Int
    /// Ids of the stops with planned time also outside the window, sorted.
    public var crossingStopIds: [String]

    /// Creates a group.
    public init(reasonCode: String?, duration: TimeInterval, containedCount: Int, crossingStopIds: [String]) {
        self.reasonCode = reasonCode
        self.duration = duration
        self.containedCount = containedCount
        self.crossingStopIds = crossingStopIds
    }

    /// Stops with time in the window.
    public var count: Int { containedCount + crossingStopIds.count }

    /// The groups of consecutive windows merged by reason, for the window they make up.
    public static func merged(_ groups: [LossGroup]) -> [LossGroup] {
        var byReason: [String?: LossGroup] = [:]
        for group in groups {
            byReason[group.reasonCode] = byReason[group.reasonCode].map { $0.adding(group) } ?? group
        }
        return Array(byReason.values)
    }

    /// All groups as one, whatever their reason (its reason code is `nil`).
    public static func total(_ groups: [LossGroup]) -> LossGroup {
        groups.reduce(LossGroup(reasonCode: nil, duration: 0, containedCount: 0, crossingStopIds: [])) { $0.adding($1) }
    }

    /// This group with `other`'s time and stops added, a stop in both counted once.
    private func adding(_ other: LossGroup) -> LossGroup {
        LossGroup(
            reasonCode: reasonCode, duration: duration + other.duration, containedCount: containedCount + other.containedCount,
            crossingStopIds: Set(crossingStopIds + other.crossingStopIds).sorted())
    }
}
