import Foundation
import MS5Domain

/// The answer to sending a signal: the waits of the instance that took it. The engine delivers
/// them — runs their handlers — on its next round.
struct SentSignal: Codable, Sendable, DocumentedSchema {
    let instanceId: UUID
    let name: String
    let waits: [SignalWait]

    static let schemaName = "SentSignal"
    static var referencedSchemas: [any DocumentedSchema.Type] { [SignalWait.self] }
    static var schema: JSONSchema {
        .object(["instanceId": .uuid, "name": .code, "waits": .array(of: .ref("SignalWait"))], required: ["instanceId", "name", "waits"])
    }
}
