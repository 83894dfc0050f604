import MS5Identity

/// What walking the audit ledger found.
public struct AuditVerification: Sendable, Equatable {
    /// Entries checked before the first problem (or all of them).
    public var entriesChecked: Int
    /// The last sound entry.
    public var head: AuditChainHead?
    /// The first problem, nil when the chain is sound.
    public var problem: Problem?

    /// What is wrong, in words an auditor can act on.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// A problem of the chain itself (an entry edited, inserted or deleted; an anchor missed).
        case chain(AuditChainProblem)
        /// The ledger's last entry is not the head MS5 keeps: entries were deleted from its end,
        /// or added after it without MS5.
        case headMismatch(lastEntry: Int64, head: Int64)

        public var description: String {
            switch self {
            case .chain(.edited(let sequence)):
                "entry #\(sequence) was edited: its hash does not match its fields"
            case .chain(.linkBroken(let sequence)):
                "entry #\(sequence) does not follow the entry before it: an entry was inserted or deleted just before #\(sequence)"
            case .chain(.gap(let after, let next)):
                "the entries jump from #\(after) to #\(next): entries between them were deleted or renumbered"
            case .chain(.anchorMismatch(let sequence)):
                "entry #\(sequence) differs from the chain head logged earlier: the chain was rewritten from there on"
            case .chain(.missingAnchoredEntry(let sequence)):
                "the ledger ends before entry #\(sequence), which a logged chain head names: its tail was deleted"
            case .headMismatch(let lastEntry, let head) where lastEntry < head:
                "the ledger ends at #\(lastEntry) but MS5 appended up to #\(head): the last entries were deleted"
            case .headMismatch(let lastEntry, let head):
                "the ledger's last entry #\(lastEntry) is not the last one MS5 appended (#\(head)): entries were added or changed without MS5"
            }
        }
    }

    /// Walks the whole ledger of `database` page by page against `anchors` (heads logged earlier),
    /// reporting progress after each page.
    public static func run(
        _ database: Database, anchors: [AuditChainHead] = [], pageSize: Int = 5000, progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> AuditVerification {
        var verifier = AuditChainVerifier(anchors: anchors)
        var checked = 0
        var after: Int64 = Int64.min
        while true {
            let page = try await AuditLedger.entries(database, after: after, limit: pageSize)
            if page.isEmpty { break }
            if let problem = verifier.verify(page) {
                let sound = verifier.head.map { head in page.filter { $0.sequence <= head.sequence }.count } ?? 0
                return AuditVerification(entriesChecked: checked + sound, head: verifier.head, problem: .chain(problem))
            }
            checked += page.count
            after = page.last?.sequence ?? after
            progress(checked)
        }
        if let problem = verifier.finish() {
            return AuditVerification(entriesChecked: checked, head: verifier.head, problem: .chain(problem))
        }
        let kept = try await AuditLedger.head(database)
        let last = verifier.head ?? AuditChainHead(sequence: 0, hash: AuditChain.genesisHash)
        if kept != last {
            return AuditVerification(entriesChecked: checked, head: verifier.head, problem: .headMismatch(lastEntry: last.sequence, head: kept.sequence))
        }
        return AuditVerification(entriesChecked: checked, head: verifier.head, problem: nil)
    }
}
