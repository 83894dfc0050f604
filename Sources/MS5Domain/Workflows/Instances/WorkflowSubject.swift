/// The record a workflow instance is about, e.g. a centerline deviation or a tier-board action.
public struct WorkflowSubject: Codable, Sendable, Hashable {
    /// Longest record id accepted, in characters.
    public static let maximumRecordIdLength = 128

    /// The kind of record, a key such as `centerline.deviation`.
    public var recordType: String
    /// The record's id, as its own table writes it (a UUID, or a key such as `EQ1@…`).
    public var recordId: String

    /// Creates a subject.
    public init(recordType: String, recordId: String) {
        self.recordType = recordType
        self.recordId = recordId
    }

    /// Records the violations of the subject's fields below `field`.
    func check(_ validator: inout Validator, field: String) {
        validator.code(recordType, "\(field)/recordType")
        validator.text(recordId, "\(field)/recordId", maxLength: Self.maximumRecordIdLength)
    }
}
