import Foundation

/// A fault-word bit that is currently set, as listed by ``FaultEdgeDetector/active``.
public struct ActiveFault: Sendable, Equatable, Hashable, Codable {
    /// The fault code (generated `"W<word>.B<bit>"` for uncatalogued bits).
    public var code: String
    /// The catalog entry, or the synthesized one for uncatalogued bits.
    public var definition: FaultDefinition
    /// When the bit was seen rising.
    public var since: Date
    /// True when this fault was the first-out of its cascade.
    public var firstOut: Bool
    /// True when the bit has no catalog entry.
    public var isUncatalogued: Bool

    /// Creates an active-fault entry; `code` is taken from the definition.
    public init(definition: FaultDefinition, since: Date, firstOut: Bool, isUncatalogued: Bool = false) {
        self.code = definition.code
        self.definition = definition
        self.since = since
        self.firstOut = firstOut
        self.isUncatalogued = isUncatalogued
    }

    /// The (word, bit) position of the fault.
    public var address: FaultAddress { definition.address }
}
