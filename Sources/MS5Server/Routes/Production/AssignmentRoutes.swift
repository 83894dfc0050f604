import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain
import MS5Storage

extension APIRoutes {
    /// Operators' job assignments on production orders.
    mutating func addAssignmentRoutes(database: Database, tag: String) {
        let assignments = JobAssignmentStore(database: database)
        let rules = self.rules
        add(APIOperation(
            method: .post, path: "/v1/orders/{id}/assignments", operationId: "assignOperator",
            summary: "Give an operator a job on an order.", tag: tag, access: .shiftLeads, parameters: [.id("production order")], canConflict: true),
            input: JobAssignmentInput.self, status: .created
        ) { input, _, context in
            try await assignments.assign(orderId: try context.pathID("production order"), input, by: try context.signedInUser.username)
        }
        add(APIOperation(
            method: .get, path: "/v1/orders/{id}/assignments", operationId: "orderAssignments",
            summary: "The operators assigned to an order, newest first.", tag: tag, access: .signedIn, parameters: [.id("production order")])
        ) { _, context in
            ItemList(items: try await assignments.list(orderId: try context.pathID("production order")))
        }
        add(APIOperation(
            method: .get, path: "/v1/me/assignments", operationId: "myAssignments",
            summary: "The signed-in operator's job assignments, newest first.", tag: tag, access: .signedIn)
        ) { _, context in
            ItemList(items: try await assignments.list(userId: try context.signedInUser.id))
        }
        add(APIOperation(
            method: .post, path: "/v1/assignments/{id}/status", operationId: "moveAssignment",
            summary: "Accept, start or complete an assignment: the operator's own during its shift, or anyone's for a shift lead.",
            tag: tag, access: .floorLeads, parameters: [.id("job assignment")], canConflict: true),
            input: AssignmentStatusChange.self
        ) { change, _, context in
            let user = try context.signedInUser
            let id = try context.pathID("job assignment")
            try await rules.requireOnDuty(user, assignmentId: id)
            return try await assignments.move(
                id, to: change.status, by: user.id, actingForOthers: Access.shiftLeads.allows(user.role))
        }
    }
}
