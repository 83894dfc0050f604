import Foundation
import MS5Domain
import SQLKit

/// Operators' job assignments on production orders.
public struct JobAssignmentStore: Sendable {
    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Gives the operator `input.username` a job on an order not yet completed; one assignment
    /// per operator and order. The assignment goes in the audit ledger.
    public func assign(orderId: UUID, _ input: JobAssignmentInput, by supervisor: String) async throws -> JobAssignment {
        try await database.transaction { db in
            let order = try await ProductionOrderRepository.table.require(db, id: orderId)
            guard order.status != .completed else {
                throw DomainError(.conflict, "Order \(order.number) is completed; it takes no more assignments.")
            }
            guard let user = try await db.select().columns("id", "username").from("users")
                .where(SQLFunction("lower", args: SQLColumn("username")), .equal, SQLBind(input.username.lowercased()))
                .first()
            else {
                throw DomainError.invalid([FieldViolation(field: "/username", reason: "no account with this username exists")])
            }
            let userId = try user.decode(column: "id", as: UUID.self)
            let existing = try await db.select().column("id").from("job_assignments")
                .where("order_id", .equal, orderId).where("user_id", .equal, userId).first()
            guard existing == nil else {
                throw DomainError(.conflict, "\(input.username) is already assigned to order \(order.number).")
            }
            let assignment = JobAssignment(
                id: UUID(), orderId: orderId, userId: userId, username: try user.decode(column: "username", as: String.self),
                status: .assigned, assignedBy: supervisor, assignedAt: RecordClock.now())
            try await db.insert(into: "job_assignments").model(assignment, keyEncodingStrategy: .convertToSnakeCase).run()
            try await AuditLedger.record(
                db, action: "create", recordType: "job assignment", recordId: assignment.id.uuidString.lowercased(),
                before: JobAssignment?.none, after: assignment)
            return assignment
        }
    }

    /// Deletes the assignments of an order, recording each as it was.
    static func deleteAll(_ db: any SQLDatabase, orderId: UUID) async throws {
        let assignments = try await db.select().column("*").from("job_assignments").where("order_id", .equal, orderId)
            .all(decoding: JobAssignment.self, keyDecodingStrategy: .convertFromSnakeCase)
        try await db.delete(from: "job_assignments").where("order_id", .equal, orderId).run()
        for assignment in assignments {
            try await AuditLedger.record(
                db, action: "delete", recordType: "job assignment", recordId: assignment.id.uuidString.lowercased(), before: assignment,
                after: JobAssignment?.none)
        }
    }

    /// The assignments of an order, or of an operator, newest first.
    public func list(orderId: UUID? = nil, userId: UUID? = nil) async throws -> [JobAssignment] {
        try await database.read { db in
            var query = db.select().column("*").from("job_assignments")
            if let orderId { query = query.where("order_id", .equal, orderId) }
            if let userId { query = query.where("user_id", .equal, userId) }
            return try await query.orderBy("assigned_at", .descending).limit(500)
                .all(decoding: JobAssignment.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    /// Moves an assignment on, by the operator it belongs to (or a lead acting for them when
    /// `actingForOthers`), one step at a time; each move goes in the audit ledger.
    public func move(_ id: UUID, to status: AssignmentStatus, by userId: UUID, actingForOthers: Bool) async throws -> JobAssignment {
        try await database.transaction { db in
            guard var assignment = try await db.select().column("*").from("job_assignments").where("id", .equal, id)
                .first(decoding: JobAssignment.self, keyDecodingStrategy: .convertFromSnakeCase)
            else { throw DomainError.notFound("job assignment", id: id) }
            guard assignment.userId == userId || actingForOthers else {
                throw DomainError(.forbidden, "This assignment belongs to \(assignment.username).")
            }
            guard assignment.status.next == status else {
                let next = assignment.status.next.map { "to \($0.rawValue)" } ?? "nowhere"
                throw DomainError(.conflict, "The assignment is \(assignment.status.rawValue); it can move \(next), not to \(status.rawValue).")
            }
            let before = assignment
            let now = RecordClock.now()
            switch status {
            case .accepted: assignment.acceptedAt = now
            case .started: assignment.startedAt = now
            case .completed: assignment.completedAt = now
            case .assigned: break
            }
            assignment.status = status
            try await db.update("job_assignments")
                .set(model: assignment, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
                .where("id", .equal, id).run()
            try await AuditLedger.record(
                db, action: status.rawValue, recordType: "job assignment", recordId: id.uuidString.lowercased(), before: before, after: assignment)
            return assignment
        }
    }
}
