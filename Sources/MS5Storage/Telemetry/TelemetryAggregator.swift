import Foundation
import Logging
import MS5Domain
import SQLKit

/// Keeps latest values and the 1-minute and 1-hour rollups of stored samples in memory and
/// writes them in one transaction per flush rather than one per batch: the batch path then only
/// appends raw samples, and a busy metric's bucket is written once per flush however many
/// batches it had.
///
/// Each batch receipt names this aggregator's ``run`` until its aggregates are written, so a run
/// that ends without flushing (a crash) leaves a trace; ``recover()`` rebuilds what it lost from
/// the raw samples. Reads of latest values and rollups flush first, so they see every stored
/// batch.
public actor TelemetryAggregator {
    /// This process's ingest run, written on the receipts of batches not yet aggregated.
    public nonisolated let run = UUID()
    /// Rows pending beyond which adding a batch flushes at once.
    public nonisolated let flushThreshold: Int

    let database: Database
    private let logger: Logger
    private var pending = PendingAggregates()
    private var writing: Task<Void, any Error>?

    /// Creates an aggregator writing to `database`.
    public init(database: Database, logger: Logger, flushThreshold: Int = 50_000) {
        self.database = database
        self.logger = logger
        self.flushThreshold = flushThreshold
    }

    /// Counts in the samples of a stored batch. When too much is pending, writes it now; if that
    /// fails the aggregates stay pending for the next flush and the failure is logged, for the
    /// batch itself is stored.
    func add(_ samples: [TelemetrySample], equipmentOf: [UUID: UUID], receipt: PendingAggregates.Receipt?) async {
        pending.add(samples, equipmentOf: equipmentOf, receipt: receipt)
        guard pending.rowCount >= flushThreshold, writing == nil else { return }
        do {
            try await flush()
        } catch {
            logger.warning("Writing latest values and rollups failed; they stay pending", metadata: ["error": "\(error)"])
        }
    }

    /// Writes everything pending, after any flush already under way: when it returns, every batch
    /// added before the call is in latest values and rollups. Flushes form a chain, each writing
    /// once the one before it has finished.
    public func flush() async throws {
        guard !pending.isEmpty || writing != nil else { return }
        let work = pending
        pending = PendingAggregates()
        let earlier = writing
        let database = self.database
        let task = Task {
            _ = await earlier?.result
            if !work.isEmpty { try await Self.write(work, to: database) }
        }
        writing = task
        defer { if writing == task { writing = nil } }
        do {
            try await task.value
        } catch {
            pending.absorb(work)
            throw error
        }
    }

    /// Rebuilds the aggregates of batches that earlier runs stored but did not aggregate. Call
    /// once, before this run stores batches of its own.
    public func recover() async throws -> AggregateRecovery.Outcome {
        try await AggregateRecovery(database: database, currentRun: run).run()
    }

    private static func write(_ work: PendingAggregates, to database: Database) async throws {
        let kind = database.kind
        try await database.transaction { db in
            try await AggregateWriter.writeRollups(work.minutes, resolution: .minute, mode: .merge, kind: kind, on: db)
            try await AggregateWriter.writeRollups(work.hours, resolution: .hour, mode: .merge, kind: kind, on: db)
            try await AggregateWriter.writeLatest(Array(work.newest.values), kind: kind, on: db)
            try await AggregateWriter.release(work.receipts, on: db)
        }
    }
}
