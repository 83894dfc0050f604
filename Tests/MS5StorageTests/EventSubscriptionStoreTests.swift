import Foundation
import MS5Domain
import MS5Identity
@testable import MS5Storage
import MS5TestSupport
import Testing

@Suite("Event subscriptions")
struct EventSubscriptionStoreTests {
    /// Raises and acknowledges one Andon call on the plant's line: two events.
    static func writeEvents(_ database: Database, _ plant: PlantFixture) async throws {
        let calls = AndonCallStore(database: database)
        let raised = try await calls.raise(
            AndonCallInput(lineId: plant.line.id, equipmentId: plant.equipment.id, category: .quality, priority: .high, text: "Seal open"), by: "op")
        _ = try await calls.act(raised.call.id, AndonCallAction(status: .acknowledged), by: "lead")
    }

    static func endpoint(_ database: Database) async throws -> WebhookEndpoint {
        try await WebhookEndpointStore(database: database).create(
            WebhookEndpointInput(name: "ERP", url: "https://erp.bakery.example/ms5", secret: "a-secret-of-twenty-chars"))
    }

    @Test("A subscription starts at the outbox's head, is audited, and refuses an unknown endpoint or site by field", arguments: TestDatabases.kinds)
    func create(_ kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            try await Self.writeEvents(database, plant)
            let endpoint = try await Self.endpoint(database)
            let store = EventSubscriptionStore(database: database)
            let created = try await store.create(EventSubscriptionInput(
                name: "Stops to ERP", endpointId: endpoint.id, types: [.andonTriggered, .productionStopUnplanned, .andonTriggered], siteId: plant.site.id))
            #expect(created.types == [.andonTriggered, .productionStopUnplanned])
            #expect(try await store.get(created.id) == created)
            #expect(try await EventLog(database: database).position(of: created.consumer) == 2)
            let detail = try await store.detail(created.id)
            #expect(detail.state == EventSubscriptionState(
                position: 2, backlog: 0, delivered: 0, failures: 0, lastError: nil, lastErrorAt: nil, lastDeliveredAt: nil, holder: nil))
            try await Self.writeEvents(database, plant)
            #expect(try await store.detail(created.id).state.backlog == 1)

            let history = try await AuditLedger.history(database, recordType: "event subscription", recordId: created.id.uuidString.lowercased())
            #expect(history.map(\.action) == ["create"])

            let unknown = await #expect(throws: DomainError.self) {
                try await store.create(EventSubscriptionInput(name: "x", endpointId: UUID(), types: [.machineFault], siteId: UUID()))
            }
            #expect(unknown?.violations.map(\.field) == ["/endpointId", "/siteId"])
            let empty = await #expect(throws: DomainError.self) {
                try await store.create(EventSubscriptionInput(name: "x", endpointId: endpoint.id, types: []))
            }
            #expect(empty?.violations.map(\.field) == ["/types"])
        }
    }

    @Test("Subscriptions page by name; replace keeps the place; delete forgets it; an endpoint in use is not deleted", arguments: TestDatabases.kinds)
    func lifecycle(_ kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let endpoint = try await Self.endpoint(database)
            let store = EventSubscriptionStore(database: database)
            var made: [EventSubscription] = []
            for name in ["C", "A", "B"] {
                made.append(try await store.create(EventSubscriptionInput(name: name, endpointId: endpoint.id, types: [.machineFault])))
            }
            let first = try await store.list(PageRequest(limit: 2))
            #expect(first.items.map(\.name) == ["A", "B"])
            let cursor = try #require(first.nextCursor.flatMap(PageCursor.init(encoded:)))
            let second = try await store.list(PageRequest(limit: 2, after: cursor))
            #expect(second.items.map(\.name) == ["C"] && second.nextCursor == nil)

            let replaced = try await store.replace(
                made[0].id, with: EventSubscriptionInput(name: "C2", endpointId: endpoint.id, types: [.andonResolved], enabled: false))
            #expect(replaced.types == [.andonResolved] && !replaced.enabled && replaced.createdAt == made[0].createdAt)
            #expect(try await store.enabled().map(\.name).sorted() == ["A", "B"])

            let refused = await #expect(throws: DomainError.self) { try await WebhookEndpointStore(database: database).delete(endpoint.id) }
            #expect(refused?.code == .conflict && refused?.message.contains("3 event subscription(s)") == true)

            for subscription in made { try await store.delete(subscription.id) }
            #expect(try await EventLog(database: database).position(of: made[0].consumer) == nil)
            let history = try await AuditLedger.history(database, recordType: "event subscription", recordId: made[0].id.uuidString.lowercased())
            #expect(history.map(\.action) == ["delete", "update", "create"])
            try await WebhookEndpointStore(database: database).delete(endpoint.id)
            await #expect(throws: DomainError.self) { try await store.get(made[1].id) }
        }
    }

    @Test("Deliveries and failures are counted: failures in a row with the last error, reset by a delivery", arguments: TestDatabases.kinds)
    func deliveryState(_ kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let endpoint = try await Self.endpoint(database)
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let store = EventSubscriptionStore(database: database, clock: { now })
            let subscription = try await store.create(EventSubscriptionInput(name: "A", endpointId: endpoint.id, types: [.machineFault]))
            #expect(try await store.recordFailure(subscription.id, error: "the receiver answered HTTP 500") == 1)
            #expect(try await store.recordFailure(subscription.id, error: "the receiver answered HTTP 503") == 2)
            var state = try await store.detail(subscription.id).state
            #expect(state.failures == 2 && state.lastError == "the receiver answered HTTP 503" && state.lastErrorAt == now && state.delivered == 0)
            try await store.recordDelivery(subscription.id)
            state = try await store.detail(subscription.id).state
            #expect(state.failures == 0 && state.lastError == nil && state.delivered == 1 && state.lastDeliveredAt == now)
        }
    }
}
