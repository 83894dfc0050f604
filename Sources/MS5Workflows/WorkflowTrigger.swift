import MS5Domain

/// What wakes a workflow instance and runs the handler of its purpose: a timer firing, a
/// signal delivered.
public protocol WorkflowTrigger: Sendable {
    /// What the trigger is for: the key its handler is registered under.
    var purpose: String { get }
    /// How messages name such triggers (`timer`, `signal wait`).
    static var noun: String { get }
}

extension DurableTimer: WorkflowTrigger {
    /// Timers are named `timer`.
    public static var noun: String { "timer" }
}

extension SignalWait: WorkflowTrigger {
    /// Signal waits are named `signal wait`.
    public static var noun: String { "signal wait" }
}
