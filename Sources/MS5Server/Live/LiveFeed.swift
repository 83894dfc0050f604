import Foundation
import Logging
import MS5Domain
import MS5Ingest
import MS5Realtime
import MS5Storage
import ServiceLifecycle
import Synchronization

/// Publishes the plant's events on the live feed: states, faults, stops and Andon steps as the
/// outbox holds them (each instance reads it itself, so a client resumes by outbox position on
/// any instance, restarted or not), latest values from the bus, relayed between instances on
/// PostgreSQL.
final class LiveFeed: Service {
    let bus: EventBus
    let hub: RealtimeHub
    let database: Database
    let log: EventLog
    /// The longest wait before reading the outbox again when it had nothing new; a commit that
    /// writes events ends the wait at once.
    let idleWait: Duration
    let logger: Logger
    private let lines = Mutex<[UUID: UUID]>([:])

    init(bus: EventBus, hub: RealtimeHub, database: Database, idleWait: Duration = .milliseconds(250), logger: Logger) {
        self.bus = bus
        self.hub = hub
        self.database = database
        self.log = EventLog(database: database)
        self.idleWait = idleWait
        self.logger = logger
    }

    func run() async throws {
        let events = bus.subscribe()
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await self.relay() }
            group.addTask { await self.followOutbox() }
            for await event in events.cancelOnGracefulShutdown() {
                await publish(event)
            }
            group.cancelAll()
        }
    }

    /// Hands the hub the last outbox events it can hold, written before this start, without
    /// sending them to anyone; answers the position they reach.
    private func rememberRecentOutbox() async throws -> Int64 {
        let head = try await log.head()
        var position = max(0, head - Int64(hub.configuration.replayCapacity))
        hub.startOutbox(after: position)
        while position < head {
            let batch = try await log.events(after: position, limit: 500)
            guard let last = batch.last?.position else { break }
            for recorded in batch {
                if let live = try? LiveEvents.realtime(recorded) { hub.remember(live) }
            }
            position = last
        }
        return position
    }

    /// Publishes the outbox's events in order from where this instance started, after handing
    /// the hub the recent ones, so that clients resuming after a restart are served from memory.
    private func followOutbox() async {
        var position: Int64?
        while !Task.isCancelled {
            do {
                if position == nil { position = try await rememberRecentOutbox() }
                let mark = log.commitMark
                let batch = try await log.events(after: position ?? 0, limit: 500)
                guard let last = batch.last?.position else {
                    // Woken by the next commit that writes events, as the outbox followers are.
                    await log.waitForEvents(after: mark, upTo: idleWait)
                    continue
                }
                for recorded in batch {
                    do {
                        hub.publish(try LiveEvents.realtime(recorded))
                    } catch {
                        logger.warning("An outbox event could not be put on the live feed", metadata: ["position": "\(recorded.position)", "error": "\(error)"])
                    }
                }
                position = last
            } catch {
                if Task.isCancelled { return }
                logger.warning("Reading the outbox for the live feed failed; trying again", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
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
