import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import MS5Domain
@testable import MS5Server
import Testing

@Suite("Andon API")
struct AndonAPITests {
    @Test("Admins register webhooks, engineers set policies and rules, operators raise, acknowledge and resolve calls")
    func andon() async throws {
        try await TestServer.run { server in
            let (_, _, line, equipment) = try await PlantAPITests.makePlant(server)

            let hookInput = WebhookEndpointInput(name: "Pager", url: "https://pager.bakery.example/ms5", secret: "sixteen-chars-at-least")
            #expect(try await server.send(.post, "/v1/webhooks", as: .engineer, json: hookInput).status == .forbidden)
            let badHook = try await server.send(.post, "/v1/webhooks", json: WebhookEndpointInput(name: "Pager", url: "ftp://x", secret: "short"))
            #expect(badHook.status == .unprocessableContent && Set(badHook.problem?.errors.map(\.field) ?? []) == ["/url", "/secret"])
            let created = try await server.send(.post, "/v1/webhooks", json: hookInput)
            #expect(created.status == .created && !String(buffer: created.body).contains("sixteen-chars"))
            let hook = try TestServer.decode(WebhookEndpoint.self, created)

            let policyInput = EscalationPolicyInput(lineId: line.id, category: .maintenance, priority: .high, levels: [
                EscalationLevel(delaySeconds: 60, roles: [.maintenance]),
                EscalationLevel(delaySeconds: 120, emails: ["manager@bakery.example"], webhookIds: [hook.id]),
            ])
            #expect(try await server.send(.post, "/v1/andon/escalation-policies", as: .operator, json: policyInput).status == .forbidden)
            let badPolicy = try await server.send(.post, "/v1/andon/escalation-policies", as: .engineer, json: EscalationPolicyInput(
                lineId: line.id, category: .maintenance, priority: .high, levels: [EscalationLevel(delaySeconds: 4, emails: ["not an address"])]))
            #expect(Set(badPolicy.problem?.errors.map(\.field) ?? []) == ["/levels/0/delaySeconds", "/levels/0/emails/0"])
            #expect(try await server.send(.post, "/v1/andon/escalation-policies", as: .engineer, json: policyInput).status == .created)
            #expect(try await server.send(.post, "/v1/andon/escalation-policies", as: .engineer, json: policyInput).status == .conflict)
            #expect(try await server.send(.delete, "/v1/webhooks/\(hook.id)").status == .conflict)

            let badRule = try await server.send(.post, "/v1/andon/rules", as: .engineer, json: AndonRuleInput(
                equipmentId: equipment.id, trigger: .rejectRate, thresholdSeconds: 0, category: .quality, priority: .medium))
            #expect(Set(badRule.problem?.errors.map(\.field) ?? []) == ["/rejectPercent", "/windowMinutes"])
            let rule = try await server.send(.post, "/v1/andon/rules", as: .engineer, json: AndonRuleInput(
                equipmentId: equipment.id, trigger: .fault, thresholdSeconds: 120, category: .maintenance, priority: .high))
            #expect(rule.status == .created)

            let unknownLine = try await server.send(.post, "/v1/andon/calls", as: .operator, json: AndonCallInput(
                lineId: UUID(), category: .help, priority: .low, text: ""))
            #expect(unknownLine.status == .unprocessableContent && unknownLine.problem?.errors.first?.field == "/lineId")
            let raised = try await server.send(.post, "/v1/andon/calls", as: .operator, json: AndonCallInput(
                lineId: line.id, equipmentId: equipment.id, category: .maintenance, priority: .high, text: "Blade dull"))
            #expect(raised.status == .created)
            let call = try TestServer.decode(AndonCall.self, raised)
            #expect(call.level == 1 && call.status == .open && call.raisedBy == "operator" && call.trigger == .person)
            #expect(call.nextEscalationAt == call.raisedAt.addingTimeInterval(60))

            let board = try TestServer.decode(AndonBoard.self, try await server.send(.get, "/v1/andon/board", as: .operator))
            #expect(board.lines.map(\.lineCode) == ["BREAD1"])
            #expect(board.lines.first?.calls.map(\.call.id) == [call.id] && board.lines.first?.calls.first?.heldBy == ["role:maintenance"])

            let path = "/v1/andon/calls/\(call.id)/status"
            let acknowledged = try TestServer.decode(AndonCall.self, try await server.send(.post, path, as: .operator, json: AndonCallAction(status: .acknowledged)))
            #expect(acknowledged.status == .acknowledged && acknowledged.acknowledgedBy == "operator" && acknowledged.nextEscalationAt == nil)
            let noNote = try await server.send(.post, path, as: .operator, json: AndonCallAction(status: .resolved))
            #expect(noNote.status == .unprocessableContent && noNote.problem?.errors.first?.field == "/note")
            let resolved = try await server.send(.post, path, as: .operator, json: AndonCallAction(status: .resolved, note: "Blade changed"))
            #expect(try TestServer.decode(AndonCall.self, resolved).resolutionNote == "Blade changed")
            #expect(try await server.send(.post, path, as: .operator, json: AndonCallAction(status: .cancelled, note: "x")).status == .conflict)
            #expect(try TestServer.decode(ItemList<AndonCall>.self, try await server.send(.get, "/v1/andon/calls", as: .operator)).items.isEmpty)
            let all = try TestServer.decode(ItemList<AndonCall>.self, try await server.send(.get, "/v1/andon/calls?status=all&lineId=\(line.id)", as: .operator))
            #expect(all.items.map(\.id) == [call.id])
            #expect(try await server.send(.get, "/v1/andon/calls?status=open", as: .operator).status == .unprocessableContent)

            #expect(try await server.send(.get, "/v1/andon/calls/\(call.id)/notifications", as: .operator).status == .forbidden)
            let log = try TestServer.decode(ItemList<AndonNotification>.self, try await server.send(.get, "/v1/andon/calls/\(call.id)/notifications"))
            #expect(log.items.map(\.target) == ["role:maintenance"] && log.items.first?.level == 1)
            #expect(try await server.send(.get, "/v1/andon/calls/\(UUID())/notifications").status == .notFound)
        }
    }
}
