import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
@testable import MS5Server
import Testing

@Suite("Attribute rules")
struct AttributeRuleTests {
    static let checklist = ChecklistTemplateInput(
        code: "PRESTART", name: "Pre-start", equipmentIds: [],
        items: [ChecklistItem(key: "guard-closed", text: "Guard closed", kind: .passFail)])

    /// A second line in the same area as `equipment`'s, with an equipment of its own.
    static func otherLine(_ server: TestServer, besides equipment: Equipment) async throws -> Equipment {
        let line = try TestServer.decode(Line.self, try await server.send(.get, "/v1/lines/\(equipment.lineId)"))
        let other = try await server.create("/v1/lines", LineInput(areaId: line.areaId, code: "BUN1", name: "Bun line"), as: Line.self)
        return try await server.create("/v1/equipment", EquipmentInput(lineId: other.id, code: "MIX1", name: "Mixer", type: "mixer", criticality: 3), as: Equipment.self)
    }

    /// Completes the pre-start checklist of `equipment` as `role`.
    static func complete(_ server: TestServer, _ template: ChecklistTemplate, at equipment: Equipment, as role: Role) async throws -> TestResponse {
        try await server.send(.post, "/v1/checklist-completions", as: role, json: ChecklistCompletionInput(
            templateId: template.id, equipmentId: equipment.id, answers: [ChecklistAnswer(key: "guard-closed", passed: true)]))
    }

    @Test("An operator on duty on one line changes its equipment's records; another line's equipment → 403, a supervisor may")
    func anotherLine() async throws {
        try await TestServer.run(roles: [.admin, .operator, .supervisor]) { server in
            let (_, _, _, slicer) = try await PlantAPITests.makePlant(server)
            let mixer = try await Self.otherLine(server, besides: slicer)
            var input = Self.checklist
            input.equipmentIds = [slicer.id, mixer.id]
            let template = try await server.create("/v1/checklist-templates", input, as: ChecklistTemplate.self)

            let noShifts = try await Self.complete(server, template, at: slicer, as: .operator)
            #expect(noShifts.status == .forbidden && noShifts.problem?.detail.hasPrefix("This line has no shift pattern yet") == true)
            #expect(try await server.send(.put, "/v1/lines/\(slicer.lineId)/production-settings", json: ProductionAPITests.settings).status == .ok)
            let unassigned = try await Self.complete(server, template, at: slicer, as: .operator)
            #expect(unassigned.status == .forbidden && unassigned.problem?.code == "not-on-duty")
            #expect(unassigned.problem?.detail.hasPrefix("You hold no open job on this line") == true)

            try await server.putOnDuty(at: slicer)
            #expect(try await Self.complete(server, template, at: slicer, as: .operator).status == .created)
            let elsewhere = try await Self.complete(server, template, at: mixer, as: .operator)
            #expect(elsewhere.status == .forbidden && elsewhere.problem?.code == "not-on-duty")
            let coding = try await server.send(.post, "/v1/equipment/\(mixer.id)/stop-codings", as: .operator,
                                               json: StopCodingInput(stopStart: Date().addingTimeInterval(-60), reasonCode: "JAM"))
            #expect(coding.status == .forbidden && coding.problem?.code == "not-on-duty")
            // Roles above the operator are not bound to a line.
            #expect(try await Self.complete(server, template, at: mixer, as: .supervisor).status == .created)
        }
    }

    @Test("A job given today does not carry into tomorrow: outside its shift the operator is refused with 403")
    func outsideTheShift() async throws {
        // The server's clock runs a day ahead of the records' clock: the job given "now" is for
        // the shift in progress a day before the server's now.
        try await TestServer.run(roles: [.admin, .operator], clock: { Date().addingTimeInterval(86_400) }) { server in
            let (_, _, _, slicer) = try await PlantAPITests.makePlant(server)
            var input = Self.checklist
            input.equipmentIds = [slicer.id]
            let template = try await server.create("/v1/checklist-templates", input, as: ChecklistTemplate.self)
            let job = try await server.putOnDuty(at: slicer)

            let refused = try await Self.complete(server, template, at: slicer, as: .operator)
            #expect(refused.status == .forbidden && refused.problem?.code == "not-on-duty")
            #expect(refused.problem?.detail.hasPrefix("Your shift on this line is over") == true)
            let move = try await server.send(.post, "/v1/assignments/\(job.id)/status", as: .operator, json: AssignmentStatusChange(status: .accepted))
            #expect(move.status == .forbidden && move.problem?.code == "not-on-duty")
            #expect(try await server.send(.get, "/v1/checklist-completions?equipmentId=\(slicer.id)", as: .operator).status == .ok)
        }
    }
}
