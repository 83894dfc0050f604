import Foundation

/// A record that people sign off: it knows its kind and who authored it, which decides who may
/// sign it with which meaning.
public protocol SignableRecord: Encodable, Sendable {
    /// The kind of record, as the audit ledger names it.
    static var signedRecordType: String { get }
    /// The record's id.
    var id: UUID { get }
    /// The username of the person who made the record.
    var author: String { get }
}

extension ChecklistCompletion: SignableRecord {
    /// `checklist completion`.
    public static var signedRecordType: String { "checklist completion" }
    /// Who completed the checklist.
    public var author: String { completedBy }
}

extension HumanTask: SignableRecord {
    /// `workflow task`.
    public static var signedRecordType: String { "workflow task" }
    /// Who completed the task: the person who signs it as authored.
    public var author: String { completedBy ?? "" }
}
