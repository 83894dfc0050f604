import Foundation
import MS5Domain
import SQLKit

/// Checklist templates and the record of their completions.
public struct ChecklistStore: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    /// Creates the store over `database`; `clock` tells the time (tests pass their own).
    public init(database: Database, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.clock = clock
    }

    /// Every template by code, or those applying to `equipmentId`.
    public func templates(equipmentId: UUID? = nil) async throws -> [ChecklistTemplate] {
        try await database.read { db in
            var query = db.select().columns("id", "code", "name", "items", "created_at", "updated_at").from("checklist_templates")
            if let equipmentId {
                let ids = try await db.select().column("template_id").from("checklist_template_equipment")
                    .where("equipment_id", .equal, SQLBind(equipmentId)).all(decodingColumn: "template_id", as: UUID.self)
                guard !ids.isEmpty else { return [] }
                query = query.where("id", .in, SQLBind.group(ids))
            }
            var templates: [ChecklistTemplate] = []
            for row in try await query.orderBy("code").limit(1000).all() {
                templates.append(try await Self.template(row, on: db))
            }
            return templates
        }
    }

    /// Creates a template; its code must be free and its equipment must exist.
    public func create(_ input: ChecklistTemplateInput) async throws -> ChecklistTemplate {
        try input.validate()
        let now = RecordClock.now()
        let template = ChecklistTemplate(
            id: UUID(), code: input.code, name: input.name, equipmentIds: input.equipmentIds, items: input.items, createdAt: now, updatedAt: now)
        try await database.transaction { db in
            try await Self.check(input, excluding: nil, on: db)
            try await db.insert(into: "checklist_templates").columns("id", "code", "name", "items", "created_at", "updated_at")
                .values(SQLBind(template.id), SQLBind(template.code), SQLBind(template.name), SQLBind(try Self.json(template.items)),
                        SQLBind(now), SQLBind(now)).run()
            try await Self.setEquipment(template, on: db)
            try await AuditLedger.record(
                db, action: "create", recordType: "checklist template", recordId: template.id.uuidString.lowercased(), before: ChecklistTemplate?.none,
                after: template)
        }
        return template
    }

    /// Replaces a template's code, name, equipment and items; completions keep the answers they had.
    public func update(_ id: UUID, _ input: ChecklistTemplateInput) async throws -> ChecklistTemplate {
        try input.validate()
        return try await database.transaction { db in
            let existing = try await Self.require(id, on: db)
            try await Self.check(input, excluding: id, on: db)
            let template = ChecklistTemplate(
                id: id, code: input.code, name: input.name, equipmentIds: input.equipmentIds, items: input.items,
                createdAt: existing.createdAt, updatedAt: RecordClock.now())
            try await db.update("checklist_templates").set("code", to: SQLBind(template.code)).set("name", to: SQLBind(template.name))
                .set("items", to: SQLBind(try Self.json(template.items))).set("updated_at", to: SQLBind(template.updatedAt))
                .where("id", .equal, SQLBind(id)).run()
            try await db.delete(from: "checklist_template_equipment").where("template_id", .equal, SQLBind(id)).run()
            try await Self.setEquipment(template, on: db)
            try await AuditLedger.record(
                db, action: "update", recordType: "checklist template", recordId: id.uuidString.lowercased(), before: existing, after: template)
            return template
        }
    }

    /// Deletes a template that was never completed; one with completions is refused (they are the record).
    public func delete(_ id: UUID) async throws {
        try await database.transaction { db in
            let existing = try await Self.require(id, on: db)
            if try await db.select().column("id").from("checklist_completions").where("template_id", .equal, SQLBind(id)).first() != nil {
                throw DomainError(.conflict, "This checklist has been completed; its completions are kept, so it cannot be deleted. Change it instead.")
            }
            try await db.delete(from: "checklist_templates").where("id", .equal, SQLBind(id)).run()
            try await AuditLedger.record(
                db, action: "delete", recordType: "checklist template", recordId: id.uuidString.lowercased(), before: existing,
                after: ChecklistTemplate?.none)
        }
    }

    /// Records a completion by `user`, grading each answer against the template.
    public func complete(_ input: ChecklistCompletionInput, by user: String) async throws -> ChecklistCompletion {
        try await database.transaction { db in
            guard let row = try await db.select().columns("id", "code", "name", "items", "created_at", "updated_at").from("checklist_templates")
                .where("id", .equal, SQLBind(input.templateId)).first()
            else {
                throw DomainError.invalid([FieldViolation(field: "/templateId", reason: "no checklist template with this id exists")])
            }
            let template = try await Self.template(row, on: db)
            let graded = try input.grade(against: template)
            let completion = ChecklistCompletion(
                id: UUID(), templateId: template.id, templateCode: template.code, equipmentId: input.equipmentId, answers: graded,
                passed: graded.allSatisfy(\.passed), completedBy: user, completedAt: clock())
            try await db.insert(into: "checklist_completions")
                .columns("id", "template_id", "template_code", "equipment_id", "answers", "passed", "completed_by", "completed_at")
                .values(SQLBind(completion.id), SQLBind(completion.templateId), SQLBind(completion.templateCode), SQLBind(completion.equipmentId),
                        SQLBind(try Self.json(completion.answers)), SQLBind(completion.passed), SQLBind(completion.completedBy),
                        SQLBind(completion.completedAt))
                .run()
            try await AuditLedger.record(
                db, action: "complete", recordType: "checklist completion", recordId: completion.id.uuidString.lowercased(),
                before: ChecklistCompletion?.none, after: completion)
            return completion
        }
    }

    /// Completions, newest first: of one equipment, or of every equipment.
    public func completions(equipmentId: UUID? = nil, limit: Int = 100) async throws -> [ChecklistCompletion] {
        try await database.read { db in
            var query = db.select().column("*").from("checklist_completions")
            if let equipmentId { query = query.where("equipment_id", .equal, SQLBind(equipmentId)) }
            return try await query.orderBy("completed_at", .descending).limit(limit).all().map(Self.completion)
        }
    }

    /// The completion `id`, or a not-found error.
    public func completion(_ id: UUID) async throws -> ChecklistCompletion {
        guard let found = try await database.read({ db in try await Self.completion(id, on: db) }) else {
            throw DomainError.notFound("checklist completion", id: id)
        }
        return found
    }

    /// The completion `id`, or nil when there is none, read on `db`.
    static func completion(_ id: UUID, on db: any SQLDatabase) async throws -> ChecklistCompletion? {
        try await db.select().column("*").from("checklist_completions").where("id", .equal, SQLBind(id)).first().map(completion)
    }

    private static func completion(_ row: any SQLRow) throws -> ChecklistCompletion {
        ChecklistCompletion(
            id: try row.decode(column: "id", as: UUID.self), templateId: try row.decode(column: "template_id", as: UUID.self),
            templateCode: try row.decode(column: "template_code", as: String.self),
            equipmentId: try row.decode(column: "equipment_id", as: UUID.self),
            answers: try JSONDecoder().decode(
                [ChecklistCompletion.GradedAnswer].self, from: Data(try row.decode(column: "answers", as: String.self).utf8)),
            passed: try row.decode(column: "passed", as: Bool.self), completedBy: try row.decode(column: "completed_by", as: String.self),
            completedAt: try row.decode(column: "completed_at", as: Date.self))
    }

    private static func require(_ id: UUID, on db: any SQLDatabase) async throws -> ChecklistTemplate {
        guard let row = try await db.select().columns("id", "code", "name", "items", "created_at", "updated_at").from("checklist_templates")
            .where("id", .equal, SQLBind(id)).first()
        else { throw DomainError.notFound("checklist template", id: id) }
        return try await template(row, on: db)
    }

    private static func template(_ row: any SQLRow, on db: any SQLDatabase) async throws -> ChecklistTemplate {
        let id = try row.decode(column: "id", as: UUID.self)
        let equipment = try await db.select().column("equipment_id").from("checklist_template_equipment")
            .where("template_id", .equal, SQLBind(id)).all(decodingColumn: "equipment_id", as: UUID.self)
        return ChecklistTemplate(
            id: id, code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
            equipmentIds: equipment.sorted { $0.uuidString < $1.uuidString },
            items: try JSONDecoder().decode([ChecklistItem].self, from: Data(try row.decode(column: "items", as: String.self).utf8)),
            createdAt: try row.decode(column: "created_at", as: Date.self), updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }

    private static func check(_ input: ChecklistTemplateInput, excluding id: UUID?, on db: any SQLDatabase) async throws {
        var taken = db.select().column("id").from("checklist_templates").where("code", .equal, SQLBind(input.code))
        if let id { taken = taken.where("id", .notEqual, SQLBind(id)) }
        if try await taken.first() != nil {
            throw DomainError.duplicate(field: "code", value: input.code, scope: "by another checklist")
        }
        for (index, equipmentId) in input.equipmentIds.enumerated() {
            try await ParentCheck.require(EquipmentRepository.table, db, id: equipmentId, field: "equipmentIds/\(index)")
        }
    }

    private static func setEquipment(_ template: ChecklistTemplate, on db: any SQLDatabase) async throws {
        var insert = db.insert(into: "checklist_template_equipment").columns("template_id", "equipment_id")
        for equipmentId in template.equipmentIds { insert = insert.values(SQLBind(template.id), SQLBind(equipmentId)) }
        try await insert.run()
    }

    private static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}
