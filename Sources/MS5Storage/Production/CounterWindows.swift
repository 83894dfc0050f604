import Foundation
import MS5Domain
import SQLKit

/// Pieces an equipment produced and rejected over a stretch of time, from its counter samples,
/// with rollovers and PLC resets handled as the production reports handle them.
public struct CounterWindows: Sendable {
    /// Produced and rejected pieces of one window.
    public struct Counts: Sendable, Equatable {
        public var produced: Int
        public var rejected: Int

        /// The rejected share in percent, nil when nothing was produced.
        public var rejectPercent: Double? { produced > 0 ? 100 * Double(rejected) / Double(produced) : nil }
    }

    let database: Database

    /// Creates the query over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// The counts of `equipmentId` in `span`.
    public func counts(equipmentId: UUID, in span: TimeSpan) async throws -> Counts {
        try await database.read { db in
            let equipment = try await EquipmentRepository.table.require(db, id: equipmentId)
            let rollover = try await LineSettingsStore.settings(db, lineId: equipment.lineId)?.counterRollover ?? 65_536
            var accumulator = CounterAccumulator(settings: CounterSettings(rollover: rollover, maximumRatePerSecond: 1_000))
            var counts = Counts(produced: 0, rejected: 0)
            for reading in try await CounterHistory.readings(db, equipmentId: equipmentId, in: span, rollover: rollover) {
                guard let increment = accumulator.ingest(reading).increment else { continue }
                counts.produced += increment.producedQuantity
                counts.rejected += increment.rejectQuantity
            }
            return counts
        }
    }
}
