import Foundation
import MS5Domain
import SQLKit

/// Webhook endpoints subscribed to event types. A new subscription starts at the outbox's head
/// (it receives the events written after it); deleting one forgets its place.
public struct EventSubscriptionStore: Sendable {
    static let table = RecordTable<StoredEventSubscription>(name: "event_subscriptions", noun: "event subscription", sortColumn: "name")

    let database: Database
    let clock: @Sendable () -> Date

    /// Creates the store over `database`; `clock` times deliveries and failures.
    public init(database: Database, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.clock = clock
    }

    /// One page of subscriptions, ordered by name.
    public func list(_ page: PageRequest) async throws -> Page<EventSubscription> {
        let rows = try await Self.table.list(on: database, page)
        return Page(items: rows.items.map(\.subscription), nextCursor: rows.nextCursor)
    }

    /// Every enabled subscription: what the delivery service runs.
    public func enabled() async throws -> [EventSubscription] {
        try await database.read { db in
            try await db.select().column("*").from(Self.table.name).where("enabled", .equal, SQLBind(true)).orderBy("id")
                .all(decoding: StoredEventSubscription.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.subscription)
        }
    }

    /// The subscription with `id`, or a not-found error.
    public func get(_ id: UUID) async throws -> EventSubscription {
        try await Self.table.get(on: database, id: id).subscription
    }

    /// Subscribes an endpoint from the head of the outbox on; refuses an endpoint or a site that
    /// does not exist, naming the field.
    public func create(_ input: EventSubscriptionInput) async throws -> EventSubscription {
        try input.validate()
        let now = RecordClock.now()
        let subscription = EventSubscription(
            id: UUID(), name: input.name, endpointId: input.endpointId, types: input.types, siteId: input.siteId, enabled: input.enabled,
            createdAt: now, updatedAt: now)
        try await database.transaction { db in
            try await Self.checkReferences(db, input)
            try await db.insert(into: Self.table.name).model(StoredEventSubscription(subscription), keyEncodingStrategy: .convertToSnakeCase).run()
            try await db.insert(into: "event_subscription_deliveries").columns("subscription_id", "delivered", "failures")
                .values(SQLBind(subscription.id), SQLBind(0), SQLBind(0)).run()
            let head = try await db.select().column("position").from("outbox_head").where("id", .equal, SQLBind(1))
                .first(decodingColumn: "position", as: Int64.self) ?? 0
            try await db.insert(into: "outbox_consumers").columns("name", "position", "updated_at")
                .values(SQLBind(subscription.consumer), SQLBind(head), SQLBind(now)).run()
            try await AuditLedger.record(
                db, action: "create", recordType: Self.table.noun, recordId: subscription.id.uuidString.lowercased(),
                before: EventSubscription?.none, after: subscription)
        }
        return subscription
    }

    /// Replaces a subscription's name, endpoint, types, site and whether it is enabled; its place
    /// in the outbox stays.
    public func replace(_ id: UUID, with input: EventSubscriptionInput) async throws -> EventSubscription {
        try input.validate()
        return try await database.transaction { db in
            let before = try await Self.table.require(db, id: id).subscription
            try await Self.checkReferences(db, input)
            let after = EventSubscription(
                id: id, name: input.name, endpointId: input.endpointId, types: input.types, siteId: input.siteId, enabled: input.enabled,
                createdAt: before.createdAt, updatedAt: RecordClock.now())
            try await db.update(Self.table.name)
                .set(model: StoredEventSubscription(after), keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
                .where("id", .equal, id).run()
            try await AuditLedger.record(
                db, action: "update", recordType: Self.table.noun, recordId: id.uuidString.lowercased(), before: before, after: after)
            return after
        }
    }

    /// Deletes a subscription with its delivery state and its place in the outbox.
    public func delete(_ id: UUID) async throws {
        try await database.transaction { db in
            let before = try await Self.table.require(db, id: id).subscription
            try await db.delete(from: "event_subscription_deliveries").where("subscription_id", .equal, id).run()
            try await db.delete(from: Self.table.name).where("id", .equal, id).run()
            try await db.delete(from: "outbox_consumers").where("name", .equal, SQLBind(before.consumer)).run()
            try await AuditLedger.record(
                db, action: "delete", recordType: Self.table.noun, recordId: id.uuidString.lowercased(), before: before,
                after: EventSubscription?.none)
        }
    }

    /// Removes the outbox place of the subscription `id` when the subscription is gone: a
    /// follower stopped after the delete may have written it again.
    public func forgetConsumer(ofDeleted id: UUID) async throws {
        try await database.transaction { db in
            guard try await Self.table.find(db, id: id) == nil else { return }
            try await db.delete(from: "outbox_consumers").where("name", .equal, SQLBind(EventSubscription.consumer(of: id))).run()
        }
    }

    /// Refuses an endpoint or a site that does not exist.
    private static func checkReferences(_ db: any SQLDatabase, _ input: EventSubscriptionInput) async throws {
        var v = Validator()
        let endpoints = try await RecordTable<StoredEventSubscription>.count(db, in: "webhook_endpoints", where: "id", equals: input.endpointId)
        v.check(endpoints > 0, "endpointId", "no webhook endpoint with this id is registered")
        if let siteId = input.siteId {
            let site = try await SiteRepository.table.find(db, id: siteId)
            v.check(site != nil, "siteId", "no site with this id exists")
        }
        try v.finish()
    }
}
