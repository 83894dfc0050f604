import Logging
import MS5Storage
import ServiceLifecycle

/// On PostgreSQL, wakes this instance's outbox followers (the Kafka relay, the stop publisher,
/// webhooks) when any instance commits events, so that they need not wait for their next look.
/// A lost listening connection is opened again with backoff; meanwhile the followers look at
/// their idle interval.
struct OutboxCommitListener: Service {
    let log: EventLog
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var delay = Duration.milliseconds(250)
            while !Task.isCancelled {
                do {
                    try await log.listenForCommits()
                    delay = .milliseconds(250)
                } catch {
                    if Task.isCancelled { return }
                    logger.warning("Listening for the outbox's commits failed; trying again", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(10))
            }
        }
    }
}
