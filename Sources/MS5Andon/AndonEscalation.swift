import Logging
import MS5Domain
import MS5Storage
import MS5Workflows

/// Andon escalation as the workflow engine runs it: the handler of the ``AndonWorkflow``
/// escalation timers.
public enum AndonEscalation {
    /// Registers the handler that moves a call to its next level when its timer fires
    /// (``AndonCallStore/escalate(firing:in:)``), logging each escalation on `logger`.
    public static func register(in handlers: inout TimerHandlers, logger: Logger) throws {
        try handlers.register(AndonWorkflow.escalationPurpose) { timer, flow in
            guard let event = try await AndonCallStore.escalate(firing: timer, in: flow) else { return }
            logger.notice("Andon call escalated", metadata: [
                "call": "\(event.call.id)", "level": "\(event.call.level)", "category": "\(event.call.category.rawValue)",
            ])
        }
    }
}
