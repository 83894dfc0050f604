import Foundation
import MS5Domain
import MS5Identity
import SQLKit

/// What operators did to stops: the reason they chose and their comment, by equipment and the
/// stop's start, and where they split a stop in two.
public struct StopEditStore: Sendable {
    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Records the coding of the stop of `equipmentId` starting at `stopStart`, replacing an
    /// earlier one (a reclassification), and the change in the audit ledger.
    public func code(equipmentId: UUID, stopStart: Date, reasonCode: String, comment: String?, by user: String, at: Date) async throws {
        let coding = StopCoding(reasonCode: reasonCode, comment: comment, codedBy: user, codedAt: at)
        try await database.transaction { db in
            let before = try await Self.coding(db, equipmentId: equipmentId, stopStart: stopStart)
            try await db.insert(into: "stop_codings")
                .columns("equipment_id", "stop_start", "reason_code", "comment", "coded_by", "coded_at")
                .values(SQLBind(equipmentId), SQLBind(stopStart), SQLBind(reasonCode), SQLBind(comment), SQLBind(user), SQLBind(at))
                .onConflict(with: ["equipment_id", "stop_start"]) {
                    $0.set(excludedValueOf: "reason_code").set(excludedValueOf: "comment").set(excludedValueOf: "coded_by").set(excludedValueOf: "coded_at")
                }
                .run()
            try await KPIPartsStore.invalidate(db, equipmentIds: [equipmentId], at: [stopStart])
            try await AuditLedger.record(
                db, action: "code", recordType: "stop coding", recordId: Self.recordId(equipmentId, stopStart), before: before, after: coding)
        }
    }

    /// The coding of the stop of `equipmentId` starting at `stopStart`, nil when it is not coded.
    private static func coding(_ db: any SQLDatabase, equipmentId: UUID, stopStart: Date) async throws -> StopCoding? {
        try await db.select().columns("reason_code", "comment", "coded_by", "coded_at").from("stop_codings")
            .where("equipment_id", .equal, equipmentId).where("stop_start", .equal, stopStart)
            .first(decoding: StopCoding.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// How the ledger names an edit of an equipment's stops at `time`: `equipment-id@time`.
    static func recordId(_ equipmentId: UUID, _ time: Date) -> String {
        "\(equipmentId.uuidString.lowercased())@\(AuditEntry.timestamp(time))"
    }

    /// The codings of an equipment's stops starting in `span`, by stop start.
    static func codings(_ db: any SQLDatabase, equipmentId: UUID, in span: TimeSpan) async throws -> [Date: StopCoding] {
        let rows = try await db.select().columns("stop_start", "reason_code", "comment", "coded_by", "coded_at").from("stop_codings")
            .where("equipment_id", .equal, equipmentId)
            .where("stop_start", .greaterThanOrEqual, span.start).where("stop_start", .lessThan, span.end)
            .all()
        var codings: [Date: StopCoding] = [:]
        for row in rows {
            codings[try row.decode(column: "stop_start", as: Date.self)] = StopCoding(
                reasonCode: try row.decode(column: "reason_code", as: String.self),
                comment: try row.decode(column: "comment", as: String?.self),
                codedBy: try row.decode(column: "coded_by", as: String.self),
                codedAt: try row.decode(column: "coded_at", as: Date.self))
        }
        return codings
    }

    /// Records that stops of `equipmentId` are split at `at`, and the split in the audit ledger
    /// unless the stops were already split there.
    public func split(equipmentId: UUID, at: Date, by user: String, now: Date) async throws {
        try await database.transaction { db in
            let inserted = try await db.insert(into: "stop_splits").columns("equipment_id", "split_at", "split_by", "created_at")
                .values(SQLBind(equipmentId), SQLBind(at), SQLBind(user), SQLBind(now))
                .ignoringConflicts(with: ["equipment_id", "split_at"])
                .returning("split_at")
                .all()
            guard !inserted.isEmpty else { return }
            try await KPIPartsStore.invalidate(db, equipmentIds: [equipmentId], at: [at])
            try await AuditLedger.record(
                db, action: "split", recordType: "stop split", recordId: Self.recordId(equipmentId, at), before: StopSplit?.none,
                after: StopSplit(equipmentId: equipmentId, splitAt: at, splitBy: user, createdAt: now))
        }
    }

    /// The split times of an equipment's stops in `span`, in order.
    static func splits(_ db: any SQLDatabase, equipmentId: UUID, in span: TimeSpan) async throws -> [Date] {
        try await db.select().column("split_at").from("stop_splits")
            .where("equipment_id", .equal, equipmentId)
            .where("split_at", .greaterThan, span.start).where("split_at", .lessThan, span.end)
            .orderBy("split_at")
            .all(decodingColumn: "split_at", as: Date.self)
    }
}
