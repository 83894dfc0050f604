import Foundation

/// A subscription with its delivery state, as `GET /v1/event-subscriptions/{id}` answers: the
/// subscription's fields and `state`.
public struct EventSubscriptionDetail: Codable, Sendable, Equatable {
    public var subscription: EventSubscription
    public var state: EventSubscriptionState

    private enum CodingKeys: String, CodingKey { case state }

    /// Creates a detail.
    public init(subscription: EventSubscription, state: EventSubscriptionState) {
        self.subscription = subscription
        self.state = state
    }

    public init(from decoder: any Decoder) throws {
        subscription = try EventSubscription(from: decoder)
        state = try decoder.container(keyedBy: CodingKeys.self).decode(EventSubscriptionState.self, forKey: .state)
    }

    public func encode(to encoder: any Encoder) throws {
        try subscription.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(state, forKey: .state)
    }
}
