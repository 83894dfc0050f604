import Foundation
import MS5JSON

/// One row of the hash-chained audit ledger.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// Position in the ledger; consecutive entries differ by exactly one.
    public var sequence: Int64
    /// When it happened, ISO 8601 in UTC with milliseconds, e.g. `2025-03-01T06:00:00.250Z`.
    public var occurredAt: String
    /// The user id that acted, or `system`.
    public var actor: String
    /// What was done: `create`, `update`, `delete`, `sign`, …
    public var action: String
    /// The kind of record acted on.
    public var recordType: String
    /// The id of the record acted on.
    public var recordId: String
    /// The record before the action (nil for `create`).
    public var before: JSONValue?
    /// The record after the action (nil for `delete`).
    public var after: JSONValue?
    /// Why, when the actor had to say (e.g. a correction after signing).
    public var reason: String?
    /// ``recordHash`` of the previous entry; ``AuditChain/genesisHash`` for the first one.
    public var prevHash: String
    /// ``AuditChain/hash(of:previous:)`` of this entry, lower-case hex.
    public var recordHash: String

    /// Makes an entry from all its fields; use ``AuditChain/seal(_:after:)`` to fill in the hashes.
    public init(
        sequence: Int64, occurredAt: String, actor: String, action: String, recordType: String, recordId: String,
        before: JSONValue? = nil, after: JSONValue? = nil, reason: String? = nil,
        prevHash: String = "", recordHash: String = ""
    ) {
        self.sequence = sequence
        self.occurredAt = occurredAt
        self.actor = actor
        self.action = action
        self.recordType = recordType
        self.recordId = recordId
        self.before = before
        self.after = after
        self.reason = reason
        self.prevHash = prevHash
        self.recordHash = recordHash
    }

    /// The ``occurredAt`` text of a date: ISO 8601, UTC, milliseconds.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// The hashed fields as a JSON object: every field but `recordHash`; nil optionals are left out.
    var hashedFields: JSONValue {
        var fields: [String: JSONValue] = [
            "sequence": .number(Double(sequence)),
            "occurredAt": .string(occurredAt),
            "actor": .string(actor),
            "action": .string(action),
            "recordType": .string(recordType),
            "recordId": .string(recordId),
            "prevHash": .string(prevHash),
        ]
        if let before { fields["before"] = before }
        if let after { fields["after"] = after }
        if let reason { fields["reason"] = .string(reason) }
        return .object(fields)
    }
}
