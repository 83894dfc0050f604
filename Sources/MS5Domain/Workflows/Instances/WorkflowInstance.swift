import Foundation

/// One run of a workflow definition about one record, as the engine stores it: which version it
/// runs on, where it is, and since when.
///
/// ``definition`` is fixed when the instance starts: however many versions are deployed later,
/// the instance runs to its end on the one it started with.
public struct WorkflowInstance: Codable, Sendable, Equatable, Identifiable {
    /// The instance's id.
    public let id: UUID
    /// The definition and version the instance started on, and runs on to its end.
    public let definition: WorkflowDefinition
    /// Running, or how it ended.
    public var status: WorkflowStatus
    /// The step the instance is at (or ended at): a key such as `await-action`.
    public var currentStep: String
    /// The record the instance is about.
    public let subject: WorkflowSubject
    /// When the instance started.
    public let startedAt: Date
    /// When it last moved or ended.
    public var updatedAt: Date

    /// Creates an instance record.
    public init(
        id: UUID, definition: WorkflowDefinition, status: WorkflowStatus, currentStep: String, subject: WorkflowSubject,
        startedAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.definition = definition
        self.status = status
        self.currentStep = currentStep
        self.subject = subject
        self.startedAt = startedAt
        self.updatedAt = updatedAt
    }

    /// A running instance of `definition` about `subject`, at `firstStep` from `now`.
    ///
    /// Fails with every field at fault: an invalid definition identity, a step that is not a
    /// key, a subject whose type is not a key or whose id is blank or too long.
    public static func started(
        id: UUID, definition: WorkflowDefinition, firstStep: String, subject: WorkflowSubject, at now: Date
    ) throws(DomainError) -> WorkflowInstance {
        var v = Validator()
        v.code(definition.name, "definition/name")
        v.check(definition.version >= 1, "definition/version", "must be 1 or more")
        v.code(firstStep, "currentStep")
        subject.check(&v, field: "subject")
        try v.finish()
        return WorkflowInstance(
            id: id, definition: definition, status: .running, currentStep: firstStep, subject: subject, startedAt: now,
            updatedAt: now)
    }

    /// The instance moved on to `step` at `now`.
    ///
    /// Fails with `conflict` when the instance has ended, and with `invalid` (`/currentStep`)
    /// when the step is not a key.
    public func advanced(to step: String, at now: Date) throws(DomainError) -> WorkflowInstance {
        try requireRunning()
        var v = Validator()
        v.code(step, "currentStep")
        try v.finish()
        var result = self
        result.currentStep = step
        result.updatedAt = now
        return result
    }

    /// The instance ended as `status` (completed, failed or cancelled) at `now`, at its current step.
    ///
    /// Fails with `conflict` when it has already ended, and with `invalid` (`/status`) when
    /// `status` is running.
    public func finished(as status: WorkflowStatus, at now: Date) throws(DomainError) -> WorkflowInstance {
        try requireRunning()
        var v = Validator()
        v.check(status.isFinished, "status", "must be completed, failed or cancelled")
        try v.finish()
        var result = self
        result.status = status
        result.updatedAt = now
        return result
    }

    private func requireRunning() throws(DomainError) {
        guard status == .running else {
            throw DomainError(
                .conflict, "The workflow instance \(id) has already ended (\(status.rawValue) at step \(currentStep)).")
        }
    }
}
