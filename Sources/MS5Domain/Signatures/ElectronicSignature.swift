import Foundation

/// A sign-off of one record, given by re-entering the password (and the second factor): binds
/// who signed, when, with which meaning, to the record as it was by the record's hash.
public struct ElectronicSignature: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    /// The kind of record signed, as the audit ledger names it (`checklist completion`).
    public let recordType: String
    public let recordId: UUID
    /// SHA-256 (hex) of the canonical JSON of the record when it was signed: the same JSON
    /// the audit ledger holds as the record's `after`, so anyone can recompute it.
    public let recordHash: String
    public let userId: UUID
    public let username: String
    /// The signer's name as printed with the signature.
    public let displayName: String
    public let meaning: SignatureMeaning
    public let signedAt: Date

    /// Creates a signature record.
    public init(
        id: UUID, recordType: String, recordId: UUID, recordHash: String, userId: UUID, username: String, displayName: String,
        meaning: SignatureMeaning, signedAt: Date
    ) {
        self.id = id
        self.recordType = recordType
        self.recordId = recordId
        self.recordHash = recordHash
        self.userId = userId
        self.username = username
        self.displayName = displayName
        self.meaning = meaning
        self.signedAt = signedAt
    }
}
