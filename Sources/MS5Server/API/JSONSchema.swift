import MS5Domain

/// A JSON Schema (2020-12, as OpenAPI 3.1 uses it), built from a few typed constructors.
struct JSONSchema: Sendable, Equatable {
    let json: JSONValue

    /// A reference to a named schema in the document's components.
    static func ref(_ name: String) -> JSONSchema {
        JSONSchema(json: ["$ref": .string("#/components/schemas/\(name)")])
    }

    /// An object with `properties`; those in `required` must be present. No other members are allowed.
    static func object(_ properties: [String: JSONSchema], required: [String], description: String? = nil) -> JSONSchema {
        var json: [String: JSONValue] = [
            "type": "object",
            "properties": .object(properties.mapValues(\.json)),
            "required": .array(required.sorted().map(JSONValue.string)),
            "additionalProperties": false,
        ]
        if let description { json["description"] = .string(description) }
        return JSONSchema(json: .object(json))
    }

    /// A string of at most `maxLength` characters; at least one unless `minLength` says otherwise.
    static func string(maxLength: Int? = nil, minLength: Int = 1, pattern: String? = nil, description: String? = nil) -> JSONSchema {
        var json: [String: JSONValue] = ["type": "string", "minLength": .int(minLength)]
        if let maxLength { json["maxLength"] = .int(maxLength) }
        if let pattern { json["pattern"] = .string(pattern) }
        if let description { json["description"] = .string(description) }
        return JSONSchema(json: .object(json))
    }

    /// One of the given words.
    static func enumeration(_ values: [String]) -> JSONSchema {
        JSONSchema(json: ["type": "string", "enum": .array(values.map(JSONValue.string))])
    }

    /// A whole number within `range`.
    static func integer(_ range: ClosedRange<Int>) -> JSONSchema {
        JSONSchema(json: ["type": "integer", "minimum": .int(range.lowerBound), "maximum": .int(range.upperBound)])
    }

    /// A list of `items`.
    static func array(of items: JSONSchema) -> JSONSchema {
        JSONSchema(json: ["type": "array", "items": items.json])
    }

    /// This schema, or JSON null.
    var orNull: JSONSchema {
        JSONSchema(json: ["anyOf": [json, ["type": "null"]]])
    }

    static let uuid = JSONSchema(json: ["type": "string", "format": "uuid"])
    static let dateTime = JSONSchema(json: ["type": "string", "format": "date-time"])
    static let boolean = JSONSchema(json: ["type": "boolean"])
    static let number = JSONSchema(json: ["type": "number"])
    static let plainString = JSONSchema(json: ["type": "string"])
    /// A plant code, as ``Validator/code(_:_:)`` accepts.
    static let code = string(maxLength: PlantLimits.code, pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    static let name = string(maxLength: PlantLimits.name)
    static let description = string(maxLength: PlantLimits.description, minLength: 0).orNull
}
