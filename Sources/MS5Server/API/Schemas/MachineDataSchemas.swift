import MS5Domain
import MS5Ingest

extension MetricRole: DocumentedSchema {
    static let schemaName = "MetricRole"
    static var schema: JSONSchema { .enumeration(MetricRole.allCases.map(\.rawValue)) }
}

extension ConnectorType: DocumentedSchema {
    static let schemaName = "ConnectorType"
    static var schema: JSONSchema { .enumeration(ConnectorType.allCases.map(\.rawValue)) }
}

extension Metric: DocumentedSchema {
    static let schemaName = "Metric"
    static var referencedSchemas: [any DocumentedSchema.Type] { [MetricRole.self, ConnectorType.self] }
    static var schema: JSONSchema {
        .object(MetricInput.fields.merging([
            "id": .uuid, "siteId": .uuid, "equipmentId": .uuid, "createdAt": .dateTime, "updatedAt": .dateTime,
        ]) { current, _ in current },
        required: ["id", "siteId", "equipmentId", "key", "name", "role", "connector", "address", "dataType", "scale", "offset",
                   "deadband", "pollMilliseconds", "createdAt", "updatedAt"])
    }
}

extension MetricInput: DocumentedSchema {
    static let schemaName = "MetricInput"
    static var referencedSchemas: [any DocumentedSchema.Type] { [MetricRole.self, ConnectorType.self] }
    static var fields: [String: JSONSchema] {
        [
            "key": .string(maxLength: 64, pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$"), "name": .name, "role": .ref("MetricRole"),
            "unit": JSONSchema.string(maxLength: 32, minLength: 0).orNull, "connector": .ref("ConnectorType"),
            "address": .string(maxLength: 256, minLength: 0), "dataType": .string(maxLength: PlantLimits.label),
            "scale": .number, "offset": .number, "deadband": .number,
            "pollMilliseconds": .integer(MetricInput.pollRange), "faultWordIndex": JSONSchema.integer(0...63).orNull,
        ]
    }
    static var schema: JSONSchema { .object(fields, required: ["key", "name", "role", "connector", "dataType"]) }
}

extension TelemetrySample: DocumentedSchema {
    static let schemaName = "TelemetrySample"
    static var schema: JSONSchema {
        .object(["metricId": .uuid, "timestamp": .dateTime, "value": .number, "quality": .integer(0...255)],
                required: ["metricId", "timestamp", "value"])
    }
}

extension TelemetryBatch: DocumentedSchema {
    static let schemaName = "TelemetryBatch"
    static var referencedSchemas: [any DocumentedSchema.Type] { [TelemetrySample.self] }
    static var schema: JSONSchema {
        .object([
            "source": .string(maxLength: 64, pattern: "^[A-Za-z0-9_.-]+$"),
            "sequence": JSONSchema(json: ["type": "integer", "minimum": 0]),
            "samples": JSONSchema(json: ["type": "array", "items": JSONSchema.ref("TelemetrySample").json,
                                         "minItems": 1, "maxItems": .int(TelemetryBatch.maximumSamples)]),
        ], required: ["source", "sequence", "samples"],
        description: "Stored once per (source, sequence): a retried batch changes nothing.")
    }
}

extension IngestPipeline.Result: DocumentedSchema {
    static let schemaName = "IngestResult"
    static var schema: JSONSchema { .object(["stored": .integer(0...TelemetryBatch.maximumSamples), "duplicate": .boolean], required: ["stored", "duplicate"]) }
}

extension LatestValue: DocumentedSchema {
    static let schemaName = "LatestValue"
    static var referencedSchemas: [any DocumentedSchema.Type] { [MetricRole.self] }
    static var schema: JSONSchema {
        .object([
            "metricId": .uuid, "key": .plainString, "name": .plainString, "role": .ref("MetricRole"),
            "unit": JSONSchema.plainString.orNull, "timestamp": .dateTime, "value": JSONSchema.number.orNull, "quality": .integer(0...255),
        ], required: ["metricId", "key", "name", "role", "timestamp", "quality"])
    }
}

extension HistoryResolution: DocumentedSchema {
    static let schemaName = "HistoryResolution"
    static var schema: JSONSchema { .enumeration(HistoryResolution.allCases.map(\.rawValue)) }
}

extension MetricHistory: DocumentedSchema {
    static let schemaName = "MetricHistory"
    static var referencedSchemas: [any DocumentedSchema.Type] { [HistoryResolution.self] }
    static var schema: JSONSchema {
        .object([
            "metricId": .uuid, "from": .dateTime, "to": .dateTime, "resolution": .ref("HistoryResolution"), "truncated": .boolean,
            "points": .array(of: .object([
                "timestamp": .dateTime, "value": .number, "min": JSONSchema.number.orNull, "max": JSONSchema.number.orNull,
                "count": JSONSchema(json: ["type": "integer"]).orNull,
            ], required: ["timestamp", "value"])),
        ], required: ["metricId", "from", "to", "resolution", "points", "truncated"])
    }
}
