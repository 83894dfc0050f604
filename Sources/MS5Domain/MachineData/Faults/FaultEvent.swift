import Foundation

/// A raise or clear of one fault-word bit, produced by ``FaultEdgeDetector``.
public struct FaultEvent: Sendable, Equatable, Hashable, Codable {
    /// The fault code (generated `"W<word>.B<bit>"` for uncatalogued bits).
    public var code: String
    /// The catalog entry, or the synthesized one for uncatalogued bits.
    public var definition: FaultDefinition
    /// Raised or cleared.
    public var edge: FaultEdge
    /// Timestamp of the sample in which the edge was seen.
    public var at: Date
    /// When the fault was raised; equal to ``at`` for a raise.
    public var raisedAt: Date
    /// `at - raisedAt` in seconds on a clear; `nil` on a raise.
    public var duration: TimeInterval?
    /// True when the fault was the first-out of its cascade (same value on raise and clear).
    public var firstOut: Bool
    /// True when the bit has no catalog entry.
    public var isUncatalogued: Bool

    /// Creates an event; `code` is taken from the definition.
    public init(
        definition: FaultDefinition,
        edge: FaultEdge,
        at: Date,
        raisedAt: Date,
        duration: TimeInterval?,
        firstOut: Bool,
        isUncatalogued: Bool
    ) {
        self.code = definition.code
        self.definition = definition
        self.edge = edge
        self.at = at
        self.raisedAt = raisedAt
        self.duration = duration
        self.firstOut = firstOut
        self.isUncatalogued = isUncatalogued
    }

    /// The (word, bit) position of the fault.
    public var address: FaultAddress { definition.address }
}
