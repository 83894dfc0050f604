import Foundation
import MS5JSON

/// The hash chain of the audit ledger.
///
/// The hash of an entry is the lower-case hex SHA-256 of these bytes, in order:
/// 1. the RFC 8785 canonical JSON (``CanonicalJSON``), UTF-8, of an object holding every field
///    of the entry except `recordHash`: `action`, `actor`, `after` (if not nil), `before`
///    (if not nil), `occurredAt`, `prevHash`, `reason` (if not nil), `recordId`, `recordType`,
///    `sequence` (a JSON number; exact up to 2^53);
/// 2. immediately followed by the 64 ASCII characters of the previous entry's hash
///    (``genesisHash``, 64 `0`s, for the first entry).
public enum AuditChain {
    /// The `prevHash` of the first entry: 64 zeros.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The record hash of `entry` chained to `previous` (see the type's documentation for the
    /// exact bytes). Its `before`/`after` values must hold finite numbers only.
    public static func hash(of entry: AuditEntry, previous: String) -> String {
        var bytes = CanonicalJSON.encodeFinite(entry.hashedFields)
        bytes.append(contentsOf: previous.utf8)
        return HexEncoding.sha256(bytes)
    }

    /// Returns `entry` with `prevHash` set to `previousHash` and `recordHash` computed: the row to
    /// append after the entry whose hash is `previousHash` (``genesisHash`` for the first).
    public static func seal(_ entry: AuditEntry, after previousHash: String) -> AuditEntry {
        var sealed = entry
        sealed.prevHash = previousHash
        sealed.recordHash = hash(of: sealed, previous: previousHash)
        return sealed
    }

    /// Verifies a whole chain (or its part after `startingAfter`) against earlier anchors and
    /// returns the first problem, or nil. For paging, use ``AuditChainVerifier`` directly.
    public static func verify(
        _ entries: some Sequence<AuditEntry>, startingAfter: AuditChainHead? = nil, anchors: [AuditChainHead] = []
    ) -> AuditChainProblem? {
        var verifier = AuditChainVerifier(startingAfter: startingAfter, anchors: anchors)
        return verifier.verify(entries) ?? verifier.finish()
    }
}
