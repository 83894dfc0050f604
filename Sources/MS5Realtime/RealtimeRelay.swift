/// Carries events between the hubs of several MS5 instances (e.g. PostgreSQL LISTEN/NOTIFY).
///
/// The hub hands every locally published event to ``publish(_:)`` and publishes every envelope
/// from ``incoming()`` locally, skipping those whose `origin` is its own ``RealtimeHub/instanceID``
/// (so a transport that echoes to the sender, as NOTIFY does, needs no filtering of its own).
/// Events from the relay are never sent back to it. Each hub numbers events itself.
public protocol RealtimeRelay: Sendable {
    /// Sends a locally published event to the other instances.
    func publish(_ envelope: RealtimeRelayEnvelope) async throws
    /// Events published by instances (possibly including this one); called once per ``RealtimeHub/run()``.
    func incoming() -> any AsyncSequence<RealtimeRelayEnvelope, any Error>
}
