import Foundation
import MS5Domain
import SQLKit

/// Each equipment's controller connection.
public struct PLCConnectionStore: Sendable {
    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// The connection of an equipment, nil when none is set.
    public func connection(equipmentId: UUID) async throws -> PLCConnection? {
        try await database.read { db in
            _ = try await EquipmentRepository.table.require(db, id: equipmentId)
            return try await db.select().column("*").from("plc_connections").where("equipment_id", .equal, equipmentId)
                .first(decoding: PLCConnection.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    /// Every connection, enabled or not.
    public func all() async throws -> [PLCConnection] {
        try await database.read { db in
            try await db.select().column("*").from("plc_connections").orderBy("equipment_id")
                .all(decoding: PLCConnection.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    /// Sets the connection of an equipment.
    public func set(equipmentId: UUID, _ input: PLCConnectionInput) async throws -> PLCConnection {
        try input.validate()
        let connection = PLCConnection(
            equipmentId: equipmentId, host: input.host, port: input.port, slot: input.slot, protocol: input.protocol,
            enabled: input.enabled, updatedAt: RecordClock.now())
        try await database.transaction { db in
            _ = try await EquipmentRepository.table.require(db, id: equipmentId)
            try await db.insert(into: "plc_connections").model(connection, keyEncodingStrategy: .convertToSnakeCase)
                .onConflict(with: ["equipment_id"]) {
                    $0.set(excludedValueOf: "host").set(excludedValueOf: "port").set(excludedValueOf: "slot")
                        .set(excludedValueOf: "protocol").set(excludedValueOf: "enabled").set(excludedValueOf: "updated_at")
                }
                .run()
        }
        return connection
    }

    /// Removes the connection of an equipment; its metrics are no longer polled.
    public func delete(equipmentId: UUID) async throws {
        try await database.transaction { db in
            let removed = try await db.delete(from: "plc_connections").where("equipment_id", .equal, equipmentId).returning("equipment_id").all()
            guard !removed.isEmpty else { throw DomainError(.notFound, "Equipment \(equipmentId) has no PLC connection.") }
        }
    }
}
