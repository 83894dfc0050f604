import Foundation
import MS5Domain
import SQLKit

/// The right of one ms5 instance to run an outbox consumer (the Kafka relay, the stop
/// publisher), kept in the consumer's row: several instances on one database run each consumer
/// exactly once at a time, and another takes over within a lease's length when the holder dies.
///
/// The holder renews its lease while it works; every move of the consumer's position is made
/// only while the lease is still its own, so an instance that lost its lease cannot move it.
public struct ConsumerLease: Sendable {
    let database: Database
    /// The consumer's name (`kafka`, `production-stops`).
    public let consumer: String
    /// Who holds it: unique per running instance.
    public let holder: String
    /// How long a lease lasts without renewal.
    public let length: Duration
    let clock: @Sendable () -> Date

    /// Creates the lease of `consumer` for `holder`.
    public init(database: Database, consumer: String, holder: String, length: Duration = .seconds(10), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.consumer = consumer
        self.holder = holder
        self.length = length
        self.clock = clock
    }

    /// Takes or renews the lease; answers the consumer's position when this holder has it, nil
    /// while another instance holds a lease that has not run out. A consumer that never ran
    /// starts at `start`.
    public func acquire(startingAt start: Int64) async throws -> Int64? {
        let now = clock()
        let until = now.addingTimeInterval(length.seconds)
        return try await database.transaction { db in
            try await db.insert(into: "outbox_consumers").columns("name", "position", "holder", "lease_until", "updated_at")
                .values(SQLBind(consumer), SQLBind(start), SQLBind(String?.none), SQLBind(Date?.none), SQLBind(now))
                .ignoringConflicts(with: ["name"])
                .run()
            let rows = try await db.update("outbox_consumers")
                .set("holder", to: SQLBind(holder)).set("lease_until", to: SQLBind(until)).set("updated_at", to: SQLBind(now))
                .where("name", .equal, SQLBind(consumer))
                .where {
                    $0.where("holder", .equal, SQLBind(holder)).orWhere("holder", .is, SQLLiteral.null)
                        .orWhere("lease_until", .lessThan, SQLBind(now))
                }
                .returning("position").all()
            return try rows.first?.decode(column: "position", as: Int64.self)
        }
    }

    /// Moves the consumer's position to `position` while this holder's lease lasts; false when
    /// the lease was lost (another instance took over), and nothing moved.
    public func advance(to position: Int64) async throws -> Bool {
        let now = clock()
        return try await database.transaction { db in
            let rows = try await db.update("outbox_consumers")
                .set("position", to: SQLBind(position)).set("updated_at", to: SQLBind(now))
                .where("name", .equal, SQLBind(consumer)).where("holder", .equal, SQLBind(holder))
                .where("lease_until", .greaterThanOrEqual, SQLBind(now))
                .returning("name").all()
            return !rows.isEmpty
        }
    }

    /// Gives the lease up, so another instance can take over at once (at shutdown).
    public func release() async throws {
        try await database.transaction { db in
            try await db.update("outbox_consumers").set("holder", to: SQLLiteral.null).set("lease_until", to: SQLLiteral.null)
                .where("name", .equal, SQLBind(consumer)).where("holder", .equal, SQLBind(holder)).run()
        }
    }
}
