import Foundation
import MS5Domain
import MS5Storage

/// What a durable timer's firing does. It runs in the transaction that marks the timer fired:
/// what it changes through the ``WorkflowTransaction`` commits with the firing, or, when it
/// throws, rolls back with it and the timer is tried again later.
public typealias TimerHandler = @Sendable (DurableTimer, WorkflowTransaction) async throws -> Void

/// The handlers of durable timers, one per timer purpose (`task.remind`, `window.close`…), as the
/// workflows of this ms5 build register them.
public struct TimerHandlers: Sendable {
    private var handlers: [String: TimerHandler] = [:]

    /// Creates an empty set of handlers.
    public init() {}

    /// The purposes with a handler, sorted.
    public var purposes: [String] { handlers.keys.sorted() }

    /// Registers `handler` for the timers of `purpose`.
    ///
    /// Fails with `invalid` (`/purpose`) when the purpose is not a key, and with `conflict` when
    /// the purpose has a handler already: one purpose means one thing.
    public mutating func register(_ purpose: String, _ handler: @escaping TimerHandler) throws(DomainError) {
        var v = Validator()
        v.code(purpose, "purpose")
        try v.finish()
        guard handlers[purpose] == nil else {
            throw DomainError(.conflict, "Timers of purpose \(purpose) have a handler already.")
        }
        handlers[purpose] = handler
    }

    /// Runs the handler of `timer`'s purpose in `transaction`.
    ///
    /// Fails with `notFound` when this build has no handler for it (a timer set by a newer
    /// version of a workflow): the timer then waits, and an instance that has one fires it.
    func run(_ timer: DurableTimer, in transaction: WorkflowTransaction) async throws {
        guard let handler = handlers[timer.purpose] else {
            throw DomainError(.notFound, "No handler for timers of purpose \(timer.purpose) is registered in this ms5; the timer waits.")
        }
        try await handler(timer, transaction)
    }
}
