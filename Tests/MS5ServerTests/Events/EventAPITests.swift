import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
import MS5JSON
import NIOFoundationEssentialsCompat
@testable import MS5Server
import Testing

@Suite("Events API")
struct EventAPITests {
    @Test("Replay lists the account's sites' events in order, filtered and paged by position, as CloudEvents")
    func replay() async throws {
        try await TestServer.run(roles: [.admin, .supervisor]) { server in
            let (north, _, northLine, northEquipment) = try await PlantAPITests.makePlant(server)
            let (_, southLine, _) = try await SiteScopeTests.secondSite(server)
            let raise = { (line: UUID, equipment: UUID?) in
                try await server.send(.post, "/v1/andon/calls", as: .supervisor, json: AndonCallInput(
                    lineId: line, equipmentId: equipment, category: .maintenance, priority: .high, text: "Blade dull"))
            }
            let first = try TestServer.decode(AndonCall.self, try await raise(northLine.id, northEquipment.id))
            _ = try await raise(southLine.id, nil)
            _ = try await server.send(.post, "/v1/andon/calls/\(first.id)/status", as: .supervisor, json: AndonCallAction(status: .acknowledged))

            let all = try TestServer.decode(Page<EventDocument>.self, try await server.send(.get, "/v1/events", as: .supervisor))
            #expect(all.items.map(\.type) == ["andon.triggered.v1", "andon.triggered.v1", "andon.acknowledged.v1"])
            #expect(all.items.map(\.position) == [1, 2, 3] && all.nextCursor == nil)
            let triggered = all.items[0]
            #expect(triggered.specversion == "1.0" && triggered.datacontenttype == "application/json")
            #expect(triggered.subject == "andon-call/\(first.id.uuidString.lowercased())")
            #expect(triggered.source == "/ms5/sites/\(north.id.uuidString.lowercased())")
            #expect(triggered.dataschema == "/v1/events/schemas/andon.triggered.v1")
            // Ids in the envelope are written in lower case, as in the Kafka headers and the webhooks' Idempotency-Key.
            #expect(triggered.id == triggered.id.lowercased() && UUID(uuidString: triggered.id) != nil)
            #expect(triggered.siteid == north.id.uuidString.lowercased() && triggered.lineid == northLine.id.uuidString.lowercased())
            #expect(triggered.equipmentid == northEquipment.id.uuidString.lowercased())
            guard case .object(let data) = triggered.data, case .object(let call)? = data["call"] else { Issue.record("no call in the data"); return }
            #expect(data["kind"] == .string("triggered") && call["id"] == .string(first.id.uuidString))

            // Paging: two at a time, continuing after the last position seen.
            let page = try TestServer.decode(Page<EventDocument>.self, try await server.send(.get, "/v1/events?limit=2", as: .supervisor))
            #expect(page.items.map(\.position) == [1, 2] && page.nextCursor == "2")
            let rest = try TestServer.decode(Page<EventDocument>.self, try await server.send(.get, "/v1/events?after=2", as: .supervisor))
            #expect(rest.items.map(\.position) == [3])
            let filtered = try TestServer.decode(Page<EventDocument>.self, try await server.send(
                .get, "/v1/events?type=andon.acknowledged.v1,andon.resolved.v1&lineId=\(northLine.id)", as: .supervisor))
            #expect(filtered.items.map(\.position) == [3])
            let later = try TestServer.decode(Page<EventDocument>.self, try await server.send(.get, "/v1/events?from=2099-01-01T00:00:00Z", as: .supervisor))
            #expect(later.items.isEmpty)

            // An account of the north site sees none of the south site's events.
            let supervisor = try await SiteScopeTests.userId(server, .supervisor)
            #expect(try await server.send(.put, "/v1/users/\(supervisor)/sites", json: UserSites([north.id])).status == .ok)
            let scoped = try TestServer.decode(Page<EventDocument>.self, try await server.send(.get, "/v1/events", as: .supervisor))
            #expect(scoped.items.map(\.position) == [1, 3])
        }
    }

    @Test("Bad replay queries are refused naming each field; signed-out callers are refused")
    func badQueries() async throws {
        try await TestServer.run { server in
            let bad = try await server.send(.get, "/v1/events?type=andon.triggered.v9&from=yesterday&after=-1&limit=501", as: .operator)
            #expect(bad.status == .unprocessableContent)
            #expect(Set(bad.problem?.errors.map(\.field) ?? []) == ["/type", "/from", "/after", "/limit"])
            let reversed = try await server.send(.get, "/v1/events?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", as: .operator)
            #expect(reversed.problem?.errors.map(\.field) == ["/from"])
            #expect(try await server.client.execute(uri: "/v1/events", method: .get).status == .unauthorized)
            #expect(try await server.client.execute(uri: "/v1/events/schemas", method: .get).status == .unauthorized)
        }
    }

    @Test("Every event type has a JSON Schema at its own URL, its data described under $defs")
    func schemas() async throws {
        try await TestServer.run { server in
            let catalogue = try TestServer.decode(ItemList<EventSchemas.Entry>.self, try await server.send(.get, "/v1/events/schemas", as: .operator))
            #expect(catalogue.items.map(\.type) == EventType.allCases.map(\.rawValue) + ["erp.production-order.v1"])
            #expect(catalogue.items.map(\.direction) == Array(repeating: "published", count: EventType.allCases.count) + ["consumed"])
            let stop = catalogue.items.first { $0.type == "production.stop.unplanned.v1" }
            #expect(stop?.family == "production.stop" && stop?.version == 1 && stop?.schema == "/v1/events/schemas/production.stop.unplanned.v1")

            let response = try await server.send(.get, "/v1/events/schemas/production.stop.unplanned.v1", as: .operator)
            #expect(response.status == .ok && response.headers[.contentType] == "application/schema+json")
            let document = try JSONDecoder().decode(MS5JSON.JSONValue.self, from: Data(buffer: response.body))
            guard case .object(let schema) = document, case .object(let defs)? = schema["$defs"], case .object(let properties)? = schema["properties"]
            else { Issue.record("not a schema document"); return }
            #expect(schema["$id"] == .string("/v1/events/schemas/production.stop.unplanned.v1"))
            #expect(properties["data"] == .object(["$ref": .string("#/$defs/ProductionStopEvent")]))
            #expect(Set(defs.keys) == ["ProductionStopEvent", "Stop", "StopPlanning", "MachineState"])
            // Every reference resolves inside the document.
            #expect(EventSchemaCompatibility.references(in: document).allSatisfy { defs[String($0.dropFirst("#/$defs/".count))] != nil })

            #expect(try await server.send(.get, "/v1/events/schemas/production.stop.unplanned.v7", as: .operator).status == .notFound)

            // The ERP's order messages, as ms5 reads them: the body itself, no envelope.
            let orders = try await server.send(.get, "/v1/events/schemas/erp.production-order.v1", as: .operator)
            let ordersSchema = try JSONDecoder().decode(MS5JSON.JSONValue.self, from: Data(buffer: orders.body))
            guard case .object(let order) = ordersSchema, case .object(let orderDefs)? = order["$defs"] else { Issue.record("not a schema document"); return }
            #expect(order["required"] == .array([.string("action"), .string("id"), .string("orderNumber")]))
            #expect(Set(orderDefs.keys) == ["ERPOrderMessage", "ERPOrderAction"])
            #expect(EventSchemaCompatibility.references(in: ordersSchema).allSatisfy { orderDefs[String($0.dropFirst("#/$defs/".count))] != nil })
        }
    }
}
