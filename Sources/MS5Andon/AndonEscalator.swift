import Logging
import MS5Domain
import MS5Storage
import ServiceLifecycle

/// Moves calls whose level ran out to the next level, every `interval`, and announces each
/// escalation (`andon.escalated.v1`). The timers are the calls' rows, so a restart picks up where
/// the last run stopped, and several instances on one database escalate each call exactly once.
public struct AndonEscalator: Service {
    let desk: AndonDesk
    let interval: Duration
    let logger: Logger

    /// Creates the escalator.
    public init(desk: AndonDesk, interval: Duration = .seconds(1), logger: Logger) {
        self.desk = desk
        self.interval = interval
        self.logger = logger
    }

    /// Escalates what is due now, once; returns the escalations this instance made.
    @discardableResult
    public func escalateDue() async throws -> [AndonEvent] {
        let events = try await desk.calls.escalateDue()
        for event in events {
            logger.notice("Andon call escalated", metadata: [
                "call": "\(event.call.id)", "level": "\(event.call.level)", "category": "\(event.call.category.rawValue)",
            ])
            desk.announce(event)
        }
        return events
    }

    /// Runs until graceful shutdown.
    public func run() async throws {
        // Graceful shutdown cancels the wait between rounds, so ms5 stops at once.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                // The first round waits too, while the server migrates its database and starts.
                do { try await Task.sleep(for: interval) } catch { return }
                do {
                    try await escalateDue()
                } catch {
                    logger.warning("Escalating Andon calls failed; trying again", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
