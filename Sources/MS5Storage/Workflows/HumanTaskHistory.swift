import Foundation
import MS5Domain
import SQLKit

/// Where every step of a human task is written, in the step's own transaction: the audit
/// ledger (who, when, before and after) and the outbox (`workflow.task.*.v1`).
enum HumanTaskHistory {
    /// How the audit ledger names tasks.
    static let recordType = "workflow task"

    /// Records `event`, the step that turned `before` (nil for a new task) into `event.task`.
    static func record(_ db: any SQLDatabase, _ event: HumanTaskEvent, before: HumanTask?) async throws {
        try await AuditLedger.record(
            db, action: action(of: event.kind), recordType: recordType, recordId: event.task.id.uuidString.lowercased(), before: before,
            after: event.task)
        try await Outbox.append(db, try CanonicalEvent.humanTask(event))
    }

    /// The ledger's verb for a step.
    static func action(of kind: HumanTaskEvent.Kind) -> String {
        switch kind {
        case .opened: "open"
        case .claimed: "claim"
        case .released: "release"
        case .completed: "complete"
        case .cancelled: "cancel"
        case .reassigned: "reassign"
        case .escalated: "escalate"
        }
    }
}
