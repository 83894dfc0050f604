import MS5Domain

extension ChecklistItem.Kind: DocumentedSchema {
    static let schemaName = "ChecklistItemKind"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension ChecklistItem: DocumentedSchema {
    static let schemaName = "ChecklistItem"
    static var referencedSchemas: [any DocumentedSchema.Type] { [ChecklistItem.Kind.self] }
    static var schema: JSONSchema {
        .object([
            "key": .code, "text": .string(maxLength: 500), "kind": .ref("ChecklistItemKind"), "unit": JSONSchema.string(maxLength: 64).orNull,
            "minimum": JSONSchema.number.orNull, "maximum": JSONSchema.number.orNull,
        ], required: ["key", "text", "kind"], description: "passFail items take passed; value items take a value, which passes within minimum…maximum.")
    }
}

extension ChecklistTemplate: DocumentedSchema {
    static let schemaName = "ChecklistTemplate"
    static var referencedSchemas: [any DocumentedSchema.Type] { [ChecklistItem.self] }
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "code": .code, "name": .name, "equipmentIds": .array(of: .uuid), "items": .array(of: .ref("ChecklistItem")),
            "createdAt": .dateTime, "updatedAt": .dateTime,
        ], required: ["id", "code", "name", "equipmentIds", "items", "createdAt", "updatedAt"])
    }
}

extension ChecklistTemplateInput: DocumentedSchema {
    static let schemaName = "ChecklistTemplateInput"
    static var referencedSchemas: [any DocumentedSchema.Type] { [ChecklistItem.self] }
    static var schema: JSONSchema {
        .object(["code": .code, "name": .name, "equipmentIds": .array(of: .uuid), "items": .array(of: .ref("ChecklistItem"))],
                required: ["code", "name", "equipmentIds", "items"])
    }
}

extension ChecklistAnswer: DocumentedSchema {
    static let schemaName = "ChecklistAnswer"
    static var schema: JSONSchema {
        .object(["key": .code, "passed": JSONSchema.boolean.orNull, "value": JSONSchema.number.orNull, "note": JSONSchema.string(maxLength: 500).orNull],
                required: ["key"])
    }
}

extension ChecklistCompletionInput: DocumentedSchema {
    static let schemaName = "ChecklistCompletionInput"
    static var referencedSchemas: [any DocumentedSchema.Type] { [ChecklistAnswer.self] }
    static var schema: JSONSchema {
        .object(["templateId": .uuid, "equipmentId": .uuid, "answers": .array(of: .ref("ChecklistAnswer"))],
                required: ["templateId", "equipmentId", "answers"], description: "One answer per item of the template.")
    }
}

extension ChecklistCompletion: DocumentedSchema {
    static let schemaName = "ChecklistCompletion"
    static var referencedSchemas: [any DocumentedSchema.Type] { [ChecklistAnswer.self] }
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "templateId": .uuid, "templateCode": .code, "equipmentId": .uuid,
            "answers": .array(of: .object(["answer": .ref("ChecklistAnswer"), "passed": .boolean], required: ["answer", "passed"])),
            "passed": .boolean, "completedBy": .plainString, "completedAt": .dateTime,
        ], required: ["id", "templateId", "templateCode", "equipmentId", "answers", "passed", "completedBy", "completedAt"])
    }
}
