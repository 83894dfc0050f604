import Foundation
import MS5Andon
import MS5Domain
import MS5Storage

/// POSTs one event to a subscribed webhook endpoint: the event's CloudEvents JSON, signed like
/// Andon's webhooks, with the event id as `X-MS5-Delivery` and `Idempotency-Key` (the same on
/// every attempt, so that a receiver drops repeats by it) and the `ce-` attributes as headers.
public struct EventWebhookSender: Sendable {
    let webhooks: WebhookEndpointStore
    let transport: any WebhookTransport
    /// The body of an event: its JSON exactly as `/v1/events` serves it.
    let render: @Sendable (RecordedEvent) throws -> Data
    let timeout: Duration
    let clock: @Sendable () -> Date

    /// Creates the sender; `render` makes an event's body.
    public init(
        webhooks: WebhookEndpointStore, transport: any WebhookTransport = URLSessionWebhookTransport(),
        render: @escaping @Sendable (RecordedEvent) throws -> Data, timeout: Duration = .seconds(10),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.webhooks = webhooks
        self.transport = transport
        self.render = render
        self.timeout = timeout
        self.clock = clock
    }

    /// Sends `recorded` to the endpoint `endpointId`; throws when it is gone or disabled, when
    /// nothing answered, or when the receiver answered anything but 2xx.
    public func send(_ recorded: RecordedEvent, to endpointId: UUID) async throws {
        guard let signing = try await webhooks.signing(endpointId) else { throw EventWebhookFailure("the webhook endpoint no longer exists") }
        guard signing.endpoint.enabled else { throw EventWebhookFailure("the webhook endpoint is disabled") }
        guard let url = URL(string: signing.endpoint.url) else { throw EventWebhookFailure("the endpoint's URL does not parse") }
        let body = try render(recorded)
        let event = recorded.event
        let id = event.id.uuidString.lowercased()
        let timestamp = Int(clock().timeIntervalSince1970)
        let status = try await transport.post(body, to: url, headers: [
            "Content-Type": "application/cloudevents+json",
            "X-MS5-Event": event.type.rawValue,
            "X-MS5-Delivery": id,
            "Idempotency-Key": id,
            "X-MS5-Timestamp": "\(timestamp)",
            "X-MS5-Signature": WebhookSignature.header(body: body, timestamp: timestamp, secret: signing.secret),
            "ce-specversion": CanonicalEvent.specVersion,
            "ce-id": id,
            "ce-type": event.type.rawValue,
            "ce-source": event.source,
            "ce-subject": event.subject,
        ], timeout: timeout)
        guard (200..<300).contains(status) else { throw EventWebhookFailure("the receiver answered HTTP \(status)") }
    }
}

/// Why an event was not delivered, in words for the subscription's state.
struct EventWebhookFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
