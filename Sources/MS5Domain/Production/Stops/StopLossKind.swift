/// Which of the six big losses a (non-minor) stop of a reason category counts as.
///
/// Stops shorter than the minor-stop threshold count as minor stops whatever
/// their category.
public enum StopLossKind: String, ClosedSet, Equatable, Hashable {
    /// Equipment failure: counts for MTBF and MTTR when unplanned.
    case breakdown
    /// Setup, changeover and adjustment (ISO 22400 actual setup time).
    case setupAndAdjustment
    /// Any other stop (material shortage, no operator, starved, blocked …).
    case otherStop
}
