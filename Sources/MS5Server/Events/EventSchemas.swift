import Foundation
import MS5Domain

/// The JSON Schema of each event type, served at `/v1/events/schemas/{type}`: the event as
/// `/v1/events` and webhooks carry it, its data described under `$defs` by the same declarations
/// the OpenAPI document uses. A Kafka message's body is the data alone (CloudEvents binary mode,
/// the attributes in `ce_*` headers): `#/$defs/{dataSchema}` describes it.
enum EventSchemas {
    /// The type whose JSON an event type's data is.
    static func dataType(of type: EventType) -> any DocumentedSchema.Type {
        switch type {
        case .productionStopUnplanned, .productionStopPlanned: ProductionStopEvent.self
        case .machineStateChanged: StateChange.self
        case .machineFault: FaultEvent.self
        case .andonTriggered, .andonAcknowledged, .andonEscalated, .andonResolved, .andonCancelled: AndonEvent.self
        case .workflowTaskOpened, .workflowTaskClaimed, .workflowTaskReleased, .workflowTaskCompleted, .workflowTaskCancelled,
             .workflowTaskReassigned, .workflowTaskEscalated: HumanTaskEvent.self
        case .workflowSignalDelivered: SignalWait.self
        }
    }

    /// The schema document of `type`.
    static func document(of type: EventType) -> JSONValue {
        let data = dataType(of: type)
        let envelope = EventDocument.envelope(data: .ref(data.schemaName), type: JSONSchema(json: ["const": .string(type.rawValue)]))
        return standalone(envelope, type: type.rawValue, defining: data) { document in
            document["description"] = .string(type.summary)
            document["x-data-schema"] = .string(data.schemaName)
        }
    }

    /// One line of the catalogue per event type.
    struct Entry: Codable, Sendable, Equatable {
        let type: String
        let family: String
        let version: Int
        let summary: String
        let schema: String
        /// `published` for the events ms5 writes, `consumed` for the messages it reads from
        /// other systems.
        let direction: String
    }

    /// A kind of message ms5 reads from another system's topic, whose body the schema describes.
    struct Consumed {
        let type: String
        let family: String
        let version: Int
        let summary: String
        let data: any DocumentedSchema.Type
    }

    /// The messages ms5 consumes.
    static var consumed: [Consumed] {
        [
            Consumed(
                type: "erp.production-order.v1", family: "erp.production-order", version: 1,
                summary: "A production order the ERP created, released, gave a new quantity or cancelled (read from kafka.erpOrdersTopic).",
                data: ERPOrderMessage.self),
        ]
    }

    /// Every event type MS5 publishes, then the messages it consumes.
    static var catalogue: [Entry] {
        EventType.allCases.map {
            Entry(
                type: $0.rawValue, family: $0.family, version: $0.version, summary: $0.summary, schema: "/v1/events/schemas/\($0.rawValue)",
                direction: "published")
        }
            + consumed.map {
                Entry(type: $0.type, family: $0.family, version: $0.version, summary: $0.summary, schema: "/v1/events/schemas/\($0.type)", direction: "consumed")
            }
    }

    /// The schema document of the consumed message `type`, or nil when ms5 consumes none of it:
    /// the message's body as it is, without an envelope.
    static func document(ofConsumed type: String) -> JSONValue? {
        guard let message = consumed.first(where: { $0.type == type }) else { return nil }
        return standalone(message.data.schema, type: type, defining: message.data) { _ in }
    }

    /// `schema` as a document of its own for `type`: its URL and title, `data` and every schema
    /// it refers to under `$defs`, references made local; `adding` puts in what else it says.
    private static func standalone(
        _ schema: JSONSchema, type: String, defining data: any DocumentedSchema.Type, adding: (inout [String: JSONValue]) -> Void
    ) -> JSONValue {
        guard case .object(var document) = localRefs(schema.json) else { return schema.json }
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        document["$id"] = .string("/v1/events/schemas/\(type)")
        document["title"] = .string(type)
        adding(&document)
        document["$defs"] = .object(data.schemaClosure.mapValues { localRefs($0.json) })
        return .object(document)
    }

    /// `value` with references to the OpenAPI document's components turned into references
    /// within the schema document itself.
    private static func localRefs(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (key, member) in members {
                if key == "$ref", case .string(let target) = member {
                    result[key] = .string(target.replacingOccurrences(of: "#/components/schemas/", with: "#/$defs/"))
                } else {
                    result[key] = localRefs(member)
                }
            }
            return .object(result)
        case .array(let items): return .array(items.map(localRefs))
        default: return value
        }
    }
}

extension EventSchemas.Entry: DocumentedSchema {
    static let schemaName = "EventTypeEntry"
    static var schema: JSONSchema {
        .object([
            "type": .plainString, "family": .plainString, "version": .integer(1...1000), "summary": .plainString, "schema": .plainString,
            "direction": .enumeration(["published", "consumed"]),
        ], required: ["type", "family", "version", "summary", "schema", "direction"])
    }
}

/// The JSON Schema document of every event type, by type name, as `/v1/events/schemas/{type}`
/// serves it, pretty-printed: for `ms5 events schemas`, which writes them for a schema registry
/// or a review.
public func eventSchemaDocuments() throws -> [String: Data] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var documents: [String: Data] = [:]
    for type in EventType.allCases {
        documents[type.rawValue] = try encoder.encode(EventSchemas.document(of: type))
    }
    for message in EventSchemas.consumed {
        documents[message.type] = try encoder.encode(EventSchemas.document(ofConsumed: message.type))
    }
    return documents
}
