import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
import MS5Identity
import MS5JSON
@testable import MS5Server
import MS5Storage
import MS5TestSupport
import NIOCore
import SQLKit
import Testing

@Suite("Audit ledger coverage")
struct AuditCoverageAPITests {
    /// The seeded plant: an equipment of a line whose order runs from two hours ago, with a stop
    /// from one hour ago lasting ten minutes.
    struct Plant {
        var line: Line
        var equipment: Equipment
        var order: ProductionOrder
        var stopStart: Date
    }

    static let settings = LineProductionSettings(
        shiftPattern: .init(name: "3 × 8", shifts: [
            ShiftDefinition(name: "Early", start: TimeOfDay(hour: 6), length: 8 * 3600),
            ShiftDefinition(name: "Late", start: TimeOfDay(hour: 14), length: 8 * 3600),
            ShiftDefinition(name: "Night", start: TimeOfDay(hour: 22), length: 8 * 3600),
        ]),
        reasonTree: StopReasonTree(categories: [
            StopReasonCategory(code: "MECH", name: "Mechanical", planning: .unplanned, loss: .breakdown, reasons: [StopReason(code: "JAM", name: "Jam")]),
        ]))

    /// Creates the plant, its settings, a running order and one stop on `database`, as MS5 itself.
    static func seed(_ database: Database) async throws -> Plant {
        let start = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 7200).rounded(.down))
        let site = try await SiteRepository(database: database).create(SiteInput(code: "BAK1", name: "Bakery", timeZone: "Europe/Berlin"))
        let area = try await AreaRepository(database: database).create(AreaInput(siteId: site.id, code: "PROD", name: "Production"))
        let line = try await LineRepository(database: database).create(LineInput(areaId: area.id, code: "BREAD1", name: "Bread line"))
        let equipment = try await EquipmentRepository(database: database).create(
            EquipmentInput(lineId: line.id, code: "BAG1", name: "Bagger 1", type: "bagger", criticality: 5))
        try await LineSettingsStore(database: database).setSettings(settings, lineId: line.id)
        let product = try await ProductRepository(database: database).create(ProductInput(code: "WHT-800", name: "White", idealCycleSeconds: 1))
        let orders = ProductionOrderRepository(database: database)
        var order = try await orders.create(ProductionOrderInput(
            number: "4711", productId: product.id, equipmentId: equipment.id, plannedQuantity: 100, plannedStart: start,
            plannedEnd: start.addingTimeInterval(8 * 3600)))
        _ = try await orders.move(order.id, to: .released, at: start.addingTimeInterval(-60))
        order = try await orders.move(order.id, to: .running, at: start)
        let stopStart = start.addingTimeInterval(3600)
        try await database.transaction { db in
            for (state, from, to) in [("running", start, stopStart), ("held", stopStart, stopStart.addingTimeInterval(600))] {
                try await db.insert(into: "state_intervals").columns("equipment_id", "start_ts", "end_ts", "state", "mode", "source")
                    .values(SQLBind(equipment.id), SQLBind(from), SQLBind(to), SQLBind(state), SQLBind("production"), SQLBind("test")).run()
            }
        }
        return Plant(line: line, equipment: equipment, order: order, stopStart: stopStart)
    }

    /// The newest ledger entry about a record.
    static func latest(_ database: Database, _ recordType: String, _ recordId: String) async throws -> AuditEntry {
        try #require(try await AuditLedger.history(database, recordType: recordType, recordId: recordId).first)
    }

    /// The member `key` of a JSON object.
    static func field(_ value: MS5JSON.JSONValue?, _ key: String) -> MS5JSON.JSONValue? {
        if case .object(let object)? = value { object[key] } else { nil }
    }

    /// How many elements a JSON array has (nil when it is not one).
    static func count(_ value: MS5JSON.JSONValue?) -> Int? {
        if case .array(let items)? = value { items.count } else { nil }
    }

    @Test("Stop codings, count corrections, line settings and assignment moves go to the ledger with who, why, before and after",
          arguments: TestDatabases.kinds)
    func production(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await Self.seed(database)
            let (correctionId, assignmentId) = try await TestServer.run(database: database.url) { server in
                // The operator holds a job on the line for the shift in progress, so may code its stops.
                let assignment = try TestServer.decode(JobAssignment.self, try await server.send(
                    .post, "/v1/orders/\(plant.order.id)/assignments", as: .engineer, json: JobAssignmentInput(username: "operator")))
                let coded = try await server.send(
                    .post, "/v1/equipment/\(plant.equipment.id)/stop-codings", as: .operator,
                    json: StopCodingInput(stopStart: plant.stopStart, reasonCode: "JAM", comment: "Film jammed"),
                    headers: [.changeReason: "shift handover"])
                #expect(coded.status == .ok, "\(String(buffer: coded.body))")
                let correction = try await server.send(
                    .post, "/v1/equipment/\(plant.equipment.id)/count-corrections", as: .operator,
                    json: CountCorrectionInput(at: plant.stopStart, good: 12, reject: 3, reason: "counted by hand"))
                #expect(correction.status == .created)
                var settings = Self.settings
                settings.minorStopSeconds = 90
                #expect(try await server.send(.put, "/v1/lines/\(plant.line.id)/production-settings", as: .engineer, json: settings).status == .ok)
                let moved = try await server.send(
                    .post, "/v1/assignments/\(assignment.id)/status", as: .operator, json: AssignmentStatusChange(status: .accepted))
                #expect(moved.status == .ok)
                return (try TestServer.decode(CountCorrection.self, correction).id, assignment.id)
            }

            let coding = try await Self.latest(
                database, "stop coding", "\(plant.equipment.id.uuidString.lowercased())@\(AuditEntry.timestamp(plant.stopStart))")
            #expect(coding.action == "code" && coding.actor == "operator" && coding.reason == "shift handover" && coding.before == nil)
            #expect(Self.field(coding.after, "reasonCode") == .string("JAM") && Self.field(coding.after, "comment") == .string("Film jammed"))

            let correction = try await Self.latest(database, "count correction", correctionId.uuidString.lowercased())
            #expect(correction.action == "create" && correction.actor == "operator" && correction.before == nil)
            #expect(Self.field(correction.after, "good") == .number(12) && Self.field(correction.after, "reject") == .number(3))

            let lineSettings = try await Self.latest(database, "line production settings", plant.line.id.uuidString.lowercased())
            #expect(lineSettings.action == "set" && lineSettings.actor == "engineer")
            #expect(Self.field(lineSettings.before, "minorStopSeconds") != .number(90))
            #expect(Self.field(lineSettings.after, "minorStopSeconds") == .number(90))

            let move = try await Self.latest(database, "job assignment", assignmentId.uuidString.lowercased())
            #expect(move.action == "accepted" && move.actor == "operator")
            #expect(Self.field(move.before, "status") == .string("assigned") && Self.field(move.after, "status") == .string("accepted"))

            let verification = try await AuditVerification.run(database)
            #expect(verification.problem == nil && verification.entriesChecked > 0)
        }
    }

    @Test("Escalation policies and webhook endpoints go to the ledger; a webhook's secret never does", arguments: TestDatabases.kinds)
    func andonSettings(kind: Database.Kind) async throws {
        let secret = "never-in-the-ledger-0123"
        try await TestDatabases.with(kind) { database in
            let plant = try await Self.seed(database)
            let (hookId, policyId) = try await TestServer.run(database: database.url) { server in
                let hook = try await server.create(
                    "/v1/webhooks", WebhookEndpointInput(name: "Pager", url: "https://pager.bakery.example/ms5", secret: secret),
                    as: WebhookEndpoint.self)
                let input = EscalationPolicyInput(lineId: plant.line.id, category: .maintenance, priority: .high, levels: [
                    EscalationLevel(delaySeconds: 60, roles: [.maintenance]),
                ])
                let policy = try await server.create("/v1/andon/escalation-policies", input, as: EscalationPolicy.self)
                var wider = input
                wider.levels.append(EscalationLevel(delaySeconds: 120, webhookIds: [hook.id]))
                let replaced = try await server.send(.put, "/v1/andon/escalation-policies/\(policy.id)", as: .engineer, json: wider)
                #expect(replaced.status == .ok)
                return (hook.id, policy.id)
            }

            let hook = try await Self.latest(database, "webhook endpoint", hookId.uuidString.lowercased())
            #expect(hook.action == "create" && hook.actor == "admin" && Self.field(hook.after, "name") == .string("Pager"))
            #expect(Self.field(hook.after, "secret") == nil)
            let everything = try await AuditLedger.entries(database, after: 0, limit: 1000)
            #expect(!everything.contains { "\($0.before as Any)\($0.after as Any)".contains(secret) })

            let policy = try await Self.latest(database, "escalation policy", policyId.uuidString.lowercased())
            #expect(policy.action == "update" && policy.actor == "engineer")
            #expect(Self.count(Self.field(policy.before, "levels")) == 1 && Self.count(Self.field(policy.after, "levels")) == 2)
            let created = try await AuditLedger.history(database, recordType: "escalation policy", recordId: policyId.uuidString.lowercased())
            #expect(created.map(\.action) == ["update", "create"])

            let verification = try await AuditVerification.run(database)
            #expect(verification.problem == nil)
        }
    }
    @Test("Task claims, completions, cancellations and reassignments go to the ledger with who, why, before and after", arguments: TestDatabases.kinds)
    func tasks(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            let input = HumanTaskInput(type: "cil.routine", title: "Clean the slicer", assignee: .role(.maintenance), priority: .endOfShift, lineId: plant.bread.id)
            let done = try await plant.open(input, WorkflowStore(database: database))
            let dropped = try await plant.open(input, WorkflowStore(database: database))
            try await TestServer.run(database: database.url, roles: [.admin, .supervisor, .maintenance]) { server in
                let claimed = try await server.send(
                    .post, "/v1/tasks/\(done.id)/claim", as: .maintenance, json: TaskRevision(revision: 1), headers: [.changeReason: "on my way"])
                #expect(claimed.status == .ok)
                #expect(try await server.send(
                    .post, "/v1/tasks/\(done.id)/complete", as: .maintenance, json: TaskCompletion(revision: 2, password: nil, totp: nil)).status == .ok)
                #expect(try await server.send(
                    .post, "/v1/tasks/\(dropped.id)/reassign", as: .supervisor, json: TaskReassignment(revision: 1, assignee: .team("MAINT-B"))).status == .ok)
                #expect(try await server.send(
                    .post, "/v1/tasks/\(dropped.id)/cancel", as: .supervisor, json: TaskCancellation(revision: 2, reason: "Done at the last stop")).status == .ok)
            }

            let history = try await AuditLedger.history(database, recordType: "workflow task", recordId: done.id.uuidString.lowercased())
            #expect(history.map(\.action) == ["complete", "claim", "open"])
            #expect(history[1].actor == "maintenance" && history[1].reason == "on my way")
            #expect(Self.field(history[1].before, "status") == .string("open") && Self.field(history[1].after, "status") == .string("claimed"))
            #expect(history[0].actor == "maintenance" && Self.field(history[0].after, "completedBy") == .string("maintenance"))
            let other = try await AuditLedger.history(database, recordType: "workflow task", recordId: dropped.id.uuidString.lowercased())
            #expect(other.map(\.action) == ["cancel", "reassign", "open"] && other.prefix(2).allSatisfy { $0.actor == "supervisor" })
            #expect(Self.field(other[1].after, "assignee") == .string("team:MAINT-B"))
            #expect(Self.field(other[0].after, "cancellationReason") == .string("Done at the last stop"))
            let events = try await EventLog(database: database).events(after: 0, matching: EventFilter(types: [.workflowTaskCancelled]), limit: 10)
            #expect(events.map(\.event.aggregateId) == [dropped.id])
            #expect(try await AuditVerification.run(database).problem == nil)
        }
    }
}
