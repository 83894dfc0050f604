/// Where a human task is: open → claimed → completed, back to open when released, or cancelled
/// before it is completed.
public enum HumanTaskStatus: String, ClosedSet, Equatable, Hashable {
    /// Waiting for someone eligible to claim or complete it.
    case open
    /// Held by one person, who alone may complete it.
    case claimed
    /// Done.
    case completed
    /// Withdrawn; nobody needs to do it.
    case cancelled

    /// Whether the task still needs someone: open or claimed.
    public var isActive: Bool { self == .open || self == .claimed }
}
