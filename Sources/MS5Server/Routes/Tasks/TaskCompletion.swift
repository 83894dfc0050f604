import MS5Domain

/// The body of completing a task: the revision the person saw and, for a task that needs an
/// e-signature, their password (and TOTP code) entered again, as for any signature.
struct TaskCompletion: Codable, Sendable, DocumentedSchema {
    let revision: Int
    let password: String?
    /// The code of the authenticator app, or a recovery code; needed with a password when TOTP is on.
    let totp: String?

    static let schemaName = "TaskCompletion"
    static var schema: JSONSchema {
        .object([
            "revision": .integer(1...Int(Int32.max)), "password": JSONSchema.string(maxLength: 256).orNull,
            "totp": JSONSchema.string(maxLength: 32).orNull,
        ], required: ["revision"],
        description: "With a password the completion is e-signed (meaning authored) by the person completing; a task with requiresSignature needs it. Wrong credentials complete nothing and count towards the lockout.")
    }

    /// Refuses a revision below 1.
    func validate() throws(DomainError) {
        try TaskRevision.check(revision)
    }
}
