import Foundation
import Hummingbird
import MS5Domain
import MS5Storage

extension APIRoutes {
    /// Signals people send to workflow instances: a named signal with a small JSON payload, taken
    /// by the instance's waits for it at the sender's sites and delivered by the engine.
    mutating func addWorkflowSignalRoutes(workflows: WorkflowStore) {
        add(APIOperation(
            method: .post, path: "/v1/workflows/{id}/signals", operationId: "sendWorkflowSignal",
            summary: "Send a named signal to a workflow instance waiting for it (a quality release, a confirmation). The instance's waits for it at your sites take it and the engine delivers it within a second or so; an instance not waiting for it refuses (409).",
            tag: "Workflows", access: .floorStaff, parameters: [.id("workflow instance")], canConflict: true),
            input: WorkflowSignalInput.self, status: .accepted
        ) { input, _, context in
            let payload = try input.validated()
            let instanceId = try context.pathID("workflow instance")
            let waits = try await workflows.send(input.name, payload: payload, to: instanceId, within: context.siteScope)
            return SentSignal(instanceId: instanceId, name: input.name, waits: waits)
        }
    }
}
