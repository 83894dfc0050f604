import Foundation
import MS5Andon
import MS5Domain
import MS5Events
import MS5Retry
import MS5Storage
import MS5TestSupport
import Testing

@Suite("Event webhooks")
struct EventWebhookServiceTests {
    @Test("Events of the subscribed types arrive in order, signed, with the event id as idempotency key; others do not", arguments: TestDatabases.kinds)
    func subscribedTypesInOrder(_ kind: Database.Kind) async throws {
        let receiver = WebhookReceiver()
        let url = try await receiver.start()
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let subscription = try await WebhookFixture.subscribe(database, url: url, types: [.andonTriggered], siteId: plant.site.id)
            let other = try await PlantFixture.make(database, siteCode: "BAK2")
            let elsewhere = WebhookReceiver()
            let otherURL = try await elsewhere.start()
            let otherSubscription = try await WebhookFixture.subscribe(database, url: otherURL, types: [.andonTriggered], siteId: other.site.id)
            let store = EventSubscriptionStore(database: database)
            try await WebhookFixture.running([WebhookFixture.service(database)]) {
                _ = try await RelayFixture.writeAndonEvents(database, plant: plant, calls: 3)
                try await RelayFixture.wait(until: "three events were delivered, and the last acknowledgement passed over") {
                    let state = try await store.detail(subscription.id).state
                    return state.delivered == 3 && state.position == 6
                }
                // The other site's subscription passes over every event, none being its own.
                try await RelayFixture.wait(until: "the other subscription passed over everything") {
                    try await store.detail(otherSubscription.id).state.position == 6
                }
            }
            let triggered = try await EventLog(database: database).events(after: 0, matching: EventFilter(types: [.andonTriggered]), limit: 10)
            #expect(triggered.count == 3)
            let received = receiver.received
            #expect(received.count == 3)
            for (request, recorded) in zip(received, triggered) {
                let id = recorded.event.id.uuidString.lowercased()
                #expect(request.body == (try WebhookFixture.render(recorded)))
                #expect(request.headers["idempotency-key"] == id && request.headers["x-ms5-delivery"] == id && request.headers["ce-id"] == id)
                #expect(request.headers["x-ms5-event"] == "andon.triggered.v1" && request.headers["ce-type"] == "andon.triggered.v1")
                #expect(request.headers["content-type"] == "application/cloudevents+json")
                let timestamp = try #require(Int(request.headers["x-ms5-timestamp"] ?? ""))
                let signature = try #require(request.headers["x-ms5-signature"])
                #expect(WebhookSignature.verify(header: signature, body: request.body, timestamp: timestamp, secret: WebhookFixture.secret))
                #expect(!WebhookSignature.verify(header: signature, body: request.body, timestamp: timestamp, secret: "another-secret-entirely"))
            }
            #expect(elsewhere.received.isEmpty)
            let state = try await store.detail(subscription.id).state
            // Past its last event, and past the acknowledgement after it, which is not its own.
            #expect(triggered[2].position == 5 && state.position == 6)
            #expect(state.backlog == 0 && state.failures == 0 && state.lastDeliveredAt != nil)
            try await elsewhere.stop()
        }
        try await receiver.stop()
    }

    @Test("A receiver answering 500 gets the event again with the same idempotency key; the failures show, and nothing is lost", arguments: TestDatabases.kinds)
    func failingReceiver(_ kind: Database.Kind) async throws {
        let receiver = WebhookReceiver()
        receiver.refuse(with: 500)
        let url = try await receiver.start()
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let subscription = try await WebhookFixture.subscribe(database, url: url, types: [.andonTriggered, .andonAcknowledged])
            let store = EventSubscriptionStore(database: database)
            try await WebhookFixture.running([WebhookFixture.service(database)]) {
                _ = try await RelayFixture.writeAndonEvents(database, plant: plant, calls: 2)
                try await RelayFixture.wait(until: "the failures show") {
                    let state = try await store.detail(subscription.id).state
                    return state.failures >= 2 && state.lastError == "the receiver answered HTTP 500" && state.delivered == 0 && state.backlog == 4
                }
                receiver.accept()
                try await RelayFixture.wait(until: "every event was delivered") { try await store.detail(subscription.id).state.delivered == 4 }
            }
            let events = try await EventLog(database: database).events(after: 0, limit: 10)
            let keys = receiver.received.map { $0.headers["idempotency-key"] }
            let first = events[0].event.id.uuidString.lowercased()
            // Two refusals or more and the delivery of the first event, then the others once each.
            let attempts = keys.prefix { $0 == first }.count
            #expect(attempts >= 3)
            #expect(Array(keys.dropFirst(attempts)) == events.dropFirst().map { $0.event.id.uuidString.lowercased() })
            let state = try await store.detail(subscription.id).state
            #expect(state.failures == 0 && state.lastError == nil && state.backlog == 0 && state.position == 4)
        }
        try await receiver.stop()
    }

    @Test("Two delivery services over one database deliver each event once; a restarted one continues where it stopped", arguments: TestDatabases.kinds)
    func twoInstances(_ kind: Database.Kind) async throws {
        let receiver = WebhookReceiver()
        let url = try await receiver.start()
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let subscription = try await WebhookFixture.subscribe(database, url: url, types: [.andonTriggered, .andonAcknowledged])
            let store = EventSubscriptionStore(database: database)
            let services = [WebhookFixture.service(database, holder: "first"), WebhookFixture.service(database, holder: "second")]
            try await WebhookFixture.running(services) {
                _ = try await RelayFixture.writeAndonEvents(database, plant: plant, calls: 5)
                try await RelayFixture.wait(until: "ten events were delivered") { try await store.detail(subscription.id).state.delivered == 10 }
            }
            _ = try await RelayFixture.writeAndonEvents(database, plant: plant, calls: 2)
            try await WebhookFixture.running([WebhookFixture.service(database, holder: "third")]) {
                try await RelayFixture.wait(until: "the rest was delivered after the restart") {
                    try await store.detail(subscription.id).state.delivered == 14
                }
            }
            let ids = receiver.received.compactMap { $0.headers["idempotency-key"] }
            let events = try await EventLog(database: database).events(after: 0, limit: 100)
            #expect(ids == events.map { $0.event.id.uuidString.lowercased() })
        }
        try await receiver.stop()
    }

    @Test("A subscription created, disabled and deleted while the service runs starts and stops being delivered", arguments: TestDatabases.kinds)
    func followsChanges(_ kind: Database.Kind) async throws {
        let receiver = WebhookReceiver()
        let url = try await receiver.start()
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let store = EventSubscriptionStore(database: database)
            let log = EventLog(database: database)
            try await WebhookFixture.running([WebhookFixture.service(database)]) {
                let subscription = try await WebhookFixture.subscribe(database, url: url, types: [.andonTriggered])
                _ = try await RelayFixture.writeAndonEvents(database, plant: plant, calls: 1)
                try await RelayFixture.wait(until: "the new subscription delivered") { receiver.received.count == 1 }
                var input = EventSubscriptionInput(name: "Test", endpointId: subscription.endpointId, types: [.andonTriggered], enabled: false)
                _ = try await store.replace(subscription.id, with: input)
                try await RelayFixture.wait(until: "the disabled subscription gave its lease up") {
                    try await store.detail(subscription.id).state.holder == nil
                }
                _ = try await RelayFixture.writeAndonEvents(database, plant: plant, calls: 1)
                #expect(try await store.detail(subscription.id).state.backlog == 1)
                input.enabled = true
                _ = try await store.replace(subscription.id, with: input)
                try await RelayFixture.wait(until: "the enabled subscription caught up") { receiver.received.count == 2 }
                try await store.delete(subscription.id)
                try await RelayFixture.wait(until: "the deleted subscription's place is gone") {
                    let holder = try await log.consumers().first { $0.name == subscription.consumer }?.holder
                    return holder == nil
                }
            }
            #expect(try await log.consumers().filter { $0.name.hasPrefix("webhook:") }.isEmpty)
        }
        try await receiver.stop()
    }

    @Test("A failing receiver is retried after 1 s, doubling up to 5 minutes")
    func backoff() {
        // 1 × 2^(n-1) s: 1, 2, 4 … 256, then 512 is capped at 300.
        let waits = (1...11).map { EventWebhookService.defaultRetry.delay(afterFailures: $0) }
        #expect(waits == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300].map { Duration.seconds($0) })
    }
}
