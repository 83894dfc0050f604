/// A SUBSCRIBE awaiting its SUBACK.
struct PendingSubscribe: Sendable {
    /// The packet, resent unchanged after a reconnect.
    let packet: MQTTSubscribePacket
    /// The caller to resume, or `nil` for the client's own re-subscription after a reconnect.
    let waiter: CheckedContinuation<Void, any Error>?
}
