import Foundation
import MS5Domain
import SQLKit

/// Each equipment's controller connection. Passwords go in and out of here only for the
/// connectors: a ``PLCConnection`` says whether one is set, never what it is.
public struct PLCConnectionStore: Sendable {
    /// A connection with its password, for the connector that signs in with it.
    public struct Credentialed: Sendable, Equatable {
        public var connection: PLCConnection
        public var password: String?
    }

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
                .first().map { try Self.credentialed($0).connection }
        }
    }

    /// Every connection, enabled or not.
    public func all() async throws -> [PLCConnection] {
        try await credentialed().map(\.connection)
    }

    /// Every connection with its password, for the connectors.
    public func credentialed() async throws -> [Credentialed] {
        try await database.read { db in
            try await db.select().column("*").from("plc_connections").orderBy("equipment_id").all().map(Self.credentialed)
        }
    }

    /// Sets the connection of an equipment. A password left out keeps the one set before (while
    /// there is a user name); an empty one removes it.
    public func set(equipmentId: UUID, _ input: PLCConnectionInput) async throws -> PLCConnection {
        try input.validate()
        return try await database.transaction { db in
            _ = try await EquipmentRepository.table.require(db, id: equipmentId)
            let existing = try await db.select().column("*").from("plc_connections").where("equipment_id", .equal, equipmentId)
                .first().map(Self.credentialed)
            let kept = existing?.password
            let password = input.username == nil ? nil : (input.password.map { $0.isEmpty ? nil : $0 } ?? kept)
            let connection = PLCConnection(
                equipmentId: equipmentId, host: input.host, port: input.port, slot: input.slot, protocol: input.protocol,
                enabled: input.enabled, username: input.username, hasPassword: password != nil, tls: input.tls,
                tlsCAFile: input.tlsCAFile, endpointPath: input.endpointPath, updatedAt: RecordClock.now())
            let columns = ["host", "port", "slot", "protocol", "enabled", "username", "password", "tls", "tls_ca_file", "endpoint_path", "updated_at"]
            try await db.insert(into: "plc_connections").columns(["equipment_id"] + columns)
                .values(SQLBind(equipmentId), SQLBind(connection.host), SQLBind(connection.port), SQLBind(connection.slot),
                        SQLBind(connection.protocol.rawValue), SQLBind(connection.enabled), SQLBind(connection.username), SQLBind(password),
                        SQLBind(connection.tls), SQLBind(connection.tlsCAFile), SQLBind(connection.endpointPath), SQLBind(connection.updatedAt))
                .onConflict(with: ["equipment_id"]) { update in
                    columns.reduce(update) { $0.set(excludedValueOf: $1) }
                }
                .run()
            // The password is never written to the ledger; hasPassword shows that it changed.
            try await AuditLedger.record(
                db, action: "set", recordType: "PLC connection", recordId: equipmentId.uuidString.lowercased(), before: existing?.connection,
                after: connection)
            return connection
        }
    }

    /// Removes the connection of an equipment; its metrics are no longer polled.
    public func delete(equipmentId: UUID) async throws {
        try await database.transaction { db in
            guard let existing = try await db.select().column("*").from("plc_connections").where("equipment_id", .equal, equipmentId)
                .first().map(Self.credentialed)
            else { throw DomainError(.notFound, "Equipment \(equipmentId) has no PLC connection.") }
            try await db.delete(from: "plc_connections").where("equipment_id", .equal, equipmentId).run()
            try await AuditLedger.record(
                db, action: "delete", recordType: "PLC connection", recordId: equipmentId.uuidString.lowercased(), before: existing.connection,
                after: PLCConnection?.none)
        }
    }

    private static func credentialed(_ row: any SQLRow) throws -> Credentialed {
        let password = try row.decode(column: "password", as: String?.self)
        return Credentialed(
            connection: PLCConnection(
                equipmentId: try row.decode(column: "equipment_id", as: UUID.self), host: try row.decode(column: "host", as: String.self),
                port: try row.decode(column: "port", as: Int.self), slot: try row.decode(column: "slot", as: Int.self),
                protocol: try row.decode(column: "protocol", as: PLCProtocol.self), enabled: try row.decode(column: "enabled", as: Bool.self),
                username: try row.decode(column: "username", as: String?.self), hasPassword: password != nil,
                tls: try row.decode(column: "tls", as: Bool.self), tlsCAFile: try row.decode(column: "tls_ca_file", as: String?.self),
                endpointPath: try row.decode(column: "endpoint_path", as: String?.self),
                updatedAt: try row.decode(column: "updated_at", as: Date.self)),
            password: password)
    }
}
