/// The first thing wrong found in an audit chain.
public enum AuditChainProblem: Sendable, Hashable {
    /// The entry's stored hash differs from the hash of its fields: it was edited.
    case edited(sequence: Int64)
    /// The entry's `prevHash` is not the previous entry's hash: an entry was inserted or
    /// deleted before it.
    case linkBroken(sequence: Int64)
    /// The sequence numbers skip (or repeat) between two linked entries.
    case gap(after: Int64, next: Int64)
    /// The entry's hash differs from an anchor logged earlier: the chain was rewritten.
    case anchorMismatch(sequence: Int64)
    /// The chain ends before an anchored sequence: its tail was cut off.
    case missingAnchoredEntry(sequence: Int64)
}
