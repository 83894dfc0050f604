import Foundation
import MS5Domain
import SQLKit

extension Migration {
    /// Version 29: Andon escalation moves onto the durable workflow core. Every call still open
    /// or acknowledged gets its ``AndonWorkflow`` instance, at the step of its state, and its
    /// pending escalation (`andon_calls.next_escalation_at`) becomes that instance's timer.
    static let andonWorkflows = Migration(29, "Andon calls on the workflow core") { db, _ in
        let active = try await db.select().column("*").from("andon_calls")
            .where("status", .in, [AndonCallStatus.open.rawValue, AndonCallStatus.acknowledged.rawValue])
            .all(decoding: AndonCall.self, keyDecodingStrategy: .convertFromSnakeCase)
        for call in active {
            let step = call.status == .acknowledged ? AndonWorkflow.acknowledgedStep : AndonWorkflow.step(atLevel: call.level)
            let instance = try WorkflowInstance.started(
                id: UUID(), definition: AndonWorkflow.definition, firstStep: step, subject: AndonWorkflow.subject(of: call.id), at: call.raisedAt)
            try await WorkflowRows.insert(db, instance)
            if let next = call.nextEscalationAt {
                let timer = try DurableTimer.scheduled(id: UUID(), instanceId: instance.id, purpose: AndonWorkflow.escalationPurpose, fireAt: next)
                try await WorkflowRows.insert(db, timer)
            }
        }
    }
}
