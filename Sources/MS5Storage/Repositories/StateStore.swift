import Foundation
import MS5Domain
import SQLKit

/// Each equipment's state rules and its state timeline.
public struct StateStore: Sendable {
    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// The rules of an equipment, nil when none were set.
    public func rules(equipmentId: UUID) async throws -> StateRules? {
        try await database.read { db in
            _ = try await EquipmentRepository.table.require(db, id: equipmentId)
            return try await Self.rules(db, equipmentId: equipmentId)
        }
    }

    /// The rules of an equipment on `db`, nil when none were set.
    private static func rules(_ db: any SQLDatabase, equipmentId: UUID) async throws -> StateRules? {
        guard let text = try await db.select().column("rules").from("state_rules").where("equipment_id", .equal, equipmentId)
            .first(decodingColumn: "rules", as: String.self)
        else { return nil }
        return try JSONDecoder().decode(StateRules.self, from: Data(text.utf8))
    }

    /// Sets the rules of an equipment, and the change in the audit ledger.
    public func setRules(_ rules: StateRules, equipmentId: UUID) async throws {
        let text = String(decoding: try JSONEncoder().encode(rules), as: UTF8.self)
        try await database.transaction { db in
            _ = try await EquipmentRepository.table.require(db, id: equipmentId)
            let before = try await Self.rules(db, equipmentId: equipmentId)
            try await db.insert(into: "state_rules").columns("equipment_id", "rules", "updated_at")
                .values(SQLBind(equipmentId), SQLBind(text), SQLBind(RecordClock.now()))
                .onConflict(with: ["equipment_id"]) { $0.set(excludedValueOf: "rules").set(excludedValueOf: "updated_at") }
                .run()
            try await AuditLedger.record(
                db, action: "set", recordType: "state rules", recordId: equipmentId.uuidString.lowercased(), before: before, after: rules)
        }
    }

    /// Stores a change of the timeline: the closed interval gets its end, the opened one starts,
    /// and `machine.state.changed.v1` goes to the outbox.
    public func apply(_ change: StateChange, equipmentId: UUID) async throws {
        try await database.transaction { db in
            if let closed = change.closed, let end = closed.end {
                try await db.update("state_intervals").set("end_ts", to: end)
                    .where("equipment_id", .equal, equipmentId).where("start_ts", .equal, closed.start).run()
            }
            let opened = change.opened
            try await db.insert(into: "state_intervals").columns("equipment_id", "start_ts", "end_ts", "state", "mode", "source")
                .values(SQLBind(equipmentId), SQLBind(opened.start), SQLBind(Date?.none), SQLBind(opened.state.rawValue),
                        SQLBind(opened.mode.rawValue), SQLBind("derived"))
                .onConflict(with: ["equipment_id", "start_ts"]) { $0.set(excludedValueOf: "state").set(excludedValueOf: "mode") }
                .run()
            try await KPIPartsStore.invalidate(db, equipmentIds: [equipmentId], at: [opened.start] + (change.closed?.end.map { [$0] } ?? []))
            let placement = try await EventPlacements.equipment(db, id: equipmentId)
            try await Outbox.append(db, try CanonicalEvent.stateChanged(change, equipmentId: equipmentId, placement: placement))
        }
    }

    /// The interval still open for an equipment, to resume its timeline after a restart.
    public func openInterval(equipmentId: UUID) async throws -> StateIntervalRecord? {
        try await database.read { db in
            try await Self.select(db, equipmentId: equipmentId).where("end_ts", .is, SQLLiteral.null)
                .orderBy("start_ts", .descending).limit(1).first().map(Self.record)
        }
    }

    /// The intervals of an equipment overlapping [from, to), oldest first.
    public func intervals(equipmentId: UUID, from: Date, to: Date, limit: Int) async throws -> [StateIntervalRecord] {
        try await database.read { db in
            _ = try await EquipmentRepository.table.require(db, id: equipmentId)
            return try await Self.select(db, equipmentId: equipmentId).where("start_ts", .lessThan, to)
                .where { $0.where("end_ts", .is, SQLLiteral.null).orWhere("end_ts", .greaterThan, from) }
                .orderBy("start_ts").limit(limit).all().map(Self.record)
        }
    }

    private static func select(_ db: any SQLDatabase, equipmentId: UUID) -> SQLSelectBuilder {
        db.select().columns("state", "mode", "start_ts", "end_ts").from("state_intervals").where("equipment_id", .equal, equipmentId)
    }

    private static func record(_ row: any SQLRow) throws -> StateIntervalRecord {
        StateIntervalRecord(
            state: try row.decode(column: "state", as: MachineState.self), mode: try row.decode(column: "mode", as: MachineMode.self),
            start: try row.decode(column: "start_ts", as: Date.self), end: try row.decode(column: "end_ts", as: Date?.self))
    }
}
