/// Why production is not planned during a calendar entry.
public enum PlannedDowntimeKind: String, ClosedSet, Equatable, Hashable {
    /// A break not already part of the shift pattern.
    case `break`
    /// A meeting, training or shift hand-over.
    case meeting
    /// Scheduled (preventive) maintenance.
    case plannedMaintenance
    /// No order is scheduled.
    case noOrder
}
