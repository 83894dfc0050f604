/// Where a production order is in its life: planned → released → running → completed.
public enum OrderStatus: String, ClosedSet, Equatable, Hashable {
    /// Entered, not yet released to the floor.
    case planned
    /// Released to the floor; may be started.
    case released
    /// Being produced: its counts and time are attributed to it.
    case running
    /// Finished; kept for reporting.
    case completed

    /// The statuses an order may move to from this one.
    public var next: [OrderStatus] {
        switch self {
        case .planned: [.released]
        case .released: [.running, .planned]
        case .running: [.completed]
        case .completed: []
        }
    }
}
