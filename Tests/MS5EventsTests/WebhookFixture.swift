import Foundation
import MS5Domain
import MS5Events
import MS5Retry
import MS5Storage
import MS5TestSupport

/// What the webhook delivery tests share: an endpoint at a real receiver, a subscription, and a
/// delivery service run as a task.
enum WebhookFixture {
    static let secret = "a-secret-of-twenty-chars"

    /// A small body naming the event, standing in for the server's CloudEvents document.
    @Sendable static func render(_ recorded: RecordedEvent) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(["id": recorded.event.id.uuidString.lowercased(), "type": recorded.event.type.rawValue, "position": "\(recorded.position)"])
    }

    /// Registers the receiver at `url` and subscribes it to `types`.
    static func subscribe(_ database: Database, url: String, types: [EventType], siteId: UUID? = nil) async throws -> EventSubscription {
        let endpoint = try await WebhookEndpointStore(database: database).create(WebhookEndpointInput(name: "Receiver", url: url, secret: secret))
        return try await EventSubscriptionStore(database: database).create(
            EventSubscriptionInput(name: "Test", endpointId: endpoint.id, types: types, siteId: siteId))
    }

    /// A delivery service over `database` with short waits, as instance `holder`.
    static func service(_ database: Database, holder: String = "test") -> EventWebhookService {
        var service = EventWebhookService(
            database: database, sender: EventWebhookSender(webhooks: WebhookEndpointStore(database: database), render: render),
            holder: holder, logger: RelayFixture.logger)
        service.checkInterval = .milliseconds(100)
        service.idleWait = .milliseconds(20)
        service.retry = Backoff(initial: .milliseconds(100), maximum: .seconds(300))
        return service
    }

    /// Runs `body` while `services` deliver, then stops them and waits until they have.
    static func running<R: Sendable>(_ services: [EventWebhookService], _ body: () async throws -> R) async throws -> R {
        let tasks = services.map { service in Task { try await service.run() } }
        defer { for task in tasks { task.cancel() } }
        let result = try await body()
        for task in tasks {
            task.cancel()
            try await task.value
        }
        return result
    }
}
