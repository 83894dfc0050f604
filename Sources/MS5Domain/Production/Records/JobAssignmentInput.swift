/// What a supervisor sends to give an operator a job on an order.
public struct JobAssignmentInput: Codable, Sendable, Equatable {
    /// The operator's username.
    public var username: String

    /// Creates the input.
    public init(username: String) {
        self.username = username
    }
}

/// What an operator sends to move their assignment on.
public struct AssignmentStatusChange: Codable, Sendable, Equatable {
    public var status: AssignmentStatus

    /// Creates the request.
    public init(status: AssignmentStatus) {
        self.status = status
    }
}
