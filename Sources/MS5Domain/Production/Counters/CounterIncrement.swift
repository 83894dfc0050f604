import Foundation

/// The pieces counted between two readings, stamped with the later reading's time.
///
/// A channel is `nil` when it had no previous value to compare with. The
/// quantities combine the channels: produced is the total counter, or good +
/// reject without one; rejects are the reject counter, or total − good without
/// one; good is produced − rejects.
public struct CounterIncrement: Sendable, Equatable, Hashable, Codable {
    /// Time of the reading that closed the increment; the pieces were made before it.
    public var at: Date
    /// Increase of the good counter.
    public var good: Int?
    /// Increase of the total counter.
    public var total: Int?
    /// Increase of the reject counter.
    public var reject: Int?

    /// Creates an increment.
    public init(at: Date, good: Int? = nil, total: Int? = nil, reject: Int? = nil) {
        self.at = at
        self.good = good
        self.total = total
        self.reject = reject
    }

    /// Pieces made (ISO 22400 produced quantity, PQ).
    public var producedQuantity: Int { total ?? (good ?? 0) + (reject ?? 0) }

    /// Pieces rejected.
    public var rejectQuantity: Int {
        if let reject { return reject }
        if let total, let good { return max(0, total - good) }
        return 0
    }

    /// Good pieces (ISO 22400 good quantity, GQ): the good count when one was given (a good
    /// counter or a manual correction, which may be negative), otherwise produced − rejects,
    /// never below 0.
    public var goodQuantity: Int {
        if total == nil, let good { return good }
        return max(0, producedQuantity - rejectQuantity)
    }
}
