import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
@testable import MS5Server
import Testing

@Suite("Checklists")
struct ChecklistAPITests {
    static let items = [
        ChecklistItem(key: "guard-closed", text: "Blade guard closed and interlocked", kind: .passFail),
        ChecklistItem(key: "oil-pressure", text: "Oil pressure", kind: .value, unit: "bar", minimum: 3.5, maximum: 5.0),
    ]

    @Test("Engineers keep templates; operators complete them and each answer is graded against its item")
    func completeChecklist() async throws {
        try await TestServer.run { server in
            let (_, _, _, equipment) = try await PlantAPITests.makePlant(server)
            let input = ChecklistTemplateInput(code: "SLC-PRESTART", name: "Slicer pre-start", equipmentIds: [equipment.id], items: Self.items)
            #expect(try await server.send(.post, "/v1/checklist-templates", as: .operator, json: input).status == .forbidden)
            let bad = try await server.send(.post, "/v1/checklist-templates", as: .engineer, json: ChecklistTemplateInput(
                code: "X", name: "X", equipmentIds: [UUID()], items: [
                    ChecklistItem(key: "a", text: "A", kind: .passFail, minimum: 1),
                    ChecklistItem(key: "b", text: "B", kind: .value, minimum: 5, maximum: 1),
                ]))
            #expect(bad.status == .unprocessableContent)
            #expect(Set(bad.problem?.errors.map(\.field) ?? []) == ["/items/0", "/items/1/maximum"])
            let unknownEquipment = try await server.send(.post, "/v1/checklist-templates", as: .engineer, json: ChecklistTemplateInput(
                code: "X", name: "X", equipmentIds: [UUID()], items: Self.items))
            #expect(unknownEquipment.problem?.errors.map(\.field) == ["/equipmentIds/0"])
            let template = try TestServer.decode(
                ChecklistTemplate.self, try await server.send(.post, "/v1/checklist-templates", as: .engineer, json: input))
            #expect(try await server.send(.post, "/v1/checklist-templates", as: .engineer, json: input).status == .conflict)
            let forEquipment = try TestServer.decode(
                ItemList<ChecklistTemplate>.self, try await server.send(.get, "/v1/checklist-templates?equipmentId=\(equipment.id)", as: .operator))
            #expect(forEquipment.items.map(\.code) == ["SLC-PRESTART"])
            #expect(try TestServer.decode(
                ItemList<ChecklistTemplate>.self, try await server.send(.get, "/v1/checklist-templates?equipmentId=\(UUID())", as: .operator)).items.isEmpty)

            try await server.putOnDuty(at: equipment)
            let missing = try await server.send(.post, "/v1/checklist-completions", as: .operator, json: ChecklistCompletionInput(
                templateId: template.id, equipmentId: equipment.id, answers: [ChecklistAnswer(key: "guard-closed", passed: true)]))
            #expect(missing.status == .unprocessableContent && missing.problem?.errors.first?.reason == "must answer 'oil-pressure'")
            let wrongKind = try await server.send(.post, "/v1/checklist-completions", as: .operator, json: ChecklistCompletionInput(
                templateId: template.id, equipmentId: equipment.id,
                answers: [ChecklistAnswer(key: "guard-closed", value: 1), ChecklistAnswer(key: "oil-pressure", value: 4.2)]))
            #expect(wrongKind.problem?.errors.map(\.field) == ["/answers/0/passed"])

            // 4.2 bar lies within 3.5…5.0 and the guard is closed: every item passes.
            let good = try TestServer.decode(ChecklistCompletion.self, try await server.send(.post, "/v1/checklist-completions", as: .operator, json:
                ChecklistCompletionInput(templateId: template.id, equipmentId: equipment.id, answers: [
                    ChecklistAnswer(key: "oil-pressure", value: 4.2), ChecklistAnswer(key: "guard-closed", passed: true),
                ])))
            #expect(good.passed && good.answers.map(\.passed) == [true, true] && good.completedBy == "operator")
            // 5.3 bar is above the 5.0 limit: that item and the checklist fail, the guard still passes.
            let high = try TestServer.decode(ChecklistCompletion.self, try await server.send(.post, "/v1/checklist-completions", as: .operator, json:
                ChecklistCompletionInput(templateId: template.id, equipmentId: equipment.id, answers: [
                    ChecklistAnswer(key: "guard-closed", passed: true), ChecklistAnswer(key: "oil-pressure", value: 5.3, note: "Gauge reads high"),
                ])))
            #expect(!high.passed && high.answers.map(\.answer.key) == ["guard-closed", "oil-pressure"] && high.answers.map(\.passed) == [true, false])

            let log = try TestServer.decode(
                ItemList<ChecklistCompletion>.self, try await server.send(.get, "/v1/checklist-completions?equipmentId=\(equipment.id)", as: .operator))
            #expect(Set(log.items.map(\.id)) == [high.id, good.id] && log.items.count == 2)
            #expect(try await server.send(.delete, "/v1/checklist-templates/\(template.id)", as: .engineer).status == .conflict)
        }
    }
}
