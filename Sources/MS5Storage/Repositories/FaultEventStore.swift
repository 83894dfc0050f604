import Foundation
import MS5Domain
import SQLKit

/// Fault events of equipment: a row per raise, closed when the bit clears.
public struct FaultEventStore: Sendable {
    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Records the edges of one sample of an equipment's fault words, and their `machine.fault.v1`
    /// events in the outbox, in one transaction.
    public func record(_ events: [FaultEvent], equipmentId: UUID) async throws {
        guard !events.isEmpty else { return }
        try await database.transaction { db in
            try await KPIPartsStore.invalidate(db, equipmentIds: [equipmentId], at: events.flatMap { [$0.raisedAt, $0.at] })
            for event in events {
                switch event.edge {
                case .raised:
                    try await db.insert(into: "fault_events")
                        .columns("id", "equipment_id", "code", "text", "kind", "source", "start_ts", "end_ts", "first_out")
                        .values(SQLBind(UUID()), SQLBind(equipmentId), SQLBind(event.code), SQLBind(event.definition.text),
                                SQLBind(event.definition.kind.rawValue), SQLBind(event.definition.source.rawValue),
                                SQLBind(event.raisedAt), SQLBind(Date?.none), SQLBind(event.firstOut))
                        .run()
                case .cleared:
                    try await Self.close(db, equipmentId: equipmentId, code: event.code, at: event.at)
                }
            }
            let placement = try await EventPlacements.equipment(db, id: equipmentId)
            try await Outbox.append(db, try events.map { try CanonicalEvent.fault($0, equipmentId: equipmentId, placement: placement) })
        }
    }

    /// Closes every fault of an equipment still open, at `at`: when the process restarts or the
    /// connection to the PLC is lost, an open row would otherwise never end.
    public func closeOpen(equipmentId: UUID, at: Date) async throws {
        try await database.transaction { db in
            try await db.update("fault_events").set("end_ts", to: at)
                .where("equipment_id", .equal, equipmentId).where("end_ts", .is, SQLLiteral.null).run()
            try await KPIPartsStore.invalidate(db, equipmentIds: [equipmentId], at: [at])
        }
    }

    /// The faults of an equipment active now, oldest first.
    public func active(equipmentId: UUID) async throws -> [FaultRecord] {
        try await database.read { db in
            _ = try await EquipmentRepository.table.require(db, id: equipmentId)
            return try await Self.select(db, equipmentId: equipmentId).where("end_ts", .is, SQLLiteral.null).orderBy("start_ts")
                .all().map(Self.record)
        }
    }

    /// The faults of an equipment that were active at any time in [from, to), oldest first.
    public func events(equipmentId: UUID, from: Date, to: Date, limit: Int) async throws -> [FaultRecord] {
        try await database.read { db in
            _ = try await EquipmentRepository.table.require(db, id: equipmentId)
            return try await Self.select(db, equipmentId: equipmentId).where("start_ts", .lessThan, to)
                .where { $0.where("end_ts", .is, SQLLiteral.null).orWhere("end_ts", .greaterThan, from) }
                .orderBy("start_ts").limit(limit).all().map(Self.record)
        }
    }

    private static func close(_ db: any SQLDatabase, equipmentId: UUID, code: String, at: Date) async throws {
        try await db.update("fault_events").set("end_ts", to: at)
            .where("equipment_id", .equal, equipmentId).where("code", .equal, code).where("end_ts", .is, SQLLiteral.null).run()
    }

    private static func select(_ db: any SQLDatabase, equipmentId: UUID) -> SQLSelectBuilder {
        db.select().columns("code", "text", "kind", "source", "start_ts", "end_ts", "first_out").from("fault_events")
            .where("equipment_id", .equal, equipmentId)
    }

    private static func record(_ row: any SQLRow) throws -> FaultRecord {
        FaultRecord(
            code: try row.decode(column: "code", as: String.self), text: try row.decode(column: "text", as: String.self),
            kind: try row.decode(column: "kind", as: FaultKind.self), source: try row.decode(column: "source", as: FaultSource.self),
            start: try row.decode(column: "start_ts", as: Date.self), end: try row.decode(column: "end_ts", as: Date?.self),
            firstOut: try row.decode(column: "first_out", as: Bool.self))
    }
}
