import Foundation

/// What a workflow step asks for when it opens a human task: the work, who it is for, how urgent
/// it is, where it is, and how it escalates once overdue.
///
/// A task is either on a line (``lineId``: its site is the line's, its due date follows the
/// line's shifts) or of a whole site (``siteId``: its due date counts the site's days).
public struct HumanTaskInput: Codable, Sendable, Equatable {
    /// What kind of task this is, a key such as `dds.action`.
    public var type: String
    /// What to do.
    public var title: String
    /// Who the task is for.
    public var assignee: TaskAssignee
    /// How urgent it is; it decides the due date.
    public var priority: TaskPriority
    /// The line the task is on, or nil for a task of the site ``siteId``.
    public var lineId: UUID?
    /// The site of a task on no line; nil when ``lineId`` is given.
    public var siteId: UUID?
    /// Whether completing the task needs the e-signature of the person completing it.
    public var requiresSignature: Bool
    /// Who is told, level by level, once the task is overdue; nil for a task that does not escalate.
    public var escalation: TaskEscalationChain?

    /// Creates the input; ``validate()`` checks it.
    public init(
        type: String, title: String, assignee: TaskAssignee, priority: TaskPriority, lineId: UUID? = nil, siteId: UUID? = nil,
        requiresSignature: Bool = false, escalation: TaskEscalationChain? = nil
    ) {
        self.type = type
        self.title = title
        self.assignee = assignee
        self.priority = priority
        self.lineId = lineId
        self.siteId = siteId
        self.requiresSignature = requiresSignature
        self.escalation = escalation
    }

    /// Refuses an input with every field at fault: neither or both of a line and a site, and an
    /// invalid escalation chain (its fields under `/escalation`). The task's own fields are
    /// checked when it opens (``HumanTask/opened(id:workflowInstanceId:siteId:lineId:type:title:assignee:priority:requiresSignature:at:dueDates:)``).
    public func validate() throws(DomainError) {
        var violations: [FieldViolation] = []
        if (lineId == nil) == (siteId == nil) {
            violations.append(FieldViolation(field: "/lineId", reason: "give lineId for a task on a line, or siteId for a task of a whole site"))
        }
        do {
            try escalation?.validate()
        } catch {
            violations += error.violations.map { $0.nested(under: "escalation") }
        }
        if !violations.isEmpty { throw DomainError.invalid(violations) }
    }
}
