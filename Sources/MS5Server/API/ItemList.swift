/// A complete, unpaged list of records: answers that are small by nature (an equipment's latest
/// values, its fault catalog, its active faults).
struct ItemList<Item: Codable & Sendable>: Codable, Sendable {
    let items: [Item]
}

extension ItemList: DocumentedSchema where Item: DocumentedSchema {
    static var schemaName: String { "\(Item.schemaName)List" }
    static var referencedSchemas: [any DocumentedSchema.Type] { [Item.self] }
    static var schema: JSONSchema { .object(["items": .array(of: .ref(Item.schemaName))], required: ["items"]) }
}
