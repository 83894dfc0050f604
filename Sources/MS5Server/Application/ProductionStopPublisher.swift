import Crypto
import Foundation
import Logging
import MS5Domain
import MS5Events
import MS5Ingest
import MS5Storage
import ServiceLifecycle

/// Turns the end of every stop during planned production into a `production.stop.*.v1` event:
/// it follows `machine.state.changed.v1` in the outbox and, when an equipment's timeline moves
/// from a non-running state to running, derives the stop that ended as the performance reports
/// derive it (planned busy time, first-out fault, operators' codings), writes it to the outbox
/// and announces it on the bus for Andon rules and the live feed. Equipment of lines without
/// production settings, and stops outside planned busy time, publish nothing.
///
/// Its place in the outbox is stored, so a stop whose end committed just before a crash is
/// published after the restart; a stop derived twice keeps one id and is written once.
struct ProductionStopPublisher: Service {
    /// The outbox consumer's name.
    static let consumer = "production-stops"

    let follower: OutboxFollower
    let log: EventLog
    let outbox: Outbox
    let bus: EventBus
    let reports: ProductionReports
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            // A new consumer starts with the stops that end from now on.
            await follower.run(startingAfter: { try await log.head() }) { batch in
                try await handle(batch)
            }
        }
    }

    /// Publishes the stops the batch's state changes ended; answers how far it got.
    func handle(_ batch: [RecordedEvent]) async throws -> Int64 {
        var done = batch[0].position - 1
        for recorded in batch {
            if recorded.event.type == .machineStateChanged, let equipmentId = recorded.event.placement.equipmentId {
                let change = try EventData.decode(StateChange.self, from: recorded.event.data)
                do {
                    try await publishStop(endedBy: change, equipmentId: equipmentId, placement: recorded.event.placement)
                } catch {
                    logger.warning("The stop that just ended was not published yet", metadata: ["equipment": "\(equipmentId)", "error": "\(error)"])
                    return done
                }
            }
            done = recorded.position
        }
        return done
    }

    /// Publishes the stop that `change` ended, if it ended one.
    func publishStop(endedBy change: StateChange, equipmentId: UUID, placement: EventPlacement) async throws {
        guard let closed = change.closed, closed.state != .running, change.opened.state == .running else { return }
        let stop: ProductionStopEvent
        do {
            guard let derived = try await reports.stopEvent(equipmentId: equipmentId, endingAt: change.opened.start) else { return }
            stop = derived
        } catch let error as DomainError where error.code == .conflict {
            return  // the line has no production settings: no planned production, no stops
        }
        var event = try CanonicalEvent.productionStop(stop, placement: placement)
        event.id = Self.eventId(of: stop, type: event.type)
        if try await outbox.publishOnce(event) {
            bus.publish(.productionStop(stop), equipmentId: equipmentId)
        }
    }

    /// The one id of a stop's event of `type`, the same however often the stop is derived.
    static func eventId(of stop: ProductionStopEvent, type: EventType) -> UUID {
        let name = "\(type.rawValue)/\(stop.equipmentId.uuidString.lowercased())/\(EventData.time(stop.stop.start))"
        var bytes = Array(SHA256.hash(data: Data(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // version 8: a name-based UUID of our own
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
