import Foundation

/// A condition that differs from the current interval's and waits for the debounce.
public struct PendingCondition: Sendable, Equatable, Hashable, Codable {
    /// The candidate state and mode.
    public var condition: MachineCondition
    /// When the candidate began; the new interval will start here if confirmed.
    public var since: Date

    /// Creates a pending candidate.
    public init(condition: MachineCondition, since: Date) {
        self.condition = condition
        self.since = since
    }
}
