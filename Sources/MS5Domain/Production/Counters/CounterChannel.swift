/// One of the production counters a PLC may provide.
public enum CounterChannel: String, ClosedSet, Equatable, Hashable {
    /// Good pieces.
    case good
    /// All pieces made (good and rejected).
    case total
    /// Rejected pieces.
    case reject
}
