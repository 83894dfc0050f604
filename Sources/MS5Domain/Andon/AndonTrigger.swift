/// What raised an Andon call: a person, or one of the rules watching the machines.
public enum AndonTrigger: String, ClosedSet, Equatable, Hashable {
    /// Raised by someone on the floor.
    case person
    /// A fault stayed active longer than the rule allows.
    case fault
    /// The machine was starved or blocked (suspended) longer than the rule allows.
    case starvedBlocked
    /// The share of rejected pieces over a window went above the rule's limit.
    case rejectRate

    /// Whether a rule, rather than a person, raised the call.
    public var isRule: Bool { self != .person }
}
