import Foundation
import MS5Domain
import SQLKit

/// Escalation policies, one per line, category and priority; their levels are kept as JSON.
public struct EscalationPolicyStore: Sendable {
    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Every policy, or those of one line, by line, category and priority.
    public func list(lineId: UUID? = nil) async throws -> [EscalationPolicy] {
        try await database.read { db in
            var query = db.select().column("*").from("escalation_policies")
            if let lineId { query = query.where("line_id", .equal, lineId) }
            return try await query.orderBy("line_id").orderBy("category").orderBy("priority").limit(1000).all().map(Self.policy)
        }
    }

    /// The policy with `id`.
    public func get(_ id: UUID) async throws -> EscalationPolicy {
        try await database.read { db in try await Self.require(db, id: id) }
    }

    /// Creates a policy, and records it in the audit ledger; its line, category and priority must not have one yet, and its webhooks and teams must exist.
    public func create(_ input: EscalationPolicyInput) async throws -> EscalationPolicy {
        try input.validate()
        return try await database.transaction { db in
            try await Self.check(db, input, excluding: nil)
            let now = RecordClock.now()
            let policy = EscalationPolicy(
                id: UUID(), lineId: input.lineId, category: input.category, priority: input.priority, until: input.until,
                levels: input.levels, createdAt: now, updatedAt: now)
            try await db.insert(into: "escalation_policies")
                .columns("id", "line_id", "category", "priority", "until_status", "levels", "created_at", "updated_at")
                .values(SQLBind(policy.id), SQLBind(policy.lineId), SQLBind(policy.category.rawValue), SQLBind(policy.priority.rawValue),
                        SQLBind(policy.until.rawValue), SQLBind(try Self.text(policy.levels)), SQLBind(now), SQLBind(now))
                .run()
            try await AuditLedger.record(
                db, action: "create", recordType: "escalation policy", recordId: policy.id.uuidString.lowercased(),
                before: EscalationPolicy?.none, after: policy)
            return policy
        }
    }

    /// Replaces a policy, recording the change. Calls already past a level keep it; their next escalation follows the new levels.
    public func replace(_ id: UUID, with input: EscalationPolicyInput) async throws -> EscalationPolicy {
        try input.validate()
        return try await database.transaction { db in
            var policy = try await Self.require(db, id: id)
            let before = policy
            try await Self.check(db, input, excluding: id)
            policy.lineId = input.lineId
            policy.category = input.category
            policy.priority = input.priority
            policy.until = input.until
            policy.levels = input.levels
            policy.updatedAt = RecordClock.now()
            try await db.update("escalation_policies")
                .set("line_id", to: SQLBind(policy.lineId)).set("category", to: SQLBind(policy.category.rawValue))
                .set("priority", to: SQLBind(policy.priority.rawValue)).set("until_status", to: SQLBind(policy.until.rawValue))
                .set("levels", to: SQLBind(try Self.text(policy.levels))).set("updated_at", to: SQLBind(policy.updatedAt))
                .where("id", .equal, id).run()
            try await AuditLedger.record(
                db, action: "update", recordType: "escalation policy", recordId: id.uuidString.lowercased(), before: before, after: policy)
            return policy
        }
    }

    /// Deletes a policy, recording it as it was; calls it escalated keep their history and stop escalating.
    public func delete(_ id: UUID) async throws {
        try await database.transaction { db in
            let before = try await Self.require(db, id: id)
            try await db.delete(from: "escalation_policies").where("id", .equal, id).run()
            try await AuditLedger.record(
                db, action: "delete", recordType: "escalation policy", recordId: id.uuidString.lowercased(), before: before,
                after: EscalationPolicy?.none)
        }
    }

    /// The policy for calls of a line, category and priority, if one is set.
    static func policy(_ db: any SQLDatabase, lineId: UUID, category: AndonCategory, priority: AndonPriority) async throws -> EscalationPolicy? {
        try await db.select().column("*").from("escalation_policies").where("line_id", .equal, lineId)
            .where("category", .equal, category.rawValue).where("priority", .equal, priority.rawValue)
            .first().map(Self.policy)
    }

    static func require(_ db: any SQLDatabase, id: UUID) async throws -> EscalationPolicy {
        guard let row = try await db.select().column("*").from("escalation_policies").where("id", .equal, id).first() else {
            throw DomainError.notFound("escalation policy", id: id)
        }
        return try Self.policy(row)
    }

    private static func check(_ db: any SQLDatabase, _ input: EscalationPolicyInput, excluding: UUID?) async throws {
        _ = try await ParentCheck.require(LineRepository.table, db, id: input.lineId, field: "lineId")
        var taken = db.select().column("id").from("escalation_policies").where("line_id", .equal, input.lineId)
            .where("category", .equal, input.category.rawValue).where("priority", .equal, input.priority.rawValue)
        if let excluding { taken = taken.where("id", .notEqual, excluding) }
        if try await taken.first() != nil {
            throw DomainError(.conflict, "This line already has a policy for \(input.priority.rawValue) \(input.category.rawValue) calls.")
        }
        for (index, level) in input.levels.enumerated() {
            for (position, webhook) in level.webhookIds.enumerated() {
                guard try await db.select().column("id").from("webhook_endpoints").where("id", .equal, webhook).first() != nil else {
                    throw DomainError.invalid([FieldViolation(field: "/levels/\(index)/webhookIds/\(position)", reason: "no webhook endpoint with this id exists")])
                }
            }
            let unknownTeams = try await TeamStore.unknownCodes(level.teams, on: db)
            if let position = level.teams.firstIndex(where: unknownTeams.contains) {
                throw DomainError.invalid([FieldViolation(field: "/levels/\(index)/teams/\(position)", reason: "no team with this code exists")])
            }
        }
    }

    private static func policy(_ row: any SQLRow) throws -> EscalationPolicy {
        EscalationPolicy(
            id: try row.decode(column: "id", as: UUID.self), lineId: try row.decode(column: "line_id", as: UUID.self),
            category: try row.decode(column: "category", as: AndonCategory.self), priority: try row.decode(column: "priority", as: AndonPriority.self),
            until: try row.decode(column: "until_status", as: EscalationPolicy.Until.self),
            levels: try JSONDecoder().decode([EscalationLevel].self, from: Data(try row.decode(column: "levels", as: String.self).utf8)),
            createdAt: try row.decode(column: "created_at", as: Date.self), updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }

    private static func text(_ levels: [EscalationLevel]) throws -> String {
        String(decoding: try JSONEncoder().encode(levels), as: UTF8.self)
    }
}
