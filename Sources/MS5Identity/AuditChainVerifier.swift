/// Verifies an audit chain page by page, carrying the last verified head between pages.
///
/// For each entry, in this order: `prevHash` must equal the previous entry's `recordHash`
/// (``AuditChainProblem/linkBroken(sequence:)``), its sequence must be the previous one plus one
/// (``AuditChainProblem/gap(after:next:)``), its `recordHash` must equal the recomputed hash
/// (``AuditChainProblem/edited(sequence:)``), and it must match any anchor at its sequence
/// (``AuditChainProblem/anchorMismatch(sequence:)``).
public struct AuditChainVerifier: Sendable {
    /// The last entry verified so far (or the starting point); nil before the first entry.
    public private(set) var head: AuditChainHead?
    private let anchors: [Int64: String]

    /// Starts after `head` (nil: at the genesis of the chain) with earlier logged anchors.
    public init(startingAfter head: AuditChainHead? = nil, anchors: [AuditChainHead] = []) {
        self.head = head
        self.anchors = Dictionary(anchors.map { ($0.sequence, $0.hash) }, uniquingKeysWith: { first, _ in first })
    }

    /// Verifies the next entries in sequence order; returns the first problem, or nil when all are
    /// sound (then ``head`` has moved to the last of them).
    public mutating func verify(_ entries: some Sequence<AuditEntry>) -> AuditChainProblem? {
        for entry in entries {
            if let problem = problem(with: entry) { return problem }
            head = AuditChainHead(sequence: entry.sequence, hash: entry.recordHash)
        }
        return nil
    }

    /// After the last page: reports an anchor beyond the last verified entry (a cut-off tail).
    public func finish() -> AuditChainProblem? {
        let lastSequence = head?.sequence ?? Int64.min
        return anchors.keys.filter { $0 > lastSequence }.min().map { .missingAnchoredEntry(sequence: $0) }
    }

    private func problem(with entry: AuditEntry) -> AuditChainProblem? {
        let expectedPrevious = head?.hash ?? AuditChain.genesisHash
        guard entry.prevHash == expectedPrevious else { return .linkBroken(sequence: entry.sequence) }
        if let head, entry.sequence != head.sequence + 1 {
            return .gap(after: head.sequence, next: entry.sequence)
        }
        guard AuditChain.hash(of: entry, previous: entry.prevHash) == entry.recordHash else {
            return .edited(sequence: entry.sequence)
        }
        if let anchored = anchors[entry.sequence], anchored != entry.recordHash {
            return .anchorMismatch(sequence: entry.sequence)
        }
        return nil
    }
}
