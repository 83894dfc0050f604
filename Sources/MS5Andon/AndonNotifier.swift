import Foundation
import Logging
import MS5Domain
import MS5Retry
import MS5Storage
import ServiceLifecycle

/// Delivers the notification outbox: signed webhook POSTs, e-mails, and in-app notices (those
/// travel with the call's event on the live feed). Each notification is claimed by one instance;
/// a failed one is retried on the ``retry`` schedule (by default 5 s doubling up to 10 minutes,
/// given up after the sixth attempt) and its last error kept in the log.
/// A webhook POST carries the notification's id as `X-MS5-Delivery` and `Idempotency-Key`, the
/// same on every attempt, so that a receiver drops a repeat (sent again when an instance died
/// between sending and recording it).
public struct AndonNotifier: Service {
    let notifications: AndonNotificationStore
    let webhooks: WebhookEndpointStore
    let webhookTransport: any WebhookTransport
    let mail: (any MailTransport)?
    let retry: Backoff
    let interval: Duration
    let clock: @Sendable () -> Date
    let logger: Logger

    /// The retries of a notification that failed: 5 s after the first attempt, doubling up to 10
    /// minutes, given up after the sixth attempt (five retries).
    public static let defaultRetry = Backoff(initial: .seconds(5), maximum: .seconds(600), maximumRetries: 5)

    /// Creates the notifier; without `mail`, e-mail notifications fail with a clear error.
    public init(
        notifications: AndonNotificationStore, webhooks: WebhookEndpointStore, webhookTransport: any WebhookTransport = URLSessionWebhookTransport(),
        mail: (any MailTransport)? = nil, retry: Backoff = AndonNotifier.defaultRetry, interval: Duration = .seconds(1),
        clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) {
        self.notifications = notifications
        self.webhooks = webhooks
        self.webhookTransport = webhookTransport
        self.mail = mail
        self.retry = retry
        self.interval = interval
        self.clock = clock
        self.logger = logger
    }

    /// Delivers what is due now, once; returns how many were claimed by this instance.
    @discardableResult
    public func deliverDue() async throws -> Int {
        let claimed = try await notifications.claimDue()
        for item in claimed {
            // Those claimed together are sent one after another: each claim is renewed before
            // its message goes, so that none runs out while earlier ones are sent.
            guard try await notifications.renewClaim(item.notification) else { continue }
            do {
                try await deliver(item)
                try await notifications.markSent(item.notification.id)
            } catch {
                let retryAt = retry.retryAt(afterFailures: item.notification.attempts, now: clock())
                logger.warning("An Andon notification was not delivered", metadata: [
                    "channel": "\(item.notification.channel.rawValue)", "target": "\(item.notification.target)",
                    "attempt": "\(item.notification.attempts)", "error": "\(error)", "retry": "\(retryAt.map { "\($0)" } ?? "no")",
                ])
                try await notifications.markFailed(item.notification.id, error: "\(error)", retryAt: retryAt)
            }
        }
        return claimed.count
    }

    /// Runs until graceful shutdown.
    public func run() async throws {
        // Graceful shutdown cancels the wait between rounds, so ms5 stops at once.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                // The first round waits too, while the server migrates its database and starts.
                do { try await Task.sleep(for: interval) } catch { return }
                do {
                    try await deliverDue()
                } catch {
                    logger.warning("Delivering Andon notifications failed; trying again", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    private func deliver(_ item: AndonNotificationStore.Claimed) async throws {
        let message = AndonMessage(notification: item.notification, call: item.call)
        switch item.notification.channel {
        case .app:
            // The call's event on the live feed carries the level's roles and users.
            return
        case .webhook:
            guard let id = UUID(uuidString: item.notification.target), let signing = try await webhooks.signing(id) else {
                throw DeliveryFailure("the webhook endpoint no longer exists")
            }
            guard signing.endpoint.enabled else { throw DeliveryFailure("the webhook endpoint is disabled") }
            guard let url = URL(string: signing.endpoint.url) else { throw DeliveryFailure("the endpoint's URL does not parse") }
            let body = try message.json()
            let timestamp = Int(clock().timeIntervalSince1970)
            let status = try await webhookTransport.post(body, to: url, headers: [
                "Content-Type": "application/json",
                "X-MS5-Event": message.type,
                "X-MS5-Delivery": item.notification.id.uuidString.lowercased(),
                "Idempotency-Key": item.notification.id.uuidString.lowercased(),
                "X-MS5-Timestamp": "\(timestamp)",
                "X-MS5-Signature": WebhookSignature.header(body: body, timestamp: timestamp, secret: signing.secret),
            ], timeout: .seconds(10))
            guard (200..<300).contains(status) else { throw DeliveryFailure("the receiver answered HTTP \(status)") }
        case .email:
            guard let mail else { throw DeliveryFailure("no SMTP server is configured (mail.host)") }
            try await mail.send(to: item.notification.target, subject: message.subject, body: message.text)
        }
    }
}

/// Why a notification was not delivered, in words for the delivery log.
struct DeliveryFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
