import Logging
import ServiceLifecycle
import Synchronization

/// Runs the background services only once the server has brought the schema up to date (and
/// the demo has made its plant), so that none of them reads a table that is not there yet.
///
/// The database itself runs outside it: PostgreSQL's pool must be running for the migrations.
final class AfterSchemaIsCurrent: Service {
    private enum Gate {
        case waiting(CheckedContinuation<Void, Never>?)
        case open
        /// Shut down before it opened: the services never start.
        case abandoned
    }

    private let services: ServiceGroup
    private let gate = Mutex(Gate.waiting(nil))

    /// Holds `services` back until ``open()``.
    init(_ services: [any Service], logger: Logger) {
        self.services = ServiceGroup(configuration: .init(services: services, logger: logger))
    }

    /// Lets the services start: called once the schema is current.
    func open() {
        settle(.open)
    }

    /// Waits for ``open()``, then runs the services until shutdown; returns at once when shut
    /// down before that.
    func run() async throws {
        await cancelWhenGracefulShutdown {
            await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    let waiting = self.gate.withLock { gate in
                        guard case .waiting = gate else { return false }
                        gate = .waiting(continuation)
                        return true
                    }
                    if !waiting { continuation.resume() }
                }
            } onCancel: {
                self.settle(.abandoned)
            }
        }
        guard case .open = gate.withLock({ $0 }) else { return }
        try await services.run()
    }

    /// Moves a waiting gate to `outcome` and wakes the waiter; a settled gate stays as it is.
    private func settle(_ outcome: Gate) {
        let waiter: CheckedContinuation<Void, Never>? = gate.withLock { gate in
            guard case .waiting(let waiter) = gate else { return nil }
            gate = outcome
            return waiter
        }
        waiter?.resume()
    }
}
