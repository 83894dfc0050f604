/// Publishing parameters of a subscription as requested or as revised by the server (Part 4, 5.13.2).
public struct SubscriptionParameters: Sendable, Hashable {
    /// Server-assigned subscription id (0 in a request).
    public var subscriptionID: UInt32
    /// Publishing interval in milliseconds.
    public var publishingInterval: Double
    /// Publishing intervals without a Publish request before the subscription expires.
    public var lifetimeCount: UInt32
    /// Publishing intervals without notifications before a keep-alive is sent.
    public var maxKeepAliveCount: UInt32

    /// Creates subscription parameters.
    public init(subscriptionID: UInt32 = 0, publishingInterval: Double, lifetimeCount: UInt32 = 600, maxKeepAliveCount: UInt32 = 10) {
        self.subscriptionID = subscriptionID
        self.publishingInterval = publishingInterval
        self.lifetimeCount = lifetimeCount
        self.maxKeepAliveCount = maxKeepAliveCount
    }
}
