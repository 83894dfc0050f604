import Synchronization

/// A flag one task sets and another reads.
final class CompletionFlag: Sendable {
    private let value = Atomic(false)

    /// Whether ``set()`` was called.
    var isSet: Bool { value.load(ordering: .sequentiallyConsistent) }

    /// Sets the flag.
    func set() {
        value.store(true, ordering: .sequentiallyConsistent)
    }
}
