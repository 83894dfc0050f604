import Foundation
import Logging
import MS5Ingest
import MS5Realtime
import MS5Storage
import ServiceLifecycle
import Synchronization

/// Publishes every plant event of the bus on the live feed, and, on PostgreSQL, relays the feed
/// between ms5 instances.
final class LiveFeed: Service {
    let bus: EventBus
    let hub: RealtimeHub
    let database: Database
    let logger: Logger
    private let lines = Mutex<[UUID: UUID]>([:])

    init(bus: EventBus, hub: RealtimeHub, database: Database, logger: Logger) {
        self.bus = bus
        self.hub = hub
        self.database = database
        self.logger = logger
    }

    func run() async throws {
        let events = bus.subscribe()
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await self.relay() }
            for await event in events.cancelOnGracefulShutdown() {
                await publish(event)
            }
            group.cancelAll()
        }
    }

    private func publish(_ event: PlantEvent) async {
        do {
            for live in try LiveEvents.realtime(event, lineId: try await line(of: event.equipmentId)) {
                hub.publish(live)
            }
        } catch {
            logger.warning("A plant event could not be put on the live feed", metadata: ["error": "\(error)"])
        }
    }

    /// The line of an equipment, reading the plant again for one not seen before.
    private func line(of equipmentId: UUID?) async throws -> UUID? {
        guard let equipmentId else { return nil }
        if let known = lines.withLock({ $0[equipmentId] }) { return known }
        let current = try await EquipmentRepository(database: database).lineIds()
        lines.withLock { $0 = current }
        return current[equipmentId]
    }

    /// Runs the hub's relay to the other instances while the service runs (its relay reconnects
    /// by itself).
    private func relay() async {
        do {
            try await hub.run()
        } catch {
            logger.error("The live feed's link to the other instances stopped", metadata: ["error": "\(error)"])
        }
    }
}
