/// Where an operator's job assignment is: assigned → accepted → started → completed.
public enum AssignmentStatus: String, ClosedSet, Equatable, Hashable {
    case assigned
    case accepted
    case started
    case completed

    /// The status an assignment may move to from this one.
    public var next: AssignmentStatus? {
        switch self {
        case .assigned: .accepted
        case .accepted: .started
        case .started: .completed
        case .completed: nil
        }
    }
}
