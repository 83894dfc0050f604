import Foundation
import MS5Domain
import SQLKit

/// Each line's production settings, kept as one JSON document per line.
public struct LineSettingsStore: Sendable {
    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// The settings of a line, nil when none were set.
    public func settings(lineId: UUID) async throws -> LineProductionSettings? {
        try await database.read { db in
            _ = try await LineRepository.table.require(db, id: lineId)
            return try await Self.settings(db, lineId: lineId)
        }
    }

    /// Sets the settings of a line, and the change in the audit ledger; a constraint equipment
    /// must belong to the line.
    public func setSettings(_ settings: LineProductionSettings, lineId: UUID) async throws {
        try settings.validate()
        let text = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
        try await database.transaction { db in
            _ = try await LineRepository.table.require(db, id: lineId)
            if let constraint = settings.constraintEquipmentId {
                let equipment = try await ParentCheck.require(EquipmentRepository.table, db, id: constraint, field: "constraintEquipmentId")
                guard equipment.lineId == lineId else {
                    throw DomainError.invalid([FieldViolation(field: "/constraintEquipmentId", reason: "must be equipment of this line")])
                }
            }
            let before = try await Self.settings(db, lineId: lineId)
            try await db.insert(into: "line_production_settings").columns("line_id", "settings", "updated_at")
                .values(SQLBind(lineId), SQLBind(text), SQLBind(RecordClock.now()))
                .onConflict(with: ["line_id"]) { $0.set(excludedValueOf: "settings").set(excludedValueOf: "updated_at") }
                .run()
            try await KPIPartsStore.invalidate(db, lineId: lineId)
            try await AuditLedger.record(
                db, action: "set", recordType: "line production settings", recordId: lineId.uuidString.lowercased(), before: before,
                after: settings)
        }
    }

    /// The lines that have production settings, with their constraint equipment where one is set.
    public func configuredLines() async throws -> [UUID: UUID?] {
        try await database.read { db in
            var lines: [UUID: UUID?] = [:]
            for row in try await db.select().columns("line_id", "settings").from("line_production_settings").all() {
                let settings = try JSONDecoder().decode(LineProductionSettings.self, from: Data(try row.decode(column: "settings", as: String.self).utf8))
                lines[try row.decode(column: "line_id", as: UUID.self)] = settings.constraintEquipmentId
            }
            return lines
        }
    }

    static func settings(_ db: any SQLDatabase, lineId: UUID) async throws -> LineProductionSettings? {
        guard let text = try await db.select().column("settings").from("line_production_settings").where("line_id", .equal, lineId)
            .first(decodingColumn: "settings", as: String.self)
        else { return nil }
        return try JSONDecoder().decode(LineProductionSettings.self, from: Data(text.utf8))
    }
}
