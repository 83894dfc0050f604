import Foundation
import Logging
import MS5Domain
import MS5Retry
import MS5Storage
import ServiceLifecycle

/// Delivers the outbox to subscribed webhook endpoints. Each enabled subscription is its own
/// outbox consumer (`webhook:<id>`) run by an ``OutboxFollower``: one instance delivers it at a
/// time, in order, at least once, from where it stopped. The position moves after each
/// delivery, so a crash leaves at most one event in doubt (sent again with the same
/// `Idempotency-Key`). A failing receiver is tried again with growing waits and holds up only
/// its own subscription.
///
/// The service looks at the subscriptions every ``checkInterval`` and starts, restarts (after a
/// change) or stops their followers.
public struct EventWebhookService: Service {
    let database: Database
    let subscriptions: EventSubscriptionStore
    let sender: EventWebhookSender
    /// Names this instance in the subscriptions' leases.
    let holder: String
    /// How often the subscriptions are read again.
    public var checkInterval: Duration = .seconds(2)
    /// How long a subscription's lease lasts unrenewed: another instance takes over within it.
    /// Longer than a POST may take, so that a slow receiver does not lose it mid-delivery.
    public var leaseLength: Duration = .seconds(30)
    /// How often an idle subscription looks for new events.
    public var idleWait: Duration = .milliseconds(200)
    /// The waits after failed deliveries (by default ``defaultRetry``).
    public var retry = Self.defaultRetry
    /// 1 s after a failed delivery, doubling with each failure in a row up to 5 minutes.
    public static let defaultRetry = Backoff(initial: .seconds(1), maximum: .seconds(300))
    let logger: Logger

    /// Creates the service over `database`, sending with `sender`, as the instance `holder`.
    public init(database: Database, sender: EventWebhookSender, holder: String, logger: Logger) {
        self.database = database
        self.subscriptions = EventSubscriptionStore(database: database)
        self.sender = sender
        self.holder = holder
        self.logger = logger
    }

    /// Runs the followers until graceful shutdown, then stops them and gives their leases up.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            var running: [UUID: (subscription: EventSubscription, task: Task<Void, Never>)] = [:]
            while !Task.isCancelled {
                do {
                    let wanted = Dictionary(uniqueKeysWithValues: try await subscriptions.enabled().map { ($0.id, $0) })
                    for (id, entry) in running where wanted[id] != entry.subscription {
                        entry.task.cancel()
                        await entry.task.value
                        running[id] = nil
                        if wanted[id] == nil { try await subscriptions.forgetConsumer(ofDeleted: id) }
                    }
                    for (id, subscription) in wanted where running[id] == nil {
                        running[id] = (subscription, Task { await follow(subscription) })
                    }
                } catch {
                    if Task.isCancelled || error is CancellationError { break }
                    logger.warning("Reading the event subscriptions failed; trying again", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: checkInterval)
            }
            for entry in running.values { entry.task.cancel() }
            for entry in running.values { await entry.task.value }
        }
    }

    /// Delivers `subscription` until cancelled, one event at a time.
    func follow(_ subscription: EventSubscription) async {
        let log = EventLog(database: database)
        let follower = OutboxFollower(
            log: log, lease: ConsumerLease(database: database, consumer: subscription.consumer, holder: holder, length: leaseLength),
            filter: subscription.filter, batchSize: 1, idleWait: idleWait, retry: retry,
            logger: logger)
        await follower.run(startingAfter: { try await log.head() }) { batch in
            let recorded = batch[0]
            return await deliver(recorded, for: subscription) ? recorded.position : recorded.position - 1
        }
    }

    /// Sends one event and records the outcome; answers whether the receiver took it.
    func deliver(_ recorded: RecordedEvent, for subscription: EventSubscription) async -> Bool {
        do {
            try await sender.send(recorded, to: subscription.endpointId)
        } catch {
            let failures = try? await subscriptions.recordFailure(subscription.id, error: "\(error)")
            logger.warning("An event was not delivered to a webhook; trying again", metadata: [
                "subscription": "\(subscription.id)", "event": "\(recorded.event.id)", "position": "\(recorded.position)",
                "failures": "\(failures.map { "\($0)" } ?? "?")", "error": "\(error)",
            ])
            return false
        }
        do {
            // Counted even when the service is stopping: the receiver has the event.
            let subscriptions = subscriptions
            try await Task { try await subscriptions.recordDelivery(subscription.id) }.value
        } catch {
            // It was delivered: the position moves on even when the count could not be kept.
            logger.warning("A webhook delivery was not counted", metadata: ["subscription": "\(subscription.id)", "error": "\(error)"])
        }
        return true
    }
}
