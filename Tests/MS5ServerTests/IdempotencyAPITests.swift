import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
@testable import MS5Server
import NIOCore
import Testing

@Suite("Idempotency keys")
struct IdempotencyAPITests {
    static let key = HTTPField.Name("Idempotency-Key")!

    @Test("A write sent again with its Idempotency-Key answers as the first time and changes nothing")
    func replay() async throws {
        try await TestServer.run { server in
            let (_, _, line, equipment) = try await PlantAPITests.makePlant(server)
            let input = AndonCallInput(lineId: line.id, equipmentId: equipment.id, category: .maintenance, priority: .high, text: "Jam")
            let first = try await server.send(.post, "/v1/andon/calls", as: .operator, json: input, headers: [Self.key: "outbox-1"])
            let again = try await server.send(.post, "/v1/andon/calls", as: .operator, json: input, headers: [Self.key: "outbox-1"])
            #expect(first.status == .created && again.status == .created)
            #expect(first.headers[IdempotentWrites.replayedHeader] == nil && again.headers[IdempotentWrites.replayedHeader] == "true")
            let call = try TestServer.decode(AndonCall.self, first)
            #expect(try TestServer.decode(AndonCall.self, again).id == call.id)
            let open = try TestServer.decode(ItemList<AndonCall>.self, try await server.send(.get, "/v1/andon/calls", as: .operator))
            #expect(open.items.map(\.id) == [call.id])

            // The same key for another request is refused; another account's key space is its own.
            let other = AndonCallInput(lineId: line.id, category: .help, priority: .low, text: "Other")
            let reused = try await server.send(.post, "/v1/andon/calls", as: .operator, json: other, headers: [Self.key: "outbox-1"])
            #expect(reused.status == .unprocessableContent && reused.problem?.code == "idempotency-key-reused")
            #expect(try await server.send(.post, "/v1/andon/calls", as: .engineer, json: other, headers: [Self.key: "outbox-1"]).status == .created)

            // Acknowledging twice with one key is one acknowledgement, not a conflict.
            let status = "/v1/andon/calls/\(call.id)/status"
            let ack = AndonCallAction(status: .acknowledged)
            #expect(try await server.send(.post, status, as: .operator, json: ack, headers: [Self.key: "ack-1"]).status == .ok)
            #expect(try await server.send(.post, status, as: .operator, json: ack, headers: [Self.key: "ack-1"]).status == .ok)
            #expect(try await server.send(.post, status, as: .operator, json: ack, headers: [Self.key: "ack-2"]).status == .conflict)
        }
    }

    @Test("A refused write gives its key back, so the corrected action can be sent with it")
    func refusedWrite() async throws {
        try await TestServer.run { server in
            let (_, _, line, _) = try await PlantAPITests.makePlant(server)
            let wrong = AndonCallInput(lineId: UUID(), category: .help, priority: .low, text: "")
            let refused = try await server.send(.post, "/v1/andon/calls", as: .operator, json: wrong, headers: [Self.key: "k-2"])
            #expect(refused.status == .unprocessableContent && refused.problem?.errors.first?.field == "/lineId")
            let right = AndonCallInput(lineId: line.id, category: .help, priority: .low, text: "")
            #expect(try await server.send(.post, "/v1/andon/calls", as: .operator, json: right, headers: [Self.key: "k-2"]).status == .created)

            let badKey = try await server.send(.post, "/v1/andon/calls", as: .operator, json: right, headers: [Self.key: "no spaces"])
            #expect(badKey.status == .badRequest && badKey.problem?.code == "invalid-idempotency-key")
        }
    }
}
