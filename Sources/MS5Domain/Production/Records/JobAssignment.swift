import Foundation

/// An operator's job on a production order: assigned by a supervisor, then accepted, started and
/// completed by the operator.
public struct JobAssignment: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    public var orderId: UUID
    /// The operator's account.
    public var userId: UUID
    public var username: String
    public var status: AssignmentStatus
    /// Who assigned it.
    public var assignedBy: String
    public let assignedAt: Date
    public var acceptedAt: Date?
    public var startedAt: Date?
    public var completedAt: Date?

    /// Creates an assignment record.
    public init(
        id: UUID, orderId: UUID, userId: UUID, username: String, status: AssignmentStatus, assignedBy: String, assignedAt: Date,
        acceptedAt: Date? = nil, startedAt: Date? = nil, completedAt: Date? = nil
    ) {
        self.id = id
        self.orderId = orderId
        self.userId = userId
        self.username = username
        self.status = status
        self.assignedBy = assignedBy
        self.assignedAt = assignedAt
        self.acceptedAt = acceptedAt
        self.startedAt = startedAt
        self.completedAt = completedAt
    }
}
