import MS5Domain
/// Ground truth: pieces a machine produced since the simulation start, never wrapped.
public struct ProductionTotals: Sendable, Hashable, Codable {
    /// All pieces (for the bagger: good + reject).
    public var total: Int
    /// Good pieces (equal to ``total`` for machines without a reject counter).
    public var good: Int
    /// Rejected pieces (always 0 for the slicer and the basket loader).
    public var reject: Int

    /// Creates totals.
    public init(total: Int, good: Int, reject: Int) {
        self.total = total
        self.good = good
        self.reject = reject
    }
}
