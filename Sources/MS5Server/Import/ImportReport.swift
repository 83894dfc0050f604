/// What an import of a plant file did, or would do in a dry run.
public struct ImportReport: Codable, Sendable, Equatable {
    /// A row of the file that was not imported, and why.
    public struct Note: Codable, Sendable, Equatable {
        public let line: Int
        public let tag: String?
        public let reason: String
    }

    /// `logix`, `slc` or `faults`.
    public let format: String
    public let dryRun: Bool
    /// Keys of metrics, or codes of faults, that were (or would be) created.
    public let created: [String]
    public let updated: [String]
    /// Fault codes of the catalog that the file no longer has (a fault import replaces the catalog).
    public let removed: [String]
    public let unchanged: Int
    /// Rows left out on purpose (aliases, arrays, unused bits …), with the reason.
    public let skipped: [Note]
    /// Malformed rows, skipped only because skipInvalid was asked for.
    public let invalid: [Note]
}

extension ImportReport: DocumentedSchema {
    static let schemaName = "ImportReport"
    static var schema: JSONSchema {
        let note = JSONSchema.object(
            ["line": JSONSchema(json: ["type": "integer"]), "tag": JSONSchema.plainString.orNull, "reason": .plainString],
            required: ["line", "reason"])
        return .object([
            "format": .enumeration(["logix", "slc", "faults"]), "dryRun": .boolean,
            "created": .array(of: .plainString), "updated": .array(of: .plainString), "removed": .array(of: .plainString),
            "unchanged": JSONSchema(json: ["type": "integer", "minimum": 0]), "skipped": .array(of: note), "invalid": .array(of: note),
        ], required: ["format", "dryRun", "created", "updated", "removed", "unchanged", "skipped", "invalid"])
    }
}
