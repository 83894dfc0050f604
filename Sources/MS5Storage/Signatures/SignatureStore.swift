import Foundation
import MS5Domain
import MS5Identity
import SQLKit

/// Electronic signatures: each binds signer, time and meaning to the hash of the record as it
/// is when signed, and goes to the audit ledger in the same transaction.
public struct SignatureStore: Sendable {
    /// Roles that may sign a record as approved.
    public static let approvers: Set<Role> = [.admin, .manager, .engineer, .supervisor, .quality]

    let database: Database
    let clock: @Sendable () -> Date

    /// Creates the store over `database`; `clock` tells the time (default: now, to the second).
    public init(database: Database, clock: (@Sendable () -> Date)? = nil) {
        self.database = database
        self.clock = clock ?? { RecordClock.now() }
    }

    /// Signs the checklist completion `id` as `signer` with `meaning`; the signer's password
    /// must have been checked just before.
    public func signChecklistCompletion(_ id: UUID, by signer: User, meaning: SignatureMeaning) async throws -> ElectronicSignature {
        try await sign(id, by: signer, meaning: meaning) { db in try await ChecklistStore.completion(id, on: db) }
    }

    /// The signatures of the record `recordId` of `type`, oldest first.
    public func signatures(of type: (some SignableRecord).Type, id recordId: UUID) async throws -> [ElectronicSignature] {
        try await database.read { db in
            try await db.select().column("*").from("e_signatures").where("record_type", .equal, SQLBind(type.signedRecordType))
                .where("record_id", .equal, SQLBind(recordId)).orderBy("signed_at").orderBy("id")
                .all(decoding: ElectronicSignature.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    /// Loads the record with `load` in the signing transaction, checks who may sign it with
    /// which meaning, and records the signature and its ledger entry.
    private func sign<Record: SignableRecord>(
        _ id: UUID, by signer: User, meaning: SignatureMeaning, load: @escaping @Sendable (any SQLDatabase) async throws -> Record?
    ) async throws -> ElectronicSignature {
        let now = clock()
        return try await database.transaction { db in
            guard let record = try await load(db) else { throw DomainError.notFound(Record.signedRecordType, id: id) }
            return try await Self.sign(record, by: signer, meaning: meaning, at: now, on: db)
        }
    }

    /// Signs `record` as it is now as `signer` with `meaning` at `now` on `db`, the transaction
    /// of the change being signed: checks who may sign it with which meaning, and records the
    /// signature (with `signatureId`, when the record refers to it) and its ledger entry.
    static func sign<Record: SignableRecord>(
        _ record: Record, signatureId: UUID = UUID(), by signer: User, meaning: SignatureMeaning, at now: Date, on db: any SQLDatabase
    ) async throws -> ElectronicSignature {
        try check(signer, may: meaning, record)
        let signature = ElectronicSignature(
            id: signatureId, recordType: Record.signedRecordType, recordId: record.id,
            recordHash: try CanonicalJSON.sha256(try AuditLedger.json(record)), userId: signer.id, username: signer.username,
            displayName: signer.displayName, meaning: meaning, signedAt: now)
        let taken = try await db.select().column("id").from("e_signatures").where("record_type", .equal, SQLBind(Record.signedRecordType))
            .where("record_id", .equal, SQLBind(record.id)).where("user_id", .equal, SQLBind(signer.id))
            .where("meaning", .equal, SQLBind(meaning.rawValue)).first()
        guard taken == nil else {
            throw DomainError(.conflict, "You signed this \(Record.signedRecordType) as \(meaning.rawValue) already.")
        }
        try await db.insert(into: "e_signatures").model(signature, keyEncodingStrategy: .convertToSnakeCase).run()
        try await AuditLedger.record(
            db, action: "sign", recordType: "electronic signature", recordId: signature.id.uuidString.lowercased(),
            before: ElectronicSignature?.none, after: signature, at: signature.signedAt)
        return signature
    }

    /// Refuses a signature whose meaning does not fit the signer: only the author signs as
    /// author; nobody reviews or approves their own record; only ``approvers`` approve.
    private static func check(_ signer: User, may meaning: SignatureMeaning, _ record: some SignableRecord) throws {
        let own = signer.username.lowercased() == record.author.lowercased()
        switch meaning {
        case .authored where !own:
            throw DomainError(.forbidden, "Only \(record.author), who made this record, can sign it as authored.")
        case .reviewed where own, .approved where own:
            throw DomainError(.forbidden, "Nobody \(meaning == .approved ? "approves" : "reviews") their own record: someone other than \(record.author) signs it as \(meaning.rawValue).")
        case .approved where !approvers.contains(signer.role):
            throw DomainError(.forbidden, "Your role (\(signer.role.rawValue)) may not approve; a supervisor, manager, engineer, quality lead or administrator does.")
        default:
            return
        }
    }
}
