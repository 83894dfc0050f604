import Foundation
import MS5Domain
import MS5JSON

/// The body of sending a signal to a workflow instance: the signal's name and a small JSON
/// object it carries.
struct WorkflowSignalInput: Codable, Sendable, DocumentedSchema {
    let name: String
    let payload: MS5JSON.JSONValue?

    static let schemaName = "WorkflowSignalInput"
    static var schema: JSONSchema {
        .object(["name": .code, "payload": JSONSchema(json: ["type": "object"]).orNull], required: ["name"], description: """
            name is the signal the instance waits for (a key such as quality.release); payload a JSON object of at most \
            \(WorkflowSignal.maximumPayloadBytes) bytes, handed to the workflow with it.
            """)
    }

    /// The payload's members, an empty object when none was sent.
    ///
    /// Fails with `invalid` naming each field at fault: a name that is not a key, a payload
    /// that is not an object or is larger than ``WorkflowSignal/maximumPayloadBytes``.
    func validated() throws -> [String: MS5JSON.JSONValue] {
        var v = Validator()
        v.code(name, "name")
        var members: [String: MS5JSON.JSONValue] = [:]
        switch payload {
        case nil, .null?: break
        case .object(let object)?:
            members = object
            let bytes = try JSONEncoder().encode(payload).count
            v.check(bytes <= WorkflowSignal.maximumPayloadBytes, "payload", "must be at most \(WorkflowSignal.maximumPayloadBytes) bytes of JSON, not \(bytes)")
        default:
            v.check(false, "payload", "must be a JSON object")
        }
        try v.finish()
        return members
    }
}
