import Foundation
import MS5Domain
import MS5Ingest
import MS5Storage

/// Where people's Andon actions go: each change is stored, then published on the event bus so
/// the live feed and every board see it at once.
public struct AndonDesk: Sendable {
    /// The calls.
    public let calls: AndonCallStore
    let bus: EventBus

    /// Creates the desk over `calls`, publishing on `bus`.
    public init(calls: AndonCallStore, bus: EventBus) {
        self.calls = calls
        self.bus = bus
    }

    /// Raises a call for `username` and announces it (`andon.triggered.v1`).
    public func raise(_ input: AndonCallInput, by username: String) async throws -> AndonCall {
        let event = try await calls.raise(input, by: username)
        announce(event)
        return event.call
    }

    /// Acknowledges, resolves or cancels a call and announces it.
    public func act(_ id: UUID, _ action: AndonCallAction, by username: String) async throws -> AndonCall {
        let event = try await calls.act(id, action, by: username)
        announce(event)
        return event.call
    }

    /// Publishes a step of a call on the bus.
    public func announce(_ event: AndonEvent) {
        bus.publish(.andon(event), lineId: event.call.lineId, equipmentId: event.call.equipmentId)
    }
}
