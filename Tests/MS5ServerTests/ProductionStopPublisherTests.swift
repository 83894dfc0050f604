import Foundation
import Logging
import MS5Domain
import MS5Events
import MS5Ingest
@testable import MS5Server
import MS5Storage
import SQLKit
import Testing

@Suite("Production stop events")
struct ProductionStopPublisherTests {
    static func at(_ local: String) -> Date {
        ISO8601DateFormatter().date(from: "2027-01-15T\(local):00+01:00")!
    }

    static let tree = StopReasonTree(categories: [
        StopReasonCategory(code: "MECH", name: "Mechanical", planning: .unplanned, loss: .breakdown, reasons: [StopReason(code: "JAM", name: "Jam")]),
        StopReasonCategory(code: "SETUP", name: "Setup", planning: .planned, loss: .setupAndAdjustment, reasons: [StopReason(code: "CHANGE", name: "Changeover")]),
    ])

    /// A bakery whose bagger runs order 1 from 06:00 in the early shift (06:00–14:00, Berlin),
    /// its line's fault F12 proposing the reason JAM.
    static func bakery(_ database: Database) async throws -> (Site, Line, Equipment) {
        let site = try await SiteRepository(database: database).create(SiteInput(code: "BAK1", name: "Bakery", timeZone: "Europe/Berlin"))
        let area = try await AreaRepository(database: database).create(AreaInput(siteId: site.id, code: "PROD", name: "Production"))
        let line = try await LineRepository(database: database).create(LineInput(areaId: area.id, code: "BREAD1", name: "Bread line"))
        let bagger = try await EquipmentRepository(database: database).create(EquipmentInput(lineId: line.id, code: "BAG1", name: "Bagger 1", type: "bagger", criticality: 5))
        try await LineSettingsStore(database: database).setSettings(LineProductionSettings(
            shiftPattern: ShiftPattern(name: "Days", shifts: [ShiftDefinition(name: "Early", start: TimeOfDay(hour: 6), length: 8 * 3600)]),
            reasonTree: Self.tree, faultReasons: ["F12": "JAM"]), lineId: line.id)
        let product = try await ProductRepository(database: database).create(ProductInput(code: "WHT-800", name: "White", idealCycleSeconds: 1))
        let orders = ProductionOrderRepository(database: database)
        let order = try await orders.create(ProductionOrderInput(
            number: "1", productId: product.id, equipmentId: bagger.id, plannedQuantity: 100, plannedStart: Self.at("06:00"), plannedEnd: Self.at("14:00")))
        _ = try await orders.move(order.id, to: .released, at: Self.at("05:55"))
        _ = try await orders.move(order.id, to: .running, at: Self.at("06:00"))
        return (site, line, bagger)
    }

    @Test("The end of a stop in planned production publishes production.stop.unplanned.v1, or planned once coded so")
    func publishes() async throws {
        try await Database.withOpen(.sqliteMemory, logger: Logger(label: "test")) { database in
            try await Migrator(database: database).migrate()
            let (site, line, bagger) = try await Self.bakery(database)
            try await database.transaction { db in
                for (state, start, end) in [("running", "06:00", "08:00"), ("held", "08:00", "08:10")] {
                    try await db.insert(into: "state_intervals").columns("equipment_id", "start_ts", "end_ts", "state", "mode", "source")
                        .values(SQLBind(bagger.id), SQLBind(Self.at(start)), SQLBind(Self.at(end)), SQLBind(state), SQLBind("production"), SQLBind("test")).run()
                }
                try await db.insert(into: "fault_events").columns("id", "equipment_id", "code", "text", "kind", "source", "start_ts", "end_ts", "first_out")
                    .values(SQLBind(UUID()), SQLBind(bagger.id), SQLBind("F12"), SQLBind("Jam"), SQLBind("fault"), SQLBind("internal"),
                            SQLBind(Self.at("08:00")), SQLBind(Self.at("08:05")), SQLBind(true)).run()
            }
            let bus = EventBus()
            let events = bus.subscribe()
            var received = events.makeAsyncIterator()
            let log = EventLog(database: database)
            let publisher = ProductionStopPublisher(
                follower: OutboxFollower(log: log, lease: ConsumerLease(database: database, consumer: "test", holder: "test"), logger: Logger(label: "test")),
                log: log, outbox: Outbox(database: database), bus: bus, reports: ProductionReports(database: database), logger: Logger(label: "test"))
            let placement = EventPlacement(siteId: site.id, lineId: line.id, equipmentId: bagger.id)
            let held = StateInterval(state: .held, mode: .production, start: Self.at("08:00"), end: Self.at("08:10"))
            let running = StateInterval(state: .running, mode: .production, start: Self.at("08:10"))

            // Running → held starts a stop: nothing yet (the marker comes next).
            try await publisher.publishStop(endedBy: StateChange(closed: StateInterval(state: .running, mode: .production, start: Self.at("06:00"), end: Self.at("08:00")), opened: held, confirmedAt: Self.at("08:00")), equipmentId: bagger.id, placement: placement)
            bus.publish(.values([]), equipmentId: bagger.id)
            #expect(await received.next()?.kind == .values([]))
            #expect(try await log.events(after: 0, limit: 10).isEmpty)

            let end = StateChange(closed: held, opened: running, confirmedAt: Self.at("08:10"))
            try await publisher.publishStop(endedBy: end, equipmentId: bagger.id, placement: placement)
            guard case .productionStop(let unplanned)? = await received.next()?.kind else { Issue.record("no stop event"); return }
            #expect(unplanned.name == "production.stop.unplanned.v1" && unplanned.equipmentId == bagger.id)
            #expect(unplanned.stop.start == Self.at("08:00") && unplanned.stop.end == Self.at("08:10") && unplanned.stop.proposedReasonCode == "JAM")
            let written = try await log.events(after: 0, limit: 10)
            #expect(written.map(\.event.type) == [.productionStopUnplanned])
            #expect(written.first?.event.placement == placement && written.first?.event.time == Self.at("08:10"))
            #expect(written.first?.event.subject == "equipment/\(bagger.id.uuidString.lowercased())")
            #expect(try written.first.map { try EventData.decode(ProductionStopEvent.self, from: $0.event.data) } == unplanned)

            // The same stop derived again (a restart re-reading the state change) is not written twice.
            try await publisher.publishStop(endedBy: end, equipmentId: bagger.id, placement: placement)
            #expect(try await log.events(after: 0, limit: 10).count == 1)

            _ = try await ProductionReports(database: database).code(
                equipmentId: bagger.id, StopCodingInput(stopStart: Self.at("08:00"), reasonCode: "CHANGE"), by: "operator", now: Self.at("08:12"))
            try await publisher.publishStop(endedBy: end, equipmentId: bagger.id, placement: placement)
            guard case .productionStop(let planned)? = await received.next()?.kind else { Issue.record("no stop event"); return }
            #expect(planned.name == "production.stop.planned.v1" && planned.planning == .planned)
            #expect(try await log.events(after: 0, limit: 10).map(\.event.type) == [.productionStopUnplanned, .productionStopPlanned])
        }
    }

    @Test("The publisher follows state changes in the outbox: a stop whose end is stored is published, once")
    func followsTheOutbox() async throws {
        try await Database.withOpen(.sqliteMemory, logger: Logger(label: "test")) { database in
            try await Migrator(database: database).migrate()
            let (_, _, bagger) = try await Self.bakery(database)
            // The timeline as the ingest pipeline stores it: each change writes machine.state.changed.v1.
            let states = StateStore(database: database)
            let running = StateInterval(state: .running, mode: .production, start: Self.at("06:00"))
            let stopped = StateInterval(state: .stopped, mode: .production, start: Self.at("09:00"))
            let again = StateInterval(state: .running, mode: .production, start: Self.at("09:20"))
            try await states.apply(StateChange(closed: nil, opened: running, confirmedAt: Self.at("06:00")), equipmentId: bagger.id)
            try await states.apply(StateChange(closed: StateInterval(state: .running, mode: .production, start: Self.at("06:00"), end: Self.at("09:00")), opened: stopped, confirmedAt: Self.at("09:00")), equipmentId: bagger.id)
            try await states.apply(StateChange(closed: StateInterval(state: .stopped, mode: .production, start: Self.at("09:00"), end: Self.at("09:20")), opened: again, confirmedAt: Self.at("09:20")), equipmentId: bagger.id)
            let log = EventLog(database: database)
            let changes = try await log.events(after: 0, limit: 10)
            #expect(changes.map(\.event.type) == [.machineStateChanged, .machineStateChanged, .machineStateChanged])
            #expect(changes.map(\.position) == [1, 2, 3])

            let publisher = ProductionStopPublisher(
                follower: OutboxFollower(log: log, lease: ConsumerLease(database: database, consumer: "test", holder: "test"), logger: Logger(label: "test")),
                log: log, outbox: Outbox(database: database), bus: EventBus(), reports: ProductionReports(database: database), logger: Logger(label: "test"))
            #expect(try await publisher.handle(changes) == 3)
            // Handled again, as after a crash before the position was stored: still one stop event.
            #expect(try await publisher.handle(changes) == 3)
            let stops = try await log.events(after: 3, limit: 10)
            #expect(stops.map(\.event.type) == [.productionStopUnplanned])
            // The stop ran from 09:00 to 09:20 inside the 06:00–14:00 shift: 20 min = 1,200 s.
            let stop = try stops.first.map { try EventData.decode(ProductionStopEvent.self, from: $0.event.data) }
            #expect(stop?.stop.start == Self.at("09:00") && stop?.stop.end == Self.at("09:20"))
        }
    }
}
