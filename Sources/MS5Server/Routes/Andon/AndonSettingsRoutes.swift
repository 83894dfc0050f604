import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain
import MS5Storage

extension APIRoutes {
    /// Escalation policies, Andon rules and webhook endpoints.
    mutating func addAndonSettingsRoutes(database: Database) {
        let tag = "Andon settings"
        let policies = EscalationPolicyStore(database: database)
        let rules = AndonRuleStore(database: database)
        let webhooks = WebhookEndpointStore(database: database)
        let attributes = self.rules

        add(APIOperation(
            method: .get, path: "/v1/andon/escalation-policies", operationId: "listEscalationPolicies",
            summary: "Escalation policies, of every line or of one.", tag: tag, access: .signedIn,
            parameters: [.filter("lineId", "Only the policies of this line.")])
        ) { request, context in
            let found = try await policies.list(lineId: try request.uuidQuery("lineId"))
            return ItemList(items: try await attributes.filter(found, in: context.siteScope, .line) { $0.lineId })
        }
        add(APIOperation(
            method: .post, path: "/v1/andon/escalation-policies", operationId: "createEscalationPolicy",
            summary: "Set how calls of a line, category and priority escalate.", tag: tag, access: .plantEditors, canConflict: true),
            input: EscalationPolicyInput.self, status: .created
        ) { input, _, context in
            try await attributes.requireParent(of: input, in: context.siteScope)
            return try await policies.create(input)
        }
        add(APIOperation(
            method: .get, path: "/v1/andon/escalation-policies/{id}", operationId: "getEscalationPolicy",
            summary: "One escalation policy.", tag: tag, access: .signedIn, parameters: [.id("escalation policy")])
        ) { _, context in
            try await policies.get(try context.pathID("escalation policy"))
        }
        add(APIOperation(
            method: .put, path: "/v1/andon/escalation-policies/{id}", operationId: "replaceEscalationPolicy",
            summary: "Replace an escalation policy; calls under way follow the new levels from their next step.", tag: tag,
            access: .plantEditors, parameters: [.id("escalation policy")], canConflict: true),
            input: EscalationPolicyInput.self
        ) { input, _, context in
            try await attributes.requireParent(of: input, in: context.siteScope)
            return try await policies.replace(try context.pathID("escalation policy"), with: input)
        }
        add(APIOperation(
            method: .delete, path: "/v1/andon/escalation-policies/{id}", operationId: "deleteEscalationPolicy",
            summary: "Delete an escalation policy; its calls stop escalating.", tag: tag, access: .plantEditors, parameters: [.id("escalation policy")])
        ) { _, context in
            try await policies.delete(try context.pathID("escalation policy"))
            return NoContent()
        }

        add(APIOperation(
            method: .get, path: "/v1/andon/rules", operationId: "listAndonRules",
            summary: "The rules that raise calls, of every equipment or of one.", tag: tag, access: .signedIn,
            parameters: [.filter("equipmentId", "Only the rules of this equipment.")])
        ) { request, context in
            let found = try await rules.list(equipmentId: try request.uuidQuery("equipmentId"))
            return ItemList(items: try await attributes.filter(found, in: context.siteScope, .equipment) { $0.equipmentId })
        }
        add(APIOperation(
            method: .post, path: "/v1/andon/rules", operationId: "createAndonRule",
            summary: "Add a rule: a fault or a starved/blocked state lasting too long, or too many rejects.", tag: tag, access: .plantEditors),
            input: AndonRuleInput.self, status: .created
        ) { input, _, context in
            try await attributes.requireParent(of: input, in: context.siteScope)
            return try await rules.create(input)
        }
        add(APIOperation(
            method: .put, path: "/v1/andon/rules/{id}", operationId: "replaceAndonRule",
            summary: "Replace a rule.", tag: tag, access: .plantEditors, parameters: [.id("Andon rule")]),
            input: AndonRuleInput.self
        ) { input, _, context in
            try await attributes.requireParent(of: input, in: context.siteScope)
            return try await rules.replace(try context.pathID("Andon rule"), with: input)
        }
        add(APIOperation(
            method: .delete, path: "/v1/andon/rules/{id}", operationId: "deleteAndonRule",
            summary: "Delete a rule; the calls it raised stay.", tag: tag, access: .plantEditors, parameters: [.id("Andon rule")])
        ) { _, context in
            try await rules.delete(try context.pathID("Andon rule"))
            return NoContent()
        }

        add(APIOperation(
            method: .get, path: "/v1/webhooks", operationId: "listWebhooks",
            summary: "Registered webhook endpoints (without their secrets).", tag: tag, access: .administrators)
        ) { _, _ in
            ItemList(items: try await webhooks.list())
        }
        add(APIOperation(
            method: .post, path: "/v1/webhooks", operationId: "createWebhook",
            summary: "Register a webhook endpoint and the secret its bodies are signed with.", tag: tag, access: .administrators),
            input: WebhookEndpointInput.self, status: .created
        ) { input, _, _ in
            try await webhooks.create(input)
        }
        add(APIOperation(
            method: .delete, path: "/v1/webhooks/{id}", operationId: "deleteWebhook",
            summary: "Remove a webhook endpoint no policy or event subscription uses.", tag: tag, access: .administrators,
            parameters: [.id("webhook endpoint")], canConflict: true)
        ) { _, context in
            try await webhooks.delete(try context.pathID("webhook endpoint"))
            return NoContent()
        }
    }
}
