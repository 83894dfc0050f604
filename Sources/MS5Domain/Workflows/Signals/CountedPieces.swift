/// Which pieces a count signal counts, as the production reports count them from an
/// equipment's counters (rollovers and PLC resets handled).
public enum CountedPieces: String, ClosedSet, Hashable {
    /// Every piece produced, good or rejected.
    case produced
    /// The rejected pieces.
    case rejected
}
