import Foundation

/// The life of an Andon call on the durable workflow core: one instance per call, at the step of
/// its level (`level-1`, `level-2`…) and then `acknowledged`, ending with the call; its next
/// escalation is a durable timer of ``escalationPurpose``, so that it survives restarts and
/// fires once across every ms5 instance on the database.
public enum AndonWorkflow {
    /// The definition every call's instance runs on.
    public static let definition = WorkflowDefinition(name: "andon.call", version: 1)
    /// The purpose of the timer that moves a call to its next level.
    public static let escalationPurpose = "andon.escalate"
    /// The step of an acknowledged call.
    public static let acknowledgedStep = "acknowledged"

    /// The workflow subject of the call `callId`.
    public static func subject(of callId: UUID) -> WorkflowSubject {
        WorkflowSubject(recordType: "andon.call", recordId: callId.uuidString.lowercased())
    }

    /// The step of a call waiting at `level`.
    public static func step(atLevel level: Int) -> String {
        "level-\(level)"
    }
}
