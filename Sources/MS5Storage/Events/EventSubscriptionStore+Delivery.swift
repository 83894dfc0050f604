import Foundation
import MS5Domain
import SQLKit

extension EventSubscriptionStore {
    /// Records that the receiver took an event: one more delivered, failures reset.
    public func recordDelivery(_ id: UUID) async throws {
        let now = clock()
        try await database.transaction { db in
            try await db.update("event_subscription_deliveries")
                .set("delivered", to: SQLRaw("delivered + 1")).set("failures", to: SQLBind(0))
                .set("last_error", to: SQLLiteral.null).set("last_error_at", to: SQLLiteral.null).set("last_delivered_at", to: SQLBind(now))
                .where("subscription_id", .equal, id).run()
        }
    }

    /// Records a failed attempt and why; answers how many attempts have failed in a row.
    @discardableResult
    public func recordFailure(_ id: UUID, error: String) async throws -> Int {
        let now = clock()
        return try await database.transaction { db in
            try await db.update("event_subscription_deliveries")
                .set("failures", to: SQLRaw("failures + 1")).set("last_error", to: SQLBind(String(error.prefix(500))))
                .set("last_error_at", to: SQLBind(now))
                .where("subscription_id", .equal, id)
                .returning("failures").first(decodingColumn: "failures", as: Int.self) ?? 0
        }
    }

    /// The subscription `id` with how its delivery stands now.
    public func detail(_ id: UUID) async throws -> EventSubscriptionDetail {
        let now = clock()
        let subscription = try await get(id)
        let log = EventLog(database: database)
        let consumer = try await database.read { db in
            try await db.select().columns("position", "holder", "lease_until").from("outbox_consumers")
                .where("name", .equal, SQLBind(subscription.consumer)).first()
        }
        let position = try consumer?.decode(column: "position", as: Int64.self) ?? 0
        let leaseUntil = try consumer?.decode(column: "lease_until", as: Date?.self) ?? nil
        let leaseHolder = try consumer?.decode(column: "holder", as: String?.self) ?? nil
        let holder = leaseUntil.map { $0 >= now } == true ? leaseHolder : nil
        let row = try await database.read { db in
            try await db.select().column("*").from("event_subscription_deliveries").where("subscription_id", .equal, id).first()
        }
        let state = EventSubscriptionState(
            position: position, backlog: try await log.count(after: position, matching: subscription.filter),
            delivered: try row?.decode(column: "delivered", as: Int.self) ?? 0, failures: try row?.decode(column: "failures", as: Int.self) ?? 0,
            lastError: try row?.decode(column: "last_error", as: String?.self), lastErrorAt: try row?.decode(column: "last_error_at", as: Date?.self),
            lastDeliveredAt: try row?.decode(column: "last_delivered_at", as: Date?.self), holder: holder)
        return EventSubscriptionDetail(subscription: subscription, state: state)
    }
}
