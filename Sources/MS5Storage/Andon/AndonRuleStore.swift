import Foundation
import MS5Domain
import SQLKit

/// The rules that raise Andon calls by themselves.
public struct AndonRuleStore: Sendable {
    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Every rule, or those watching one equipment, oldest first.
    public func list(equipmentId: UUID? = nil, enabledOnly: Bool = false) async throws -> [AndonRule] {
        try await database.read { db in
            var query = db.select().column("*").from("andon_rules")
            if let equipmentId { query = query.where("equipment_id", .equal, equipmentId) }
            if enabledOnly { query = query.where("enabled", .equal, true) }
            return try await query.orderBy("created_at").orderBy("id").limit(5000)
                .all(decoding: AndonRule.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    /// The rule with `id`.
    public func get(_ id: UUID) async throws -> AndonRule {
        try await database.read { db in try await Self.require(db, id: id) }
    }

    /// Creates a rule on an existing equipment, and records it in the audit ledger.
    public func create(_ input: AndonRuleInput) async throws -> AndonRule {
        try input.validate()
        return try await database.transaction { db in
            _ = try await ParentCheck.require(EquipmentRepository.table, db, id: input.equipmentId, field: "equipmentId")
            let now = RecordClock.now()
            let rule = Self.rule(id: UUID(), input, createdAt: now, updatedAt: now)
            try await db.insert(into: "andon_rules").model(rule, keyEncodingStrategy: .convertToSnakeCase).run()
            try await AuditLedger.record(
                db, action: "create", recordType: "Andon rule", recordId: rule.id.uuidString.lowercased(), before: AndonRule?.none, after: rule)
            return rule
        }
    }

    /// Replaces a rule's fields, recording the change.
    public func replace(_ id: UUID, with input: AndonRuleInput) async throws -> AndonRule {
        try input.validate()
        return try await database.transaction { db in
            let existing = try await Self.require(db, id: id)
            _ = try await ParentCheck.require(EquipmentRepository.table, db, id: input.equipmentId, field: "equipmentId")
            let rule = Self.rule(id: id, input, createdAt: existing.createdAt, updatedAt: RecordClock.now())
            try await db.update("andon_rules").set(model: rule, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
                .where("id", .equal, id).run()
            try await AuditLedger.record(
                db, action: "update", recordType: "Andon rule", recordId: id.uuidString.lowercased(), before: existing, after: rule)
            return rule
        }
    }

    /// Deletes a rule, recording it as it was; the calls it raised stay.
    public func delete(_ id: UUID) async throws {
        try await database.transaction { db in
            let before = try await Self.require(db, id: id)
            try await db.delete(from: "andon_rules").where("id", .equal, id).run()
            try await AuditLedger.record(
                db, action: "delete", recordType: "Andon rule", recordId: id.uuidString.lowercased(), before: before, after: AndonRule?.none)
        }
    }

    private static func rule(id: UUID, _ input: AndonRuleInput, createdAt: Date, updatedAt: Date) -> AndonRule {
        AndonRule(
            id: id, equipmentId: input.equipmentId, trigger: input.trigger, thresholdSeconds: input.thresholdSeconds,
            rejectPercent: input.trigger == .rejectRate ? input.rejectPercent : nil,
            windowMinutes: input.trigger == .rejectRate ? input.windowMinutes : nil,
            category: input.category, priority: input.priority, enabled: input.enabled, createdAt: createdAt, updatedAt: updatedAt)
    }

    private static func require(_ db: any SQLDatabase, id: UUID) async throws -> AndonRule {
        guard let rule = try await db.select().column("*").from("andon_rules").where("id", .equal, id)
            .first(decoding: AndonRule.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { throw DomainError.notFound("Andon rule", id: id) }
        return rule
    }
}
