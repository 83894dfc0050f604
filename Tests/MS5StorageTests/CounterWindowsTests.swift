import Foundation
import MS5Domain
import MS5Storage
import MS5TestSupport
import SQLKit
import Testing

/// Counts over a window from the counter samples of ``ProductionReportsTests``' shift: total 65000
/// at 05:59, then 5464 at 09:00 (a rollover at 65536: 536 + 5464 = 6000) and 10464 at 12:00
/// (+5000); rejects 10 at 05:59 and 110 at 12:00.
@Suite("Counts over a window")
struct CounterWindowsTests {
    @Test("The first count in a window starts from the last valid reading before it, skipping one out of range", arguments: TestDatabases.kinds)
    func baseline(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (equipment, _) = try await ProductionReportsTests.setUp(database)
            let total = try await database.read { db in
                try await db.select().column("id").from("metrics").where("equipment_id", .equal, equipment).where("role", .equal, "counter_total")
                    .first(decodingColumn: "id", as: UUID.self)
            }
            // A reading the counter cannot hold (above the rollover) just before the window.
            try await database.transaction { db in
                try await TestSamples.insert(db, metricId: try #require(total), at: ProductionReportsTests.at("05:59").addingTimeInterval(30), value: 70_000)
            }
            let shift = TimeSpan(start: ProductionReportsTests.at("06:00"), end: ProductionReportsTests.at("14:00"))
            let counts = try await CounterWindows(database: database).counts(equipmentId: equipment, in: shift)
            #expect(counts.produced == 11_000 && counts.rejected == 100)
            // From 10:00 on: only the 12:00 readings count, from the 09:00 total and the 05:59 rejects.
            let later = try await CounterWindows(database: database).counts(
                equipmentId: equipment, in: TimeSpan(start: ProductionReportsTests.at("10:00"), end: shift.end))
            #expect(later.produced == 5_000 && later.rejected == 100)
        }
    }
}
