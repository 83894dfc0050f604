/// The direction of a fault-bit transition.
public enum FaultEdge: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// The bit went from 0 to 1: the fault became active.
    case raised
    /// The bit went from 1 to 0: the fault is no longer active.
    case cleared
}
