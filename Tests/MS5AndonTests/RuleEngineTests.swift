import Foundation
import Logging
import MS5Andon
import MS5Domain
import MS5Storage
import MS5TestSupport
import SQLKit
import Testing

@Suite("Andon rules")
struct RuleEngineTests {
    static func engine(_ database: Database, clock: ManualClock) -> AndonRuleEngine {
        AndonRuleEngine(
            calls: AndonCallStore(database: database, clock: clock.function), database: database,
            clock: clock.function, logger: Logger(label: "ms5.test"))
    }

    @Test("A fault active past its threshold raises one call, not again for the same fault; a later fault raises a new one", arguments: TestDatabases.kinds)
    func fault(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await AndonFixture.make(database)
            let t0 = AndonFixture.start
            let clock = ManualClock(t0)
            _ = try await AndonRuleStore(database: database).create(AndonRuleInput(
                equipmentId: plant.equipmentId, trigger: .fault, thresholdSeconds: 120, category: .maintenance, priority: .high))
            try await Self.fault(database, plant.equipmentId, code: "F12", kind: "fault", start: t0, end: nil)
            // A warning never raises a call, however long it lasts.
            try await Self.fault(database, plant.equipmentId, code: "W3", kind: "warning", start: t0.addingTimeInterval(-3600), end: nil)
            let engine = Self.engine(database, clock: clock)

            clock.set(t0.addingTimeInterval(119))
            #expect(try await engine.check().isEmpty)
            clock.set(t0.addingTimeInterval(120))
            let raised = try await engine.check()
            #expect(raised.count == 1)
            let call = try #require(raised.first)
            #expect(call.trigger == .fault && call.cause == "fault:F12@\(Int(t0.timeIntervalSince1970))" && call.raisedBy == "rule")
            #expect(call.text == "Fault F12 Jam at the sealer active for 120 s" && call.level == 1)
            // The policy of the line, category and priority applies to rule calls too.
            #expect(call.nextEscalationAt == t0.addingTimeInterval(180))
            clock.set(t0.addingTimeInterval(200))
            #expect(try await engine.check().isEmpty)

            // Resolved while the same fault is still active: no second call for it.
            _ = try await AndonCallStore(database: database, clock: clock.function).act(
                call.id, AndonCallAction(status: .resolved, note: "Sealer reset"), by: "max.fitter")
            #expect(try await engine.check().isEmpty)

            // The fault clears; a new one comes and lasts: a new call.
            try await database.transaction { db in
                try await db.update("fault_events").set("end_ts", to: SQLBind(t0.addingTimeInterval(250))).where("code", .equal, "F12").run()
            }
            try await Self.fault(database, plant.equipmentId, code: "F12", kind: "fault", start: t0.addingTimeInterval(300), end: nil)
            clock.set(t0.addingTimeInterval(420))
            #expect(try await engine.check().map(\.cause) == ["fault:F12@\(Int(t0.timeIntervalSince1970) + 300)"])
        }
    }

    @Test("Starved or blocked past the threshold raises a call; too many rejects over the window raise another", arguments: TestDatabases.kinds)
    func starvedAndRejects(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await AndonFixture.make(database)
            let t0 = AndonFixture.start
            let clock = ManualClock(t0.addingTimeInterval(299))
            let rules = AndonRuleStore(database: database)
            _ = try await rules.create(AndonRuleInput(
                equipmentId: plant.equipmentId, trigger: .starvedBlocked, thresholdSeconds: 300, category: .material, priority: .medium))
            _ = try await rules.create(AndonRuleInput(
                equipmentId: plant.equipmentId, trigger: .rejectRate, thresholdSeconds: 0, rejectPercent: 5, windowMinutes: 10,
                category: .quality, priority: .high))
            try await database.transaction { db in
                try await db.insert(into: "state_intervals").columns("equipment_id", "start_ts", "end_ts", "state", "mode", "source")
                    .values(SQLBind(plant.equipmentId), SQLBind(t0), SQLLiteral.null, SQLBind("suspended"), SQLBind("production"), SQLBind("test")).run()
            }
            // 400 pieces in the window, 24 of them rejected: 6 %, above 5 %.
            let metrics = MetricRepository(database: database)
            let total = try await metrics.create(equipmentId: plant.equipmentId, MetricInput(
                key: "total", name: "Total", role: .counterTotal, connector: .logix, address: "Count_Total.ACC", dataType: "DINT"))
            let reject = try await metrics.create(equipmentId: plant.equipmentId, MetricInput(
                key: "reject", name: "Rejects", role: .counterReject, connector: .logix, address: "Count_Reject.ACC", dataType: "DINT"))
            try await database.transaction { db in
                for (metric, offset, value) in [(total.id, -60.0, 1000.0), (total.id, 120, 1200), (total.id, 240, 1400),
                                                (reject.id, -60, 50), (reject.id, 120, 60), (reject.id, 240, 74)] {
                    try await TestSamples.insert(db, metricId: metric, at: t0.addingTimeInterval(offset), value: value)
                }
            }
            let engine = Self.engine(database, clock: clock)
            let first = try await engine.check()
            #expect(first.map(\.trigger) == [.rejectRate])
            #expect(first.first?.text == "Reject rate 6.0 % over 10 min (24 of 400), above 5.0 %")
            clock.set(t0.addingTimeInterval(300))
            let second = try await engine.check()
            #expect(second.map(\.trigger) == [.starvedBlocked] && second.first?.category == .material)
            #expect(second.first?.text == "Starved or blocked for 300 s")
            // Both stay open: no duplicates.
            clock.set(t0.addingTimeInterval(330))
            #expect(try await engine.check().isEmpty)
            #expect(try await AndonCallStore(database: database).list(activeOnly: true).count == 2)
        }
    }

    static func fault(_ database: Database, _ equipmentId: UUID, code: String, kind: String, start: Date, end: Date?) async throws {
        try await database.transaction { db in
            try await db.insert(into: "fault_events").columns("id", "equipment_id", "code", "text", "kind", "source", "start_ts", "end_ts", "first_out")
                .values(SQLBind(UUID()), SQLBind(equipmentId), SQLBind(code), SQLBind("Jam at the sealer"), SQLBind(kind), SQLBind("internal"),
                        SQLBind(start), end.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null, SQLBind(true)).run()
        }
    }
}
