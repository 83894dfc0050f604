import MS5Domain

/// The body of claiming or releasing a task: the revision the person saw, so that a task that
/// changed since (on another tablet) is refused rather than taken over unseen.
struct TaskRevision: Codable, Sendable, DocumentedSchema {
    let revision: Int

    static let schemaName = "TaskRevision"
    static var schema: JSONSchema {
        .object(["revision": .integer(1...Int(Int32.max))], required: ["revision"])
    }

    /// Refuses a revision below 1, which no task has.
    func validate() throws(DomainError) {
        try Self.check(revision)
    }

    /// Refuses `revision` below 1 as the field `/revision`.
    static func check(_ revision: Int) throws(DomainError) {
        var v = Validator()
        v.check(revision >= 1, "revision", "must be the task's revision you saw, 1 or more")
        try v.finish()
    }
}
