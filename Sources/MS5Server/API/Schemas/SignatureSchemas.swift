import MS5Domain

/// What a person sends to sign a record: the meaning, and their password (and TOTP code when
/// they have one) entered again, so that the signature is theirs and not only their session's.
struct SignatureRequest: Codable, Sendable, DocumentedSchema {
    let meaning: SignatureMeaning
    let password: String
    /// The code of the authenticator app, or a recovery code; needed when TOTP is on.
    let totp: String?

    static let schemaName = "SignatureRequest"
    static var referencedSchemas: [any DocumentedSchema.Type] { [SignatureMeaning.self] }
    static var schema: JSONSchema {
        .object([
            "meaning": .ref("SignatureMeaning"), "password": .string(maxLength: 256), "totp": JSONSchema.string(maxLength: 32).orNull,
        ], required: ["meaning", "password"],
        description: "authored: by the record's author only; reviewed and approved: by anyone but its author (approved: admin, manager, engineer, supervisor, quality).")
    }
}

extension SignatureMeaning: DocumentedSchema {
    static let schemaName = "SignatureMeaning"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension ElectronicSignature: DocumentedSchema {
    static let schemaName = "ElectronicSignature"
    static var referencedSchemas: [any DocumentedSchema.Type] { [SignatureMeaning.self] }
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "recordType": .plainString, "recordId": .uuid, "recordHash": .plainString, "userId": .uuid,
            "username": .plainString, "displayName": .plainString, "meaning": .ref("SignatureMeaning"), "signedAt": .dateTime,
        ], required: ["id", "recordType", "recordId", "recordHash", "userId", "username", "displayName", "meaning", "signedAt"],
        description: "recordHash is the SHA-256 (hex) of the canonical JSON of the record as signed, the same JSON as the record's audit ledger entry holds.")
    }
}
