import Foundation
import MS5Domain
import SQLKit

/// Each equipment's fault catalog: which bit of which fault word means what.
public struct FaultCatalogStore: Sendable {
    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// The catalog of an equipment, ordered by word and bit; 404 when the equipment does not exist.
    public func catalog(equipmentId: UUID) async throws -> [FaultDefinition] {
        try await database.read { db in
            _ = try await EquipmentRepository.table.require(db, id: equipmentId)
            return try await Self.catalog(db, equipmentId: equipmentId)
        }
    }

    /// Replaces the whole catalog of an equipment in one transaction, refusing invalid or duplicate
    /// entries; the old and new catalogs go in the audit ledger.
    public func replace(equipmentId: UUID, with definitions: [FaultDefinition]) async throws {
        try Self.validate(definitions)
        try await database.transaction { db in
            _ = try await EquipmentRepository.table.require(db, id: equipmentId)
            let before = try await Self.catalog(db, equipmentId: equipmentId)
            try await db.delete(from: "fault_catalog").where("equipment_id", .equal, equipmentId).run()
            for chunk in definitions.chunked(into: 200) {
                var insert = db.insert(into: "fault_catalog")
                    .columns("id", "equipment_id", "word", "bit", "code", "text", "severity", "kind", "source")
                for d in chunk {
                    insert = insert.values(
                        SQLBind(UUID()), SQLBind(equipmentId), SQLBind(d.word), SQLBind(d.bit), SQLBind(d.code), SQLBind(d.text),
                        SQLBind(d.severity), SQLBind(d.kind.rawValue), SQLBind(d.source.rawValue))
                }
                try await insert.run()
            }
            try await AuditLedger.record(
                db, action: "replace", recordType: "fault catalog", recordId: equipmentId.uuidString.lowercased(), before: before,
                after: definitions)
        }
    }

    static func catalog(_ db: any SQLDatabase, equipmentId: UUID) async throws -> [FaultDefinition] {
        try await db.select().columns("word", "bit", "code", "text", "severity", "kind", "source").from("fault_catalog")
            .where("equipment_id", .equal, equipmentId).orderBy("word").orderBy("bit")
            .all(decoding: FaultDefinition.self)
    }

    /// Refuses entries out of range and duplicates of a bit or a code, naming each by its index.
    static func validate(_ definitions: [FaultDefinition]) throws(DomainError) {
        var v = Validator()
        var bits = Set<FaultAddress>()
        var codes = Set<String>()
        for (index, d) in definitions.enumerated() {
            v.check(d.isValid, "\(index)", "word must be 0 or more, bit 0 to 31, severity 1 to 5 and the code not empty")
            v.check(d.code.count <= 32 && d.text.count <= 200, "\(index)", "code at most 32 and text at most 200 characters")
            v.check(bits.insert(d.address).inserted, "\(index)/bit", "word \(d.word) bit \(d.bit) is listed twice")
            v.check(codes.insert(d.code).inserted, "\(index)/code", "code \(d.code) is listed twice")
        }
        try v.finish()
    }
}
