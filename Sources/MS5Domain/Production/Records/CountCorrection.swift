import Foundation

/// A manual correction of an equipment's counts, recorded with its reason: pieces the counters
/// missed or counted wrongly. Good and reject are signed: −5 good removes five good pieces.
public struct CountCorrection: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    public var equipmentId: UUID
    /// When the corrected pieces were made; they count in the order and shift running then.
    public var at: Date
    public var good: Int
    public var reject: Int
    public var reason: String
    public var createdBy: String
    public let createdAt: Date

    /// Creates a correction record.
    public init(id: UUID, equipmentId: UUID, at: Date, good: Int, reject: Int, reason: String, createdBy: String, createdAt: Date) {
        self.id = id
        self.equipmentId = equipmentId
        self.at = at
        self.good = good
        self.reject = reject
        self.reason = reason
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// The correction as a counter increment.
    public var increment: CounterIncrement { CounterIncrement(at: at, good: good, reject: reject) }
}

/// What a client sends to correct an equipment's counts.
public struct CountCorrectionInput: Codable, Sendable, Equatable {
    public var at: Date
    public var good: Int
    public var reject: Int
    public var reason: String

    /// Creates the input.
    public init(at: Date, good: Int, reject: Int, reason: String) {
        self.at = at
        self.good = good
        self.reject = reject
        self.reason = reason
    }

    /// Refuses the input with every field at fault: something must change, and the reason is required.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.check(good != 0 || reject != 0, "good", "good or reject must change by at least one piece")
        v.check((-1_000_000...1_000_000).contains(good), "good", "must be from -1000000 to 1000000")
        v.check((-1_000_000...1_000_000).contains(reject), "reject", "must be from -1000000 to 1000000")
        v.text(reason, "reason", maxLength: 200)
        try v.finish()
    }
}
