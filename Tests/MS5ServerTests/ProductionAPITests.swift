import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MS5Connectors
import MS5Domain
@testable import MS5Server
import Testing

@Suite("Production API")
struct ProductionAPITests {
    static let settings = LineProductionSettings(
        shiftPattern: .init(name: "3 × 8", shifts: [
            ShiftDefinition(name: "Early", start: TimeOfDay(hour: 6), length: 8 * 3600, breaks: [ShiftBreak(offset: 4 * 3600, duration: 1800)]),
            ShiftDefinition(name: "Late", start: TimeOfDay(hour: 14), length: 8 * 3600),
            ShiftDefinition(name: "Night", start: TimeOfDay(hour: 22), length: 8 * 3600),
        ]),
        reasonTree: StopReasonTree(categories: [
            StopReasonCategory(code: "MECH", name: "Mechanical", planning: .unplanned, loss: .breakdown, reasons: [StopReason(code: "JAM", name: "Jam")]),
        ]),
        faultReasons: ["F12": "JAM"])

    @Test("Products and orders: engineers plan, operators move orders on, invalid moves are refused")
    func productsAndOrders() async throws {
        try await TestServer.run { server in
            let (_, _, _, equipment) = try await PlantAPITests.makePlant(server)
            let input = ProductInput(code: "WHT-800", name: "White 800 g", idealCycleSeconds: 2)
            #expect(try await server.send(.post, "/v1/products", as: .operator, json: input).status == .forbidden)
            let bad = try await server.send(.post, "/v1/products", as: .engineer, json: ProductInput(code: "X", name: "X", idealCycleSeconds: 0))
            #expect(bad.status == .unprocessableContent && bad.problem?.errors.first?.field == "/idealCycleSeconds")
            let product = try await server.create("/v1/products", input, as: Product.self)
            let order = try await server.create("/v1/orders", ProductionOrderInput(
                number: "4711", productId: product.id, equipmentId: equipment.id, plannedQuantity: 1000,
                plannedStart: Date(), plannedEnd: Date().addingTimeInterval(3600)), as: ProductionOrder.self)
            #expect(order.status == .planned && order.actualStart == nil)

            let skip = try await server.send(.post, "/v1/orders/\(order.id)/status", as: .operator, json: OrderStatusChange(status: .running))
            #expect(skip.status == .conflict && skip.problem?.detail.contains("can move to released") == true)
            #expect(try await server.send(.post, "/v1/orders/\(order.id)/status", as: nil, json: OrderStatusChange(status: .released)).status == .unauthorized)
            #expect(try await server.send(.post, "/v1/orders/\(order.id)/status", as: .operator, json: OrderStatusChange(status: .released)).status == .ok)
            let running = try TestServer.decode(ProductionOrder.self, try await server.send(
                .post, "/v1/orders/\(order.id)/status", as: .operator, json: OrderStatusChange(status: .running)))
            #expect(running.status == .running && running.actualStart != nil)
            #expect(try await server.send(.delete, "/v1/products/\(product.id)").status == .conflict)
            #expect(try await server.send(.delete, "/v1/orders/\(order.id)").status == .conflict)
            let listed = try TestServer.decode(Page<ProductionOrder>.self, try await server.send(.get, "/v1/orders?equipmentId=\(equipment.id)", as: .operator))
            #expect(listed.items.map(\.number) == ["4711"])
        }
    }

    @Test("Line settings are checked field by field; performance needs them and is cut at now")
    func settingsAndPerformance() async throws {
        try await TestServer.run { server in
            let (_, _, line, equipment) = try await PlantAPITests.makePlant(server)
            let noSettings = try await server.send(.get, "/v1/equipment/\(equipment.id)/performance", as: .operator)
            #expect(noSettings.status == .conflict && noSettings.problem?.detail.contains("production-settings") == true)

            var wrong = Self.settings
            wrong.faultReasons = ["F99": "NOPE"]
            wrong.minorStopSeconds = -1
            let refused = try await server.send(.put, "/v1/lines/\(line.id)/production-settings", as: .engineer, json: wrong)
            #expect(refused.status == .unprocessableContent)
            #expect(Set(refused.problem?.errors.map(\.field) ?? []) == ["/faultReasons/F99", "/minorStopSeconds"])
            #expect(try await server.send(.put, "/v1/lines/\(line.id)/production-settings", as: .operator, json: Self.settings).status == .forbidden)

            var settings = Self.settings
            settings.constraintEquipmentId = equipment.id
            #expect(try await server.send(.put, "/v1/lines/\(line.id)/production-settings", as: .engineer, json: settings).status == .ok)
            let stored = try TestServer.decode(LineProductionSettings.self, try await server.send(.get, "/v1/lines/\(line.id)/production-settings", as: .operator))
            #expect(stored == settings)

            let future = Date().addingTimeInterval(7200).formatted(.iso8601)
            let report = try TestServer.decode(EquipmentPerformance.self, try await server.send(
                .get, "/v1/lines/\(line.id)/performance?to=\(future)", as: .operator))
            #expect(report.equipmentId == equipment.id && report.window.end <= Date())
            // No order ran: no planned busy time, so no ratio is shown rather than a 0 % or 100 %.
            #expect(report.kpis.time.planned.plannedBusyTime == 0 && report.kpis.availability == nil)
            let unlisted = try TestServer.decode(EquipmentPerformance.self, try await server.send(
                .get, "/v1/lines/\(line.id)/performance?stops=false", as: .operator))
            #expect(unlisted.stops.isEmpty && unlisted.counterEvents.isEmpty && unlisted.kpis.time.planned.plannedBusyTime == 0)
            let badFlag = try await server.send(.get, "/v1/lines/\(line.id)/performance?stops=some", as: .operator)
            #expect(badFlag.status == .unprocessableContent && badFlag.problem?.errors.first?.field == "/stops")
            let periods = try await server.send(.get, "/v1/lines/\(line.id)/performance/periods.csv?by=day", as: .operator)
            #expect(periods.status == .ok && String(buffer: periods.body).hasPrefix("period,start,end,planned_busy_s,"))
            let badGrouping = try await server.send(.get, "/v1/equipment/\(equipment.id)/performance/periods?by=month", as: .operator)
            #expect(badGrouping.status == .unprocessableContent && badGrouping.problem?.errors.first?.reason == "must be one of shift, day, week, order")
            let stops = try await server.send(.get, "/v1/equipment/\(equipment.id)/stops.csv", as: .operator)
            #expect(String(buffer: stops.body) == "start,end,duration_s,initial_state,first_out_fault,proposed_reason,reason,coded_at,comments\r\n")
            let downtime = try await server.send(.post, "/v1/lines/\(line.id)/planned-downtimes", as: .operator,
                json: PlannedDowntimeInput(kind: .plannedMaintenance, start: Date(), end: Date().addingTimeInterval(3600), note: "Gearbox oil"))
            #expect(downtime.status == .created)
            let entry = try TestServer.decode(PlannedDowntimeEntry.self, downtime)
            #expect(entry.createdBy == "operator" && entry.kind == .plannedMaintenance)
            let backwards = try await server.send(.post, "/v1/lines/\(line.id)/planned-downtimes", as: .operator,
                json: PlannedDowntimeInput(kind: .meeting, start: Date(), end: Date().addingTimeInterval(-60)))
            #expect(backwards.status == .unprocessableContent && backwards.problem?.errors.first?.field == "/end")
            let nothing = try await server.send(.post, "/v1/equipment/\(equipment.id)/count-corrections", as: .operator,
                json: CountCorrectionInput(at: Date(), good: 0, reject: 0, reason: "none"))
            #expect(nothing.status == .unprocessableContent && nothing.problem?.errors.first?.field == "/good")
            try await server.putOnDuty(at: equipment)
            let noSplit = try await server.send(.post, "/v1/equipment/\(equipment.id)/stop-splits", as: .operator,
                json: StopSplitInput(stopStart: Date().addingTimeInterval(-60), at: Date().addingTimeInterval(-30)))
            #expect(noSplit.status == .notFound)
            let noStop = try await server.send(.post, "/v1/equipment/\(equipment.id)/stop-codings", as: .operator,
                                               json: StopCodingInput(stopStart: Date().addingTimeInterval(-60), reasonCode: "JAM"))
            #expect(noStop.status == .notFound)
        }
    }
}

@Suite("PLC connection API")
struct PLCConnectionAPITests {
    @Test("Engineers set an equipment's controller; bad hosts and ports are refused; status lists what is polled")
    func connection() async throws {
        try await TestServer.run { server in
            let (_, _, _, equipment) = try await PlantAPITests.makePlant(server)
            let path = "/v1/equipment/\(equipment.id)/plc-connection"
            #expect(try await server.send(.get, path, as: .operator).status == .notFound)
            #expect(try await server.send(.put, path, as: .operator, json: PLCConnectionInput(host: "10.0.0.5", protocol: .logix)).status == .forbidden)
            let bad = try await server.send(.put, path, as: .engineer, json: PLCConnectionInput(host: "plc one", port: 0, slot: 40, protocol: .slc))
            #expect(bad.status == .unprocessableContent)
            #expect(Set(bad.problem?.errors.map(\.field) ?? []) == ["/host", "/port", "/slot"])
            let set = try await server.send(.put, path, as: .engineer, json: PLCConnectionInput(host: "10.0.0.5", slot: 2, protocol: .logix))
            #expect(set.status == .ok)
            let stored = try TestServer.decode(PLCConnection.self, try await server.send(.get, path, as: .operator))
            #expect(stored.host == "10.0.0.5" && stored.port == 44818 && stored.slot == 2 && stored.enabled)
            #expect(try await server.send(.delete, "/v1/equipment/\(equipment.id)").status == .conflict)
            let status = try TestServer.decode(ItemList<PLCStatus>.self, try await server.send(.get, "/v1/plc-connections/status", as: .operator))
            #expect(status.items.isEmpty)  // the router test runs no background services: nothing is polled
            #expect(try await server.send(.delete, path).status == .noContent)
            #expect(try await server.send(.get, path, as: .operator).status == .notFound)
        }
    }
}

extension PLCConnectionAPITests {
    @Test("A broker's password is kept but never shown back; credentials, TLS and endpoint paths only where the protocol has them")
    func credentials() async throws {
        try await TestServer.run { server in
            let (_, _, _, equipment) = try await PlantAPITests.makePlant(server)
            let path = "/v1/equipment/\(equipment.id)/plc-connection"
            let misplaced = try await server.send(.put, path, as: .engineer, json: PLCConnectionInput(
                host: "10.0.0.5", protocol: .logix, username: "plc", password: "pw", tls: true, tlsCAFile: "ca.pem", endpointPath: "UA"))
            #expect(Set(misplaced.problem?.errors.map(\.field) ?? []) == ["/username", "/tls", "/tlsCAFile", "/endpointPath"])
            let orphanPassword = try await server.send(.put, path, as: .engineer, json: PLCConnectionInput(
                host: "broker", port: 8883, protocol: .mqtt, password: "pw"))
            #expect(orphanPassword.problem?.errors.map(\.field) == ["/password"])

            let input = PLCConnectionInput(
                host: "broker.plant.example", port: 8883, protocol: .mqtt, username: "line1", password: "s3cret-pass", tls: true,
                tlsCAFile: "/etc/ms5/plant-ca.pem")
            let set = try await server.send(.put, path, as: .engineer, json: input)
            #expect(set.status == .ok && !String(buffer: set.body).contains("s3cret"))
            let stored = try TestServer.decode(PLCConnection.self, try await server.send(.get, path, as: .operator))
            #expect(stored.username == "line1" && stored.hasPassword && stored.tls && stored.tlsCAFile == "/etc/ms5/plant-ca.pem")

            var unchanged = input
            unchanged.password = nil
            #expect(try TestServer.decode(PLCConnection.self, try await server.send(.put, path, as: .engineer, json: unchanged)).hasPassword)
            var cleared = input
            cleared.password = ""
            #expect(!(try TestServer.decode(PLCConnection.self, try await server.send(.put, path, as: .engineer, json: cleared)).hasPassword))

            let opcua = try TestServer.decode(PLCConnection.self, try await server.send(.put, path, as: .engineer, json: PLCConnectionInput(
                host: "10.0.0.9", port: 4840, protocol: .opcua, username: "operator", password: "secret", endpointPath: "/UA/Server")))
            #expect(opcua.endpointPath == "/UA/Server" && opcua.hasPassword && !opcua.tls)
        }
    }
}

@Suite("Job assignments API")
struct JobAssignmentAPITests {
    @Test("A lead assigns an operator; the operator accepts, starts and completes it step by step; others cannot")
    func assignments() async throws {
        try await TestServer.run { server in
            let (_, _, _, equipment) = try await PlantAPITests.makePlant(server)
            let product = try await server.create("/v1/products", ProductInput(code: "WHT-800", name: "White", idealCycleSeconds: 2), as: Product.self)
            let order = try await server.create("/v1/orders", ProductionOrderInput(
                number: "4711", productId: product.id, equipmentId: equipment.id, plannedQuantity: 100,
                plannedStart: Date(), plannedEnd: Date().addingTimeInterval(3600)), as: ProductionOrder.self)
            #expect(try await server.send(.put, "/v1/lines/\(equipment.lineId)/production-settings", json: ProductionAPITests.settings).status == .ok)
            let path = "/v1/orders/\(order.id)/assignments"
            #expect(try await server.send(.post, path, as: .operator, json: JobAssignmentInput(username: "operator")).status == .forbidden)
            let nobody = try await server.send(.post, path, as: .engineer, json: JobAssignmentInput(username: "nobody"))
            #expect(nobody.status == .unprocessableContent && nobody.problem?.errors.first?.field == "/username")
            let created = try await server.send(.post, path, as: .engineer, json: JobAssignmentInput(username: "Operator"))
            #expect(created.status == .created)
            let assignment = try TestServer.decode(JobAssignment.self, created)
            #expect(assignment.username == "operator" && assignment.status == .assigned && assignment.assignedBy == "engineer")
            #expect(try await server.send(.post, path, as: .engineer, json: JobAssignmentInput(username: "operator")).status == .conflict)

            let move = "/v1/assignments/\(assignment.id)/status"
            let skip = try await server.send(.post, move, as: .operator, json: AssignmentStatusChange(status: .started))
            #expect(skip.status == .conflict && skip.problem?.detail.contains("can move to accepted") == true)
            for status in [AssignmentStatus.accepted, .started] {
                let moved = try TestServer.decode(JobAssignment.self, try await server.send(.post, move, as: .operator, json: AssignmentStatusChange(status: status)))
                #expect(moved.status == status)
            }
            // A shift lead may complete it for the operator.
            let done = try TestServer.decode(JobAssignment.self, try await server.send(.post, move, as: .engineer, json: AssignmentStatusChange(status: .completed)))
            #expect(done.status == .completed && done.acceptedAt != nil && done.startedAt != nil && done.completedAt != nil)
            let mine = try TestServer.decode(ItemList<JobAssignment>.self, try await server.send(.get, "/v1/me/assignments", as: .operator))
            #expect(mine.items.map(\.id) == [assignment.id])
            #expect(try TestServer.decode(ItemList<JobAssignment>.self, try await server.send(.get, "/v1/me/assignments", as: .engineer)).items.isEmpty)

            // Another operator cannot move someone else's assignment.
            let second = try await server.create("/v1/orders", ProductionOrderInput(
                number: "4712", productId: product.id, equipmentId: equipment.id, plannedQuantity: 100,
                plannedStart: Date(), plannedEnd: Date().addingTimeInterval(3600)), as: ProductionOrder.self)
            let other = try TestServer.decode(JobAssignment.self, try await server.send(
                .post, "/v1/orders/\(second.id)/assignments", as: .engineer, json: JobAssignmentInput(username: "engineer")))
            let foreign = try await server.send(.post, "/v1/assignments/\(other.id)/status", as: .operator, json: AssignmentStatusChange(status: .accepted))
            #expect(foreign.status == .forbidden)
            #expect(try await server.send(.delete, "/v1/orders/\(second.id)").status == .noContent)
        }
    }
}
