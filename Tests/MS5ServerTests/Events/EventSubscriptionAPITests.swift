import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Andon
import MS5Domain
import MS5Identity
import MS5JSON
@testable import MS5Server
import MS5Storage
import MS5TestSupport
import NIOFoundationEssentialsCompat
import Testing

@Suite("Event subscriptions API")
struct EventSubscriptionAPITests {
    static let secret = "a-secret-of-twenty-chars"

    static func endpoint(_ server: TestServer, url: String = "https://erp.bakery.example/ms5") async throws -> WebhookEndpoint {
        try await server.create("/v1/webhooks", WebhookEndpointInput(name: "ERP", url: url, secret: secret), as: WebhookEndpoint.self)
    }

    @Test("Administrators alone keep subscriptions; bad fields are refused by name; lists page by name; an endpoint in use is not deleted")
    func crud() async throws {
        try await TestServer.run { server in
            let endpoint = try await Self.endpoint(server)
            let input = EventSubscriptionInput(name: "Stops", endpointId: endpoint.id, types: [.productionStopUnplanned])
            #expect(try await server.send(.post, "/v1/event-subscriptions", as: .engineer, json: input).status == .forbidden)
            #expect(try await server.send(.get, "/v1/event-subscriptions", as: .operator).status == .forbidden)

            let unknownType = try await server.sendRaw(.post, "/v1/event-subscriptions", body: """
                {"name":"x","endpointId":"\(endpoint.id)","types":["andon.triggered.v1","andon.exploded.v1"],"enabled":true}
                """)
            #expect(unknownType.status == .unprocessableContent && unknownType.problem?.errors.map(\.field) == ["/types/1"])
            let unknownEndpoint = try await server.send(
                .post, "/v1/event-subscriptions", json: EventSubscriptionInput(name: "x", endpointId: UUID(), types: [.machineFault], siteId: UUID()))
            #expect(unknownEndpoint.status == .unprocessableContent && unknownEndpoint.problem?.errors.map(\.field) == ["/endpointId", "/siteId"])
            let noTypes = try await server.send(.post, "/v1/event-subscriptions", json: EventSubscriptionInput(name: "x", endpointId: endpoint.id, types: []))
            #expect(noTypes.status == .unprocessableContent && noTypes.problem?.errors.map(\.field) == ["/types"])

            var made: [EventSubscription] = []
            for name in ["Stops", "Andon", "Faults"] {
                var named = input
                named.name = name
                made.append(try await server.create("/v1/event-subscriptions", named, as: EventSubscription.self))
            }
            let page = try TestServer.decode(Page<EventSubscription>.self, try await server.send(.get, "/v1/event-subscriptions?limit=2"))
            #expect(page.items.map(\.name) == ["Andon", "Faults"])
            let rest = try TestServer.decode(
                Page<EventSubscription>.self, try await server.send(.get, "/v1/event-subscriptions?limit=2&cursor=\(page.nextCursor ?? "")"))
            #expect(rest.items.map(\.name) == ["Stops"] && rest.nextCursor == nil)

            var changed = input
            changed.types = [.andonTriggered, .andonResolved]
            changed.enabled = false
            let replaced = try await server.send(.put, "/v1/event-subscriptions/\(made[0].id)", json: changed)
            #expect(replaced.status == .ok)
            let detail = try TestServer.decode(EventSubscriptionDetail.self, try await server.send(.get, "/v1/event-subscriptions/\(made[0].id)"))
            #expect(detail.subscription.types == [.andonResolved, .andonTriggered] && !detail.subscription.enabled)
            #expect(detail.state.position == 0 && detail.state.backlog == 0 && detail.state.failures == 0 && detail.state.lastError == nil)

            let refused = try await server.send(.delete, "/v1/webhooks/\(endpoint.id)")
            #expect(refused.status == .conflict && refused.problem?.detail.contains("3 event subscription(s)") == true)
            for subscription in made {
                #expect(try await server.send(.delete, "/v1/event-subscriptions/\(subscription.id)").status == .noContent)
            }
            #expect(try await server.send(.get, "/v1/event-subscriptions/\(made[0].id)").status == .notFound)
            #expect(try await server.send(.delete, "/v1/webhooks/\(endpoint.id)").status == .noContent)
        }
    }

    @Test("Creating, changing and deleting a subscription go to the ledger with who did it", arguments: TestDatabases.kinds)
    func audited(_ kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let id = try await TestServer.run(database: database.url) { server in
                let endpoint = try await Self.endpoint(server)
                let input = EventSubscriptionInput(name: "Stops", endpointId: endpoint.id, types: [.productionStopUnplanned])
                let made = try await server.create("/v1/event-subscriptions", input, as: EventSubscription.self)
                var changed = input
                changed.types.append(.productionStopPlanned)
                #expect(try await server.send(.put, "/v1/event-subscriptions/\(made.id)", json: changed).status == .ok)
                #expect(try await server.send(.delete, "/v1/event-subscriptions/\(made.id)").status == .noContent)
                return made.id
            }
            let history = try await AuditLedger.history(database, recordType: "event subscription", recordId: id.uuidString.lowercased())
            #expect(history.map(\.action) == ["delete", "update", "create"] && history.allSatisfy { $0.actor == "admin" })
            #expect(AuditCoverageAPITests.count(AuditCoverageAPITests.field(history[1].after, "types")) == 2)
            #expect(AuditCoverageAPITests.count(AuditCoverageAPITests.field(history[1].before, "types")) == 1)
        }
    }

    @Test("A running server POSTs a subscribed event exactly as /v1/events serves it, signed")
    func delivered() async throws {
        let receiver = WebhookReceiver()
        let url = try await receiver.start()
        try await TestServer.run(testing: .live, roles: [.admin, .supervisor]) { server in
            let (_, _, line, equipment) = try await PlantAPITests.makePlant(server)
            let endpoint = try await Self.endpoint(server, url: url)
            let subscription = try await server.create(
                "/v1/event-subscriptions", EventSubscriptionInput(name: "Andon", endpointId: endpoint.id, types: [.andonTriggered]),
                as: EventSubscription.self)
            let raised = try await server.send(.post, "/v1/andon/calls", as: .supervisor, json: AndonCallInput(
                lineId: line.id, equipmentId: equipment.id, category: .maintenance, priority: .high, text: "Blade dull"))
            #expect(raised.status == .created)
            // The service finds the new subscription within seconds; the detail counts the delivery once the receiver took it,
            // and the backlog empties once the position has moved past it (a moment later).
            let deadline = ContinuousClock.now + .seconds(60)
            var detail = try TestServer.decode(EventSubscriptionDetail.self, try await server.send(.get, "/v1/event-subscriptions/\(subscription.id)"))
            while detail.state.delivered == 0 || detail.state.backlog > 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
                detail = try TestServer.decode(EventSubscriptionDetail.self, try await server.send(.get, "/v1/event-subscriptions/\(subscription.id)"))
            }
            #expect(detail.state.delivered == 1 && detail.state.backlog == 0 && detail.state.lastDeliveredAt != nil)
            let request = try #require(receiver.received.first)
            let listed = try TestServer.decode(Page<MS5JSON.JSONValue>.self, try await server.send(.get, "/v1/events?type=andon.triggered.v1"))
            #expect(try JSONBody.decoder.decode(MS5JSON.JSONValue.self, from: request.body) == listed.items.first)
            let timestamp = try #require(Int(request.headers["x-ms5-timestamp"] ?? ""))
            #expect(WebhookSignature.verify(header: request.headers["x-ms5-signature"] ?? "", body: request.body, timestamp: timestamp, secret: Self.secret))
            #expect(receiver.received.count == 1)
        }
        try await receiver.stop()
    }
}
