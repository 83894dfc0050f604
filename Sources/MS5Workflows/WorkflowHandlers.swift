import Foundation
import MS5Domain
import MS5Storage

/// What a durable timer's firing does. It runs in the transaction that marks the timer fired:
/// what it changes through the ``WorkflowTransaction`` commits with the firing, or, when it
/// throws, rolls back with it and the timer is tried again later.
public typealias TimerHandler = WorkflowHandlers<DurableTimer>.Handler

/// What the delivery of a signal does. It runs in the transaction that marks the wait
/// delivered: what it changes through the ``WorkflowTransaction`` commits with the delivery, or,
/// when it throws, rolls back with it and the delivery is tried again later.
public typealias SignalHandler = WorkflowHandlers<SignalWait>.Handler

/// The handlers of durable timers, one per timer purpose (`task.remind`, `window.close`…), as
/// the workflows of this ms5 build register them.
public typealias TimerHandlers = WorkflowHandlers<DurableTimer>

/// The handlers of signal deliveries, one per wait purpose (`guard.closed`, `batch.done`…), as
/// the workflows of this ms5 build register them.
public typealias SignalHandlers = WorkflowHandlers<SignalWait>

/// The handlers of what wakes workflow instances — timers firing, signals delivered — one per
/// purpose, as the workflows of this ms5 build register them.
public struct WorkflowHandlers<Trigger: WorkflowTrigger>: Sendable {
    /// What a trigger of a purpose does, in the transaction that marks it done.
    public typealias Handler = @Sendable (Trigger, WorkflowTransaction) async throws -> Void

    private var handlers: [String: Handler] = [:]

    /// Creates an empty set of handlers.
    public init() {}

    /// The purposes with a handler, sorted.
    public var purposes: [String] { handlers.keys.sorted() }

    /// Registers `handler` for the triggers of `purpose`.
    ///
    /// Fails with `invalid` (`/purpose`) when the purpose is not a key, and with `conflict` when
    /// the purpose has a handler already: one purpose means one thing.
    public mutating func register(_ purpose: String, _ handler: @escaping Handler) throws(DomainError) {
        var v = Validator()
        v.code(purpose, "purpose")
        try v.finish()
        guard handlers[purpose] == nil else {
            throw DomainError(.conflict, "The purpose \(purpose) of \(Trigger.noun)s has a handler already.")
        }
        handlers[purpose] = handler
    }

    /// Runs the handler of `trigger`'s purpose in `transaction`.
    ///
    /// Fails with `notFound` when this build has no handler for it (set by a newer version of a
    /// workflow): the trigger then waits, and an instance that has one runs it.
    func run(_ trigger: Trigger, in transaction: WorkflowTransaction) async throws {
        guard let handler = handlers[trigger.purpose] else {
            throw DomainError(
                .notFound, "No handler for \(Trigger.noun)s of purpose \(trigger.purpose) is registered in this ms5; the \(Trigger.noun) waits.")
        }
        try await handler(trigger, transaction)
    }
}
