import HTTPTypes
import MS5Domain
import MS5Storage

extension APIRoutes {
    /// Pre-start checklists: engineers and quality keep the templates, the floor completes them.
    mutating func addChecklistRoutes(database: Database) {
        let tag = "Checklists"
        let checklists = ChecklistStore(database: database)
        let rules = self.rules
        let keepers = Access.roles([.admin, .engineer, .quality])
        add(APIOperation(
            method: .get, path: "/v1/checklist-templates", operationId: "listChecklistTemplates",
            summary: "Checklist templates by code, of equipment at the account's sites: every one, or those of one equipment.", tag: tag, access: .signedIn,
            parameters: [.filter("equipmentId", "Only the checklists that apply to this equipment.")])
        ) { request, context in
            let templates = try await checklists.templates(equipmentId: try request.uuidQuery("equipmentId"))
            guard case .sites = context.siteScope else { return ItemList(items: templates) }
            let visible = Set(try await rules.filter(templates.flatMap(\.equipmentIds), in: context.siteScope, .equipment) { $0 })
            return ItemList(items: templates.filter { !Set($0.equipmentIds).isDisjoint(with: visible) })
        }
        add(APIOperation(
            method: .post, path: "/v1/checklist-templates", operationId: "createChecklistTemplate",
            summary: "Create a checklist of pass/fail and value items for some equipment.", tag: tag, access: keepers, canConflict: true),
            input: ChecklistTemplateInput.self, status: .created
        ) { input, _, context in
            for (index, equipmentId) in input.equipmentIds.enumerated() {
                try await rules.requireBodyRecord(.equipment, id: equipmentId, in: context.siteScope, field: "equipmentIds/\(index)")
            }
            return try await checklists.create(input)
        }
        add(APIOperation(
            method: .put, path: "/v1/checklist-templates/{id}", operationId: "replaceChecklistTemplate",
            summary: "Change a checklist; completions keep the answers they were given.", tag: tag, access: keepers,
            parameters: [.id("checklist template")], canConflict: true),
            input: ChecklistTemplateInput.self
        ) { input, _, context in
            try await checklists.update(try context.pathID("checklist template"), input)
        }
        add(APIOperation(
            method: .delete, path: "/v1/checklist-templates/{id}", operationId: "deleteChecklistTemplate",
            summary: "Delete a checklist that was never completed.", tag: tag, access: keepers,
            parameters: [.id("checklist template")], canConflict: true)
        ) { _, context in
            try await checklists.delete(try context.pathID("checklist template"))
            return NoContent()
        }
        add(APIOperation(
            method: .post, path: "/v1/checklist-completions", operationId: "completeChecklist",
            summary: "Record a completed checklist: every item answered; value items pass within their limits. Operators only for equipment of a line they hold a job on, during that job's shift.",
            tag: tag, access: .floorStaff),
            input: ChecklistCompletionInput.self, status: .created
        ) { input, _, context in
            let user = try context.signedInUser
            try await rules.requireParent(of: input, in: context.siteScope)
            try await rules.requireOnDuty(user, equipmentId: input.equipmentId)
            return try await checklists.complete(input, by: user.username)
        }
        add(APIOperation(
            method: .get, path: "/v1/checklist-completions", operationId: "listChecklistCompletions",
            summary: "Completed checklists, newest first (the last 100): of one equipment, or of all.", tag: tag, access: .signedIn,
            parameters: [.filter("equipmentId", "Only the completions for this equipment.")])
        ) { request, context in
            let completions = try await checklists.completions(equipmentId: try request.uuidQuery("equipmentId"))
            return ItemList(items: try await rules.filter(completions, in: context.siteScope, .equipment) { $0.equipmentId })
        }
    }
}
