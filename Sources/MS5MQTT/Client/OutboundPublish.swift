/// A QoS 1 publish the broker has not acknowledged yet.
struct OutboundPublish: Sendable {
    /// The packet, resent with DUP after a reconnect.
    var packet: MQTTPublishPacket
    /// Whether it has been written to a connection at least once.
    var transmitted: Bool
    /// Resumed when the PUBACK arrives; `nil` for the client's own connect-time publishes.
    let waiter: CheckedContinuation<Void, any Error>?
}
