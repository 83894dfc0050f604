import Foundation
import MS5Domain
import SQLKit

/// Machines of a line.
public struct EquipmentRepository: Sendable {
    static let table = RecordTable<Equipment>(name: "equipment", noun: "equipment", sortColumn: "code")
    static let deleteGuard = DeleteGuard(noun: "equipment", dependents: [
        // Samples are reached through metrics, whose deletion their samples already refuse.
        .init(table: "metrics", column: "equipment_id", what: "metric(s)"),
        .init(table: "state_intervals", column: "equipment_id", what: "state interval(s)"),
        .init(table: "equipment_events", column: "equipment_id", what: "event(s)"),
        .init(table: "plc_connections", column: "equipment_id", what: "PLC connection"),
    ])

    let database: Database

    /// Creates the repository over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// One page of equipment, filtered by site and line when given, ordered by code.
    public func list(_ page: PageRequest, siteId: UUID? = nil, lineId: UUID? = nil) async throws -> Page<Equipment> {
        let filters = [siteId.map { ("site_id", $0) }, lineId.map { ("line_id", $0) }].compactMap { $0 }
        return try await Self.table.list(on: database, page, filters: filters)
    }

    /// The equipment with `id`.
    /// The line of every equipment, for routing its events.
    public func lineIds() async throws -> [UUID: UUID] {
        try await database.read { db in
            var lines: [UUID: UUID] = [:]
            for row in try await db.select().columns("id", "line_id").from("equipment").all() {
                lines[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "line_id", as: UUID.self)
            }
            return lines
        }
    }

    public func get(_ id: UUID) async throws -> Equipment {
        try await Self.table.get(on: database, id: id)
    }

    /// Creates equipment on an existing line; its code must be unused in the line's site.
    public func create(_ input: EquipmentInput) async throws -> Equipment {
        try input.validate()
        return try await database.transaction { db in
            let line = try await ParentCheck.require(LineRepository.table, db, id: input.lineId, field: "lineId")
            try await Self.requireFreeCode(db, input.code, siteId: line.siteId, excluding: nil)
            let now = RecordClock.now()
            let equipment = Equipment(
                id: UUID(), siteId: line.siteId, lineId: line.id, code: input.code, name: input.name, type: input.type,
                criticality: input.criticality, description: input.description, owningTeam: input.owningTeam,
                createdAt: now, updatedAt: now)
            try await Self.table.insert(db, equipment)
            return equipment
        }
    }

    /// Replaces the equipment's fields; it may move to another line of the same site.
    public func replace(_ id: UUID, with input: EquipmentInput) async throws -> Equipment {
        try input.validate()
        return try await database.transaction { db in
            var equipment = try await Self.table.require(db, id: id)
            let line = try await ParentCheck.require(LineRepository.table, db, id: input.lineId, field: "lineId")
            guard line.siteId == equipment.siteId else {
                throw DomainError.invalid([FieldViolation(field: "/lineId", reason: "must be a line of the equipment's own site")])
            }
            try await Self.requireFreeCode(db, input.code, siteId: equipment.siteId, excluding: id)
            equipment.lineId = line.id
            equipment.code = input.code
            equipment.name = input.name
            equipment.type = input.type
            equipment.criticality = input.criticality
            equipment.description = input.description
            equipment.owningTeam = input.owningTeam
            equipment.updatedAt = RecordClock.now()
            try await Self.table.update(db, equipment)
            return equipment
        }
    }

    /// Deletes the equipment, refused while it has any history.
    public func delete(_ id: UUID) async throws {
        try await Self.table.delete(on: database, id: id, guardedBy: Self.deleteGuard)
    }

    private static func requireFreeCode(_ db: any SQLDatabase, _ code: String, siteId: UUID, excluding: UUID?) async throws {
        if try await table.isTaken(db, column: "code", value: code, scope: [("site_id", siteId)], excluding: excluding) {
            throw DomainError.duplicate(field: "code", value: code, scope: "by other equipment of this site")
        }
    }
}

extension EquipmentRepository {
    /// The equipment with `code`, in the site with `siteCode` when given; refused when no
    /// equipment or several (in different sites) have the code.
    public func withCode(_ code: String, siteCode: String?) async throws -> Equipment {
        try await database.read { db in
            var query = db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("equipment"))).from("equipment")
                .where(SQLColumn("code", table: "equipment"), .equal, SQLBind(code))
            if let siteCode {
                query = query.join("sites", on: SQLColumn("site_id", table: "equipment"), .equal, SQLColumn("id", table: "sites"))
                    .where(SQLColumn("code", table: "sites"), .equal, SQLBind(siteCode))
            }
            let matches = try await query.limit(2).all(decoding: Equipment.self, keyDecodingStrategy: .convertFromSnakeCase)
            guard let first = matches.first else {
                throw DomainError(.notFound, "No equipment with code \(code)\(siteCode.map { " in site \($0)" } ?? "") exists.")
            }
            guard matches.count == 1 else {
                throw DomainError(.conflict, "Several sites have equipment \(code); name the site with --site.")
            }
            return first
        }
    }
}
