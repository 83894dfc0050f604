import Foundation
import Logging
import MS5Domain
import MS5Storage
import ServiceLifecycle

/// Runs the durable workflow core every `interval`: fires the timers that have come due, gives
/// count waits whose pieces were made their signal, delivers the signals waits took (from
/// counts, from people, and from the machine events the outbox consumer `workflow-signals`
/// matches), each through the handler registered for its purpose, and escalates overdue human
/// tasks by their chains.
///
/// Timers, signal waits and escalations live in the database, so a restart carries on where the
/// last run stopped — what came due while ms5 was down fires on its first round — and several
/// ms5 instances on one database fire each timer, deliver each signal and escalate each task to
/// a level exactly once.
public struct WorkflowEngine: Service {
    /// Most timers fired, or tasks escalated, in one batch; a round takes batches until the
    /// backlog is gone.
    public static let batchSize = 100

    let workflows: WorkflowStore
    let tasks: HumanTaskStore
    let handlers: TimerHandlers
    let signalHandlers: SignalHandlers
    let interval: Duration
    let logger: Logger

    /// Creates the engine over `database` with the timer `handlers` and `signalHandlers` of this
    /// build, a round every `interval`; `clock` tells the time (tests pass their own).
    public init(
        database: Database, handlers: TimerHandlers = TimerHandlers(), signalHandlers: SignalHandlers = SignalHandlers(),
        interval: Duration = .seconds(1), clock: (@Sendable () -> Date)? = nil, logger: Logger
    ) {
        self.workflows = WorkflowStore(database: database, clock: clock)
        self.tasks = HumanTaskStore(database: database, clock: clock)
        self.handlers = handlers
        self.signalHandlers = signalHandlers
        self.interval = interval
        self.logger = logger
    }

    /// Fires what is due now, delivers the signals taken, and escalates what is overdue, once;
    /// answers what this instance did.
    @discardableResult
    public func runDue() async throws -> WorkflowRound {
        var round = WorkflowRound()
        let handlers = self.handlers
        var batch: TimerRound
        repeat {
            batch = try await workflows.fireDue(limit: Self.batchSize) { timer, transaction in
                try await handlers.run(timer, in: transaction)
            }
            round.timers.fired += batch.fired
            round.timers.failed += batch.failed
        } while batch.fired.count + batch.failed.count == Self.batchSize && !Task.isCancelled
        for failure in round.timers.failed {
            logger.warning("A workflow timer's handler failed; it is tried again later", metadata: [
                "timer": "\(failure.timer.id)", "purpose": "\(failure.timer.purpose)", "attempts": "\(failure.attempts)",
                "retryAt": "\(failure.retryAt.ISO8601Format())", "error": "\(failure.error)",
            ])
        }
        round.signals = try await deliverSignals()
        var escalations: [HumanTaskEvent]
        repeat {
            escalations = try await tasks.escalateDue(limit: Self.batchSize)
            round.escalations += escalations
        } while escalations.count == Self.batchSize && !Task.isCancelled
        for event in round.escalations {
            logger.notice("Workflow task escalated", metadata: [
                "task": "\(event.task.id)", "type": "\(event.task.type)", "level": "\(event.task.escalationLevel)",
            ])
        }
        return round
    }

    /// Gives count waits their signal, then delivers every signal taken, in batches.
    private func deliverSignals() async throws -> SignalRound {
        _ = try await workflows.takeCounts()
        var round = SignalRound()
        let handlers = signalHandlers
        var batch: SignalRound
        repeat {
            batch = try await workflows.deliverTaken(limit: Self.batchSize) { wait, transaction in
                try await handlers.run(wait, in: transaction)
            }
            round.delivered += batch.delivered
            round.failed += batch.failed
        } while batch.delivered.count + batch.failed.count == Self.batchSize && !Task.isCancelled
        for failure in round.failed {
            logger.warning("A workflow signal's handler failed; it is tried again later", metadata: [
                "wait": "\(failure.wait.id)", "purpose": "\(failure.wait.purpose)", "attempts": "\(failure.attempts)",
                "retryAt": "\(failure.retryAt.ISO8601Format())", "error": "\(failure.error)",
            ])
        }
        return round
    }

    /// Runs until graceful shutdown.
    public func run() async throws {
        logger.info("Workflow engine running", metadata: [
            "timerPurposes": "\(handlers.purposes.joined(separator: ","))", "signalPurposes": "\(signalHandlers.purposes.joined(separator: ","))",
        ])
        // Graceful shutdown cancels the wait between rounds, so ms5 stops at once.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                // The first round waits too, while the server migrates its database and starts.
                do { try await Task.sleep(for: interval) } catch { return }
                do {
                    try await runDue()
                } catch {
                    // A round cut short by shutdown is no failure.
                    if Task.isCancelled || error is CancellationError { return }
                    logger.warning("Running the workflow engine's due work failed; trying again", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
