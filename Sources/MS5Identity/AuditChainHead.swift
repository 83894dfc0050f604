/// A point of the audit chain: an entry's sequence and its record hash.
///
/// Used to resume verification after a page, and as an anchor: a head logged or published
/// elsewhere earlier, which a rewritten chain cannot match.
public struct AuditChainHead: Sendable, Hashable, Codable {
    /// The entry's sequence number.
    public var sequence: Int64
    /// The entry's record hash, lower-case hex.
    public var hash: String

    /// Makes a head.
    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }
}
