/// Where a workflow instance is: running until it completes, fails or is cancelled.
public enum WorkflowStatus: String, ClosedSet, Equatable, Hashable {
    /// Running, or waiting durably (for a timer, a signal, a human task).
    case running
    /// Reached its end.
    case completed
    /// Stopped by an error its steps' retries did not overcome.
    case failed
    /// Stopped on request.
    case cancelled

    /// Whether the instance has ended: anything but running.
    public var isFinished: Bool { self != .running }
}
