import Foundation

/// A batch the server rejected as invalid, kept aside in the queue file with the server's answer so
/// that an operator can inspect, fix and replay it.
public struct DeadLetter: Sendable, Hashable {
    /// The batch's sequence number.
    public let sequence: Int64
    /// Why it was rejected: the HTTP status and the server's problem document.
    public let reason: String
    /// When it was moved to the dead-letter table.
    public let deadLetteredAt: Date
    /// The batch's samples, in order.
    public let samples: [EdgeSample]

    /// Creates a dead-letter value.
    public init(sequence: Int64, reason: String, deadLetteredAt: Date, samples: [EdgeSample]) {
        self.sequence = sequence
        self.reason = reason
        self.deadLetteredAt = deadLetteredAt
        self.samples = samples
    }
}
