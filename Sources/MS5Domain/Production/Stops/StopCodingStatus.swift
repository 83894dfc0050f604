/// How far a stop has been coded.
public enum StopCodingStatus: String, ClosedSet, Equatable, Hashable {
    /// No reason, not even a proposal.
    case uncoded
    /// A reason was proposed (from the first-out fault) but not confirmed.
    case proposed
    /// An operator confirmed or chose the reason.
    case confirmed
}
