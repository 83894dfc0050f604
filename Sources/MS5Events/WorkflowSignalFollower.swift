import Foundation
import Logging
import MS5Domain
import MS5Storage
import ServiceLifecycle

/// Gives workflow instances waiting for a machine state change or fault their signal: it
/// follows `machine.state.changed.v1` and `machine.fault.v1` in the outbox as the consumer
/// `workflow-signals` and hands each batch to the signal waits; the workflow engine delivers
/// what they took.
///
/// Its place in the outbox is stored, so an event committed while ms5 was down is matched after
/// the restart; a batch handed over twice (after a crash or a takeover) gives no wait a second
/// signal, since a wait takes one by compare-and-set.
public struct WorkflowSignalFollower: Service {
    /// The outbox consumer's name.
    public static let consumer = "workflow-signals"
    /// The events that can be signals.
    public static let filter = EventFilter(types: [.machineStateChanged, .machineFault])

    let follower: OutboxFollower
    let log: EventLog
    let workflows: WorkflowStore
    let logger: Logger

    /// Creates the follower over `database`, holding the consumer's lease as `holder`; `clock`
    /// tells the time signals are taken at (tests pass their own).
    public init(database: Database, holder: String, clock: (@Sendable () -> Date)? = nil, logger: Logger) {
        let log = EventLog(database: database)
        self.follower = OutboxFollower(
            log: log, lease: ConsumerLease(database: database, consumer: Self.consumer, holder: holder), filter: Self.filter, logger: logger)
        self.log = log
        self.workflows = WorkflowStore(database: database, clock: clock)
        self.logger = logger
    }

    /// Follows the outbox until graceful shutdown.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await follow()
        }
    }

    /// Follows the outbox until the task is cancelled. A consumer that never ran starts where
    /// the oldest waiting machine wait began, or at the head when none waits.
    public func follow() async {
        let (log, workflows) = (log, workflows)
        await follower.run(startingAfter: {
            if let start = try await workflows.machineSignalsStart() { return start }
            return try await log.head()
        }) { batch in
            try await handle(batch)
        }
    }

    /// Gives the waits the batch's events match their signal; answers the batch's last position.
    func handle(_ batch: [RecordedEvent]) async throws -> Int64 {
        let taken = try await workflows.takeSignals(from: batch)
        for wait in taken {
            logger.debug("A workflow signal wait took a machine signal", metadata: ["wait": "\(wait.id)", "purpose": "\(wait.purpose)"])
        }
        return batch[batch.count - 1].position
    }
}
