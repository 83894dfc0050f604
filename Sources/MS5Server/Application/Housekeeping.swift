import Foundation
import Logging
import MS5Domain
import MS5Identity
import MS5Storage
import ServiceLifecycle

/// Periodic upkeep of the database: purges ended sign-in sessions, creates the coming months'
/// partitions on PostgreSQL with native partitions, deletes what the retention policy no longer
/// keeps, stores the KPI parts of the lines' completed days (and prunes old hour parts), and logs the audit chain's head, so that a rewrite of the whole chain can be caught
/// (`ms5 audit verify --anchor SEQUENCE:HASH`).
struct Housekeeping: Service {
    let database: Database
    let retention: RetentionPolicy
    let interval: Duration
    let logger: Logger

    /// Runs a round every `interval`, the first one `interval` after start (migrations run first).
    func run() async throws {
        await cancelWhenGracefulShutdown {
            while true {
                do { try await Task.sleep(for: interval) } catch { return }
                await runOnce()
            }
        }
    }

    /// One round of upkeep; failures are logged and retried next round.
    func runOnce() async {
        do {
            let purged = try await SessionRepository(database: database).purgeExpired()
            if purged > 0 { logger.info("Purged ended sign-in sessions", metadata: ["count": "\(purged)"]) }
            try await TimeSeriesPartitions.maintain(database)
            let deleted = try await Retention(database: database).enforce(retention).filter { $0.value > 0 }
            if !deleted.isEmpty {
                logger.info("Retention deleted old rows", metadata: ["rows": "\(deleted.sorted { $0.key < $1.key })"])
            }
            try await materialiseDayParts()
            let head = try await AuditLedger.head(database)
            logger.notice("Audit chain head", metadata: ["anchor": "\(head.sequence):\(head.hash)"])
        } catch {
            logger.warning("Housekeeping failed; retrying next round", metadata: ["error": "\(error)"])
        }
    }

    /// Stores the KPI parts of the last week's completed days of every line with a constraint, so
    /// that long reports find them (a week, to catch up after a stop of the server), and deletes
    /// the hour parts of days more than ``hourPartsKept`` ago.
    private func materialiseDayParts() async throws {
        let reports = ProductionReports(database: database)
        let now = Date()
        for (lineId, constraint) in try await LineSettingsStore(database: database).configuredLines() where constraint != nil {
            try await reports.materialise(lineId: lineId, window: TimeSpan(start: now.addingTimeInterval(-7 * 86_400), end: now), now: now)
        }
        try await reports.deleteHourParts(before: now.addingTimeInterval(-Self.hourPartsKept))
    }

    /// How long the hour parts of partial days are kept: a little over a month, so that a window
    /// such as "the last 30 days" finds the hours of its partial first day.
    static let hourPartsKept: TimeInterval = 35 * 86_400
}
