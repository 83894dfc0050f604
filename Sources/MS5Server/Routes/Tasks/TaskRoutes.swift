import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain
import MS5Storage

extension APIRoutes {
    /// Human tasks of the workflows: the lists by state, person, line and type, and claiming,
    /// releasing, completing (e-signed where needed), cancelling and reassigning, each with the
    /// revision the person saw.
    mutating func addTaskRoutes(tasks: HumanTaskStore, accounts: AccountService) {
        let tag = "Tasks"
        add(APIOperation(
            method: .get, path: "/v1/tasks", operationId: "listTasks",
            summary: "Tasks of the account's sites, the soonest due first (the longest overdue at the top, tasks without a due date last).",
            tag: tag, access: .signedIn, parameters: TaskListQuery.parameters)
        ) { request, context in
            let query = try TaskListQuery(request)
            var actor: TaskActor?
            if query.mine { actor = try await tasks.actor(for: try context.signedInUser) }
            return try await tasks.list(query.filter(actor: actor, scope: context.siteScope), query.page)
        }
        add(APIOperation(
            method: .get, path: "/v1/tasks/{id}", operationId: "getTask", summary: "One task.", tag: tag, access: .signedIn,
            parameters: [.id("task")])
        ) { _, context in
            try await tasks.get(try context.pathID("task"))
        }
        add(APIOperation(
            method: .post, path: "/v1/tasks/{id}/claim", operationId: "claimTask",
            summary: "Claim a task (or renew your claim): you alone may complete it while the claim lasts. A task changed since the revision you saw is refused (409).",
            tag: tag, access: .floorStaff, parameters: [.id("task")], canConflict: true),
            input: TaskRevision.self
        ) { input, _, context in
            try input.validate()
            let actor = try await tasks.actor(for: try context.signedInUser)
            return try await tasks.claim(try context.pathID("task"), by: actor, seenRevision: input.revision)
        }
        add(APIOperation(
            method: .post, path: "/v1/tasks/{id}/release", operationId: "releaseTask",
            summary: "Give your claim of a task back: it is open again for everyone it is for.",
            tag: tag, access: .floorStaff, parameters: [.id("task")], canConflict: true),
            input: TaskRevision.self
        ) { input, _, context in
            try input.validate()
            let actor = try await tasks.actor(for: try context.signedInUser)
            return try await tasks.release(try context.pathID("task"), by: actor, seenRevision: input.revision)
        }
        add(APIOperation(
            method: .post, path: "/v1/tasks/{id}/complete", operationId: "completeTask",
            summary: "Complete a task you hold, or an open one that is for you. A task done on another tablet meanwhile is refused (409) saying who did it; a task that needs an e-signature needs your password (and TOTP code) again.",
            tag: tag, access: .floorStaff, parameters: [.id("task")], canConflict: true),
            input: TaskCompletion.self
        ) { input, _, context in
            try input.validate()
            let user = try context.signedInUser
            if let password = input.password {
                try await accounts.reauthenticate(user, password: password, totp: input.totp)
            }
            let actor = try await tasks.actor(for: user)
            return try await tasks.complete(
                try context.pathID("task"), by: actor, seenRevision: input.revision, signer: input.password == nil ? nil : user)
        }
        add(APIOperation(
            method: .post, path: "/v1/tasks/{id}/cancel", operationId: "cancelTask",
            summary: "Cancel a task nobody needs to do any more, with the reason.", tag: tag, access: .shiftLeads,
            parameters: [.id("task")], canConflict: true),
            input: TaskCancellation.self
        ) { input, _, context in
            try input.validate()
            let actor = try await tasks.actor(for: try context.signedInUser)
            return try await tasks.cancel(try context.pathID("task"), by: actor, seenRevision: input.revision, reason: input.reason)
        }
        add(APIOperation(
            method: .post, path: "/v1/tasks/{id}/reassign", operationId: "reassignTask",
            summary: "Hand a task to another user, role or team; any claim is released, the due date and escalation stay.",
            tag: tag, access: .shiftLeads, parameters: [.id("task")], canConflict: true),
            input: TaskReassignment.self
        ) { input, _, context in
            try input.validate()
            let actor = try await tasks.actor(for: try context.signedInUser)
            return try await tasks.reassign(try context.pathID("task"), to: input.assignee, by: actor, seenRevision: input.revision)
        }
    }
}
