import Foundation
import MS5Domain
import MS5JSON

/// An event in the CloudEvents JSON format (structured mode), as `/v1/events` lists it: the
/// envelope's attributes, MS5's extension attributes (`siteid`, `lineid`, `equipmentid` and
/// `position`, its number in the outbox) and the data. Its ids are written in lower case, as in
/// the Kafka headers, the webhooks' `Idempotency-Key` and the `source` and `subject`, so that a
/// receiver may compare them as text.
struct EventDocument: Codable, Sendable, Equatable {
    let specversion: String
    let id: String
    let source: String
    let type: String
    let subject: String
    let time: Date
    let dataschema: String
    let datacontenttype: String
    let siteid: String
    let lineid: String?
    let equipmentid: String?
    let position: Int64
    let data: MS5JSON.JSONValue

    /// The document of a recorded event.
    init(_ recorded: RecordedEvent) throws {
        let event = recorded.event
        specversion = CanonicalEvent.specVersion
        id = event.id.uuidString.lowercased()
        source = event.source
        type = event.type.rawValue
        subject = event.subject
        time = event.time
        dataschema = event.dataSchema
        datacontenttype = "application/json"
        siteid = event.placement.siteId.uuidString.lowercased()
        lineid = event.placement.lineId?.uuidString.lowercased()
        equipmentid = event.placement.equipmentId?.uuidString.lowercased()
        position = recorded.position
        data = try JSONDecoder().decode(MS5JSON.JSONValue.self, from: Data(event.data.utf8))
    }
}

extension EventDocument: DocumentedSchema {
    static let schemaName = "Event"
    static var schema: JSONSchema { envelope(data: JSONSchema(json: ["type": "object"]), type: .plainString) }

    /// The envelope's schema around `data`, for events of `type`.
    static func envelope(data: JSONSchema, type: JSONSchema) -> JSONSchema {
        .object([
            "specversion": JSONSchema(json: ["const": .string(CanonicalEvent.specVersion)]), "id": .uuid, "source": .plainString, "type": type,
            "subject": .plainString, "time": .dateTime, "dataschema": .plainString,
            "datacontenttype": JSONSchema(json: ["const": "application/json"]), "siteid": .uuid, "lineid": JSONSchema.uuid.orNull,
            "equipmentid": JSONSchema.uuid.orNull, "position": .integer(1...Int.max), "data": data,
        ], required: ["specversion", "id", "source", "type", "subject", "time", "dataschema", "datacontenttype", "siteid", "position", "data"],
        description: "A CloudEvents 1.0 event (structured mode). Consumers drop repeats by id; position orders every event of the outbox.")
    }
}
