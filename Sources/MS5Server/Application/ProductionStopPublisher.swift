import Foundation
import Logging
import MS5Domain
import MS5Ingest
import MS5Storage
import ServiceLifecycle

/// Turns the end of every stop during planned production into a `production.stop.*.v1` event
/// on the bus: when an equipment's timeline moves from a non-running state to running, the stop
/// that ended is derived as the performance reports derive it (planned busy time, first-out
/// fault, operators' codings) and published. Equipment of lines without production settings,
/// and stops outside planned busy time, publish nothing.
struct ProductionStopPublisher: Service {
    let bus: EventBus
    let reports: ProductionReports
    let logger: Logger

    func run() async throws {
        let events = bus.subscribe()
        await cancelWhenGracefulShutdown {
            for await event in events {
                guard case .state(let change) = event.kind, let equipmentId = event.equipmentId else { continue }
                await publishStop(endedBy: change, equipmentId: equipmentId)
            }
        }
    }

    /// Publishes the stop that `change` ended, if it ended one.
    func publishStop(endedBy change: StateChange, equipmentId: UUID) async {
        guard let closed = change.closed, closed.state != .running, change.opened.state == .running else { return }
        let end = change.opened.start
        do {
            guard let stop = try await reports.stopEvent(equipmentId: equipmentId, endingAt: end) else { return }
            bus.publish(.productionStop(stop), equipmentId: equipmentId)
        } catch let error as DomainError where error.code == .conflict {
            return  // the line has no production settings: no planned production, no stops
        } catch {
            logger.warning("The stop that just ended was not published", metadata: ["equipment": "\(equipmentId)", "error": "\(error)"])
        }
    }
}
