import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
@testable import MS5Server
import Testing

@Suite("Teams")
struct TeamAPITests {
    @Test("Managers keep teams of existing accounts; an escalation level names a team, and the board shows it holds the call")
    func teamsInEscalation() async throws {
        try await TestServer.run { server in
            let (_, _, line, equipment) = try await PlantAPITests.makePlant(server)

            let crew = TeamInput(code: "crew-a", name: "Maintenance crew A", members: ["Operator", "engineer"])
            #expect(try await server.send(.post, "/v1/teams", as: .engineer, json: crew).status == .forbidden)
            let unknown = try await server.send(.post, "/v1/teams", json: TeamInput(code: "crew-b", name: "B", members: ["engineer", "nobody"]))
            #expect(unknown.status == .unprocessableContent && unknown.problem?.errors.map(\.field) == ["/members/1"])
            let created = try await server.send(.post, "/v1/teams", json: crew)
            #expect(created.status == .created)
            let team = try TestServer.decode(Team.self, created)
            #expect(team.members == ["engineer", "operator"])
            #expect(try await server.send(.post, "/v1/teams", json: crew).status == .conflict)
            let listed = try TestServer.decode(ItemList<Team>.self, try await server.send(.get, "/v1/teams", as: .operator))
            #expect(listed.items.map(\.code) == ["crew-a"])

            let noSuchTeam = try await server.send(.post, "/v1/andon/escalation-policies", as: .engineer, json: EscalationPolicyInput(
                lineId: line.id, category: .maintenance, priority: .high, levels: [EscalationLevel(delaySeconds: 60, teams: ["crew-z"])]))
            #expect(noSuchTeam.status == .unprocessableContent && noSuchTeam.problem?.errors.map(\.field) == ["/levels/0/teams/0"])
            #expect(try await server.send(.post, "/v1/andon/escalation-policies", as: .engineer, json: EscalationPolicyInput(
                lineId: line.id, category: .maintenance, priority: .high,
                levels: [EscalationLevel(delaySeconds: 60, roles: [.maintenance], teams: ["crew-a"])])).status == .created)

            let raised = try await server.send(.post, "/v1/andon/calls", as: .operator, json: AndonCallInput(
                lineId: line.id, equipmentId: equipment.id, category: .maintenance, priority: .high, text: "Bearing noise"))
            let call = try TestServer.decode(AndonCall.self, raised)
            let board = try TestServer.decode(AndonBoard.self, try await server.send(.get, "/v1/andon/board", as: .operator))
            #expect(board.lines.first?.calls.first?.heldBy == ["role:maintenance", "team:crew-a"])
            let log = try TestServer.decode(ItemList<AndonNotification>.self, try await server.send(.get, "/v1/andon/calls/\(call.id)/notifications"))
            #expect(Set(log.items.map(\.target)) == ["role:maintenance", "team:crew-a"] && log.items.allSatisfy { $0.channel == .app })

            #expect(try await server.send(.delete, "/v1/teams/\(team.id)").status == .conflict)
            let renamed = try await server.send(.put, "/v1/teams/\(team.id)", json: TeamInput(code: "crew-a", name: "Crew A", members: []))
            #expect(try TestServer.decode(Team.self, renamed).members.isEmpty)
            #expect(try await server.send(.delete, "/v1/teams/\(UUID())").status == .notFound)
        }
    }
}
