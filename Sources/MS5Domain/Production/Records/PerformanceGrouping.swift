/// How a range's KPIs are broken down into periods.
public enum PerformanceGrouping: String, ClosedSet, Equatable, Hashable {
    /// One period per shift instance.
    case shift
    /// One period per local calendar day of the site.
    case day
    /// One period per ISO week (Monday to Monday, local).
    case week
    /// One period per order run.
    case order
}
