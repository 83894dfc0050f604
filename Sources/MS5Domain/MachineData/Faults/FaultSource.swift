/// Where the cause of a fault-catalog entry lies relative to the equipment.
public enum FaultSource: String, ClosedSet, Equatable, Hashable {
    /// The equipment itself is the cause (PackML Held).
    case `internal`
    /// The equipment is starved by the machine before it (PackML Suspended).
    case upstream
    /// The equipment is blocked by the machine after it (PackML Suspended).
    case downstream
}
