/// The top level of the reason tree: whether a stop was planned.
public enum StopPlanning: String, ClosedSet, Equatable, Hashable {
    /// Planned inside production time, e.g. a changeover.
    case planned
    /// Not planned: failures, shortages, minor faults.
    case unplanned
}
