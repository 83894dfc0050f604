import MS5Domain

/// The body of handing a task on: the revision the shift lead saw and the new assignee.
struct TaskReassignment: Codable, Sendable, DocumentedSchema {
    let revision: Int
    let assignee: TaskAssignee

    static let schemaName = "TaskReassignment"
    static var referencedSchemas: [any DocumentedSchema.Type] { [TaskAssignee.self] }
    static var schema: JSONSchema {
        .object(["revision": .integer(1...Int(Int32.max)), "assignee": .ref("TaskAssignee")], required: ["revision", "assignee"])
    }

    /// Refuses a revision below 1; the assignee is checked against accounts and teams.
    func validate() throws(DomainError) {
        try TaskRevision.check(revision)
    }
}
