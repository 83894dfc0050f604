import Foundation
import Logging
import MS5Domain
import MS5Realtime
import MS5Storage
import ServiceLifecycle

/// Puts each line's OEE for the current shift on the live feed (`oee:{line}` and `line:{line}`)
/// every `interval`, taken at the line's constraint equipment as the performance endpoints take it.
struct LiveOEE: Service {
    let reports: ProductionReports
    let settings: LineSettingsStore
    let hub: RealtimeHub
    let interval: Duration
    let logger: Logger

    init(database: Database, hub: RealtimeHub, interval: Duration = .seconds(30), logger: Logger) {
        reports = ProductionReports(database: database)
        settings = LineSettingsStore(database: database)
        self.hub = hub
        self.interval = interval
        self.logger = logger
    }

    func run() async throws {
        // Graceful shutdown cancels the wait between rounds, so ms5 stops at once.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                // The first round waits too, while the server migrates its database and starts.
                do { try await Task.sleep(for: interval) } catch { return }
                do {
                    try await publishAll(now: Date())
                } catch {
                    logger.warning("The live OEE could not be computed; trying again", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    /// Publishes the current shift's OEE of every line with a constraint equipment.
    func publishAll(now: Date) async throws {
        for case let (lineId, constraint?) in try await settings.configuredLines() {
            // The last 9 hours hold the current shift of any pattern up to 8-hour shifts whole,
            // and the running part of longer ones.
            let periods = try await reports.periods(
                equipmentId: constraint, window: TimeSpan(start: now.addingTimeInterval(-9 * 3600), end: now), by: .shift, now: now)
            guard let current = periods.last(where: { $0.window.end >= now.addingTimeInterval(-1) }) else { continue }
            let payload = RealtimePayload.encoded(String(decoding: try LiveEvents.encoder.encode(LiveLineOEE(lineId: lineId, period: current)), as: UTF8.self))
            hub.publish(RealtimeEvent(type: .oee, topics: [.oee(lineId), .line(lineId)], time: now, payload: payload, coalescingKey: "oee:\(lineId)"))
        }
    }
}

/// A line's OEE of its current shift on the feed.
private struct LiveLineOEE: Encodable {
    let lineId: UUID
    let period: PerformancePeriod
}
