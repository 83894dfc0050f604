/// Who is changing records in the current task, and why: set once where a request or command
/// is known to be someone's, read by every ledger entry written below it.
public struct AuditContext: Sendable, Equatable {
    /// The username, or `system` for MS5's own changes (rules, escalations, the simulator).
    public var actor: String
    /// Why, when the person said so (`X-Change-Reason`).
    public var reason: String?

    /// Creates a context.
    public init(actor: String, reason: String? = nil) {
        self.actor = actor
        self.reason = reason
    }

    /// The context of the running task: `system` unless a caller bound one.
    @TaskLocal public static var current = AuditContext(actor: "system")
}
