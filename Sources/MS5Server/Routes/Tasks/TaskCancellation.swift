import MS5Domain

/// The body of cancelling a task: the revision the shift lead saw and why nobody needs to do it.
struct TaskCancellation: Codable, Sendable, DocumentedSchema {
    let revision: Int
    let reason: String

    static let schemaName = "TaskCancellation"
    static var schema: JSONSchema {
        .object(["revision": .integer(1...Int(Int32.max)), "reason": .string(maxLength: HumanTask.maximumReasonLength)],
                required: ["revision", "reason"])
    }

    /// Refuses a revision below 1; the reason is checked with the task.
    func validate() throws(DomainError) {
        try TaskRevision.check(revision)
    }
}
