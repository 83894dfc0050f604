import MS5Domain

extension Site: DocumentedSchema {
    static let schemaName = "Site"
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "code": .code, "name": .name, "timeZone": .plainString,
            "createdAt": .dateTime, "updatedAt": .dateTime,
        ], required: ["id", "code", "name", "timeZone", "createdAt", "updatedAt"])
    }
}

extension SiteInput: DocumentedSchema {
    static let schemaName = "SiteInput"
    static var schema: JSONSchema {
        .object([
            "code": .code, "name": .name,
            "timeZone": .string(maxLength: 64, description: "IANA time zone, such as Europe/Berlin."),
        ], required: ["code", "name", "timeZone"])
    }
}

extension Area: DocumentedSchema {
    static let schemaName = "Area"
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "siteId": .uuid, "code": .code, "name": .name, "description": .description,
            "createdAt": .dateTime, "updatedAt": .dateTime,
        ], required: ["id", "siteId", "code", "name", "createdAt", "updatedAt"])
    }
}

extension AreaInput: DocumentedSchema {
    static let schemaName = "AreaInput"
    static var schema: JSONSchema {
        .object([
            "siteId": .uuid, "code": .code, "name": .name, "description": .description,
        ], required: ["siteId", "code", "name"])
    }
}

extension Line: DocumentedSchema {
    static let schemaName = "Line"
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "siteId": .uuid, "areaId": .uuid, "code": .code, "name": .name, "description": .description,
            "createdAt": .dateTime, "updatedAt": .dateTime,
        ], required: ["id", "siteId", "areaId", "code", "name", "createdAt", "updatedAt"])
    }
}

extension LineInput: DocumentedSchema {
    static let schemaName = "LineInput"
    static var schema: JSONSchema {
        .object([
            "areaId": .uuid, "code": .code, "name": .name, "description": .description,
        ], required: ["areaId", "code", "name"])
    }
}

extension Equipment: DocumentedSchema {
    static let schemaName = "Equipment"
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "siteId": .uuid, "lineId": .uuid, "code": .code, "name": .name,
            "type": .string(maxLength: PlantLimits.label), "criticality": .integer(PlantLimits.criticality),
            "description": .description, "owningTeam": .string(maxLength: PlantLimits.label, minLength: 0).orNull,
            "createdAt": .dateTime, "updatedAt": .dateTime,
        ], required: ["id", "siteId", "lineId", "code", "name", "type", "criticality", "createdAt", "updatedAt"])
    }
}

extension EquipmentInput: DocumentedSchema {
    static let schemaName = "EquipmentInput"
    static var schema: JSONSchema {
        .object([
            "lineId": .uuid, "code": .code, "name": .name, "type": .string(maxLength: PlantLimits.label),
            "criticality": .integer(PlantLimits.criticality), "description": .description,
            "owningTeam": .string(maxLength: PlantLimits.label, minLength: 0).orNull,
        ], required: ["lineId", "code", "name", "type", "criticality"])
    }
}

extension Page: DocumentedSchema where Item: DocumentedSchema {
    static var schemaName: String { "\(Item.schemaName)Page" }
    static var referencedSchemas: [any DocumentedSchema.Type] { [Item.self] }
    static var schema: JSONSchema {
        .object([
            "items": .array(of: .ref(Item.schemaName)),
            "nextCursor": JSONSchema.plainString.orNull,
        ], required: ["items"], description: "One page of \(Item.schemaName) records; pass nextCursor as cursor for the next.")
    }
}
