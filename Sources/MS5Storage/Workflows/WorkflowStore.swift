import Foundation
import MS5Domain
import SQLKit

/// The durable workflow core in the database: instances that keep their definition's version
/// to their end, timers that survive restarts and fire once across every ms5 instance on the
/// database, and the human tasks the instances wait for (``HumanTaskStore``).
public struct WorkflowStore: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    /// Creates the store over `database`; `clock` tells the time (default: now, to the second;
    /// tests pass their own).
    public init(database: Database, clock: (@Sendable () -> Date)? = nil) {
        self.database = database
        self.clock = clock ?? { RecordClock.now() }
    }

    /// Runs `body` in one transaction at the clock's time: all it does through the
    /// ``WorkflowTransaction`` lands, or none of it.
    public func transaction<R: Sendable>(_ body: @Sendable (WorkflowTransaction) async throws -> R) async throws -> R {
        let now = clock()
        return try await database.transaction { db in try await body(WorkflowTransaction(db: db, now: now)) }
    }

    /// The instance `id`.
    public func instance(_ id: UUID) async throws -> WorkflowInstance {
        try await database.read { db in try await WorkflowRows.instance(db, id: id) }
    }

    /// The timers of the instance `instanceId`, in the order they fire, cancelled ones left out.
    public func timers(of instanceId: UUID) async throws -> [DurableTimer] {
        try await database.read { db in
            try await db.select().column("*").from("workflow_timers").where("instance_id", .equal, SQLBind(instanceId))
                .where("cancelled_at", .is, SQLLiteral.null).orderBy("fire_at").orderBy("id").all().map(WorkflowRows.timer)
        }
    }
}
