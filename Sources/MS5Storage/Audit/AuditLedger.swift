import Foundation
import MS5Identity
import MS5JSON
import SQLKit

/// The append-only ledger every change to a record goes to, in the transaction of the change:
/// who (``AuditContext``), when, what, the record before and after, and why. Each entry is
/// chained to the one before by `record_hash = SHA-256(canonical JSON of the entry + prev_hash)`
/// (``AuditChain``), so that editing, inserting or deleting an entry breaks the chain.
public enum AuditLedger {
    /// Appends an entry for a change to the record `recordType`/`recordId` on `db`, which must be
    /// the change's own transaction. Appends are serialised through the `audit_head` row.
    static func record(
        _ db: any SQLDatabase, action: String, recordType: String, recordId: String,
        before: (some Encodable & Sendable)?, after: (some Encodable & Sendable)?, at date: Date = Date()
    ) async throws {
        guard let head = try await db.raw("UPDATE audit_head SET sequence = sequence + 1 WHERE id = 1 RETURNING sequence, hash").first() else {
            throw StorageError(.corrupt, "The audit ledger has no head row (audit_head); the database was changed by hand.")
        }
        let context = AuditContext.current
        let entry = AuditChain.seal(AuditEntry(
            sequence: try head.decode(column: "sequence", as: Int64.self), occurredAt: AuditEntry.timestamp(date), actor: context.actor,
            action: action, recordType: recordType, recordId: recordId, before: try before.map(json), after: try after.map(json),
            reason: context.reason), after: try head.decode(column: "hash", as: String.self))
        try await db.insert(into: "audit_ledger")
            .columns("sequence", "occurred_at", "actor", "action", "record_type", "record_id", "before_json", "after_json", "reason",
                     "prev_hash", "record_hash")
            .values(SQLBind(entry.sequence), SQLBind(entry.occurredAt), SQLBind(entry.actor), SQLBind(entry.action), SQLBind(entry.recordType),
                    SQLBind(entry.recordId), SQLBind(try entry.before.map(CanonicalJSON.string)), SQLBind(try entry.after.map(CanonicalJSON.string)),
                    SQLBind(entry.reason), SQLBind(entry.prevHash), SQLBind(entry.recordHash))
            .run()
        try await db.update("audit_head").set("hash", to: SQLBind(entry.recordHash)).where("id", .equal, SQLBind(1)).run()
    }

    /// Entries after `sequence`, in order, at most `limit` of them.
    public static func entries(_ database: Database, after sequence: Int64, limit: Int) async throws -> [AuditEntry] {
        try await database.read { db in
            try await db.select().column("*").from("audit_ledger").where("sequence", .greaterThan, SQLBind(sequence))
                .orderBy("sequence").limit(limit).all().map(entry)
        }
    }

    /// The entries about one record, newest first.
    public static func history(_ database: Database, recordType: String, recordId: String, limit: Int = 200) async throws -> [AuditEntry] {
        try await database.read { db in
            try await db.select().column("*").from("audit_ledger").where("record_type", .equal, SQLBind(recordType))
                .where("record_id", .equal, SQLBind(recordId)).orderBy("sequence", .descending).limit(limit).all().map(entry)
        }
    }

    /// The head the database holds: the last sequence appended and its hash.
    public static func head(_ database: Database) async throws -> AuditChainHead {
        try await database.read { db in
            guard let row = try await db.select().columns("sequence", "hash").from("audit_head").where("id", .equal, SQLBind(1)).first() else {
                throw StorageError(.corrupt, "The audit ledger has no head row (audit_head); the database was changed by hand.")
            }
            return AuditChainHead(sequence: try row.decode(column: "sequence", as: Int64.self), hash: try row.decode(column: "hash", as: String.self))
        }
    }

    /// The record as the ledger holds it: JSON with dates as ``AuditEntry/timestamp(_:)`` text.
    static func json(_ value: some Encodable) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(AuditEntry.timestamp(date))
        }
        return try JSONDecoder().decode(JSONValue.self, from: try encoder.encode(value))
    }

    private static func entry(_ row: any SQLRow) throws -> AuditEntry {
        func parsed(_ column: String) throws -> JSONValue? {
            try row.decode(column: column, as: String?.self).map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        }
        return AuditEntry(
            sequence: try row.decode(column: "sequence", as: Int64.self), occurredAt: try row.decode(column: "occurred_at", as: String.self),
            actor: try row.decode(column: "actor", as: String.self), action: try row.decode(column: "action", as: String.self),
            recordType: try row.decode(column: "record_type", as: String.self), recordId: try row.decode(column: "record_id", as: String.self),
            before: try parsed("before_json"), after: try parsed("after_json"), reason: try row.decode(column: "reason", as: String?.self),
            prevHash: try row.decode(column: "prev_hash", as: String.self), recordHash: try row.decode(column: "record_hash", as: String.self))
    }
}
