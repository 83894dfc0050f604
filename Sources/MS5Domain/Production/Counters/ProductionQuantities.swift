import Foundation

/// Produced, good and rejected pieces, summed over counter increments.
public struct ProductionQuantities: Sendable, Equatable, Hashable, Codable {
    /// Pieces made (PQ).
    public var produced: Int
    /// Good pieces (GQ).
    public var good: Int
    /// Rejected pieces.
    public var rejects: Int

    /// Creates quantities.
    public init(produced: Int = 0, good: Int = 0, rejects: Int = 0) {
        self.produced = produced
        self.good = good
        self.rejects = rejects
    }

    /// The sum of the increments attributed to `span`: those stamped in
    /// `(span.start, span.end]`, since a reading counts pieces made before it.
    public init(increments: [CounterIncrement], attributedTo span: TimeSpan) {
        self.init()
        for increment in increments where span.containsEnding(at: increment.at) {
            produced += increment.producedQuantity
            good += increment.goodQuantity
            rejects += increment.rejectQuantity
        }
    }
}
