/// One topic filter requested in SUBSCRIBE, with the maximum QoS wanted.
public struct MQTTSubscription: Sendable, Hashable {
    /// The topic filter, possibly with `+` and `#` wildcards.
    public var filter: String
    /// The highest QoS the broker should deliver with.
    public var qos: MQTTQoS

    /// Creates a subscription request.
    public init(_ filter: String, qos: MQTTQoS = .atLeastOnce) {
        self.filter = filter
        self.qos = qos
    }
}
