import Synchronization

/// Whether the transaction under way wrote events to the outbox: ``Database/transaction(_:)``
/// gives each transaction one, `Outbox.append` marks it, and after the commit the database
/// wakes the outbox's followers only when it is marked.
final class OutboxWrites: Sendable {
    /// The marker of the transaction this task runs in, nil outside one.
    @TaskLocal static var current: OutboxWrites?

    private let written = Atomic<Bool>(false)

    /// Whether the transaction wrote events.
    var happened: Bool { written.load(ordering: .acquiring) }

    /// Records that the transaction wrote events.
    func mark() {
        written.store(true, ordering: .releasing)
    }
}
