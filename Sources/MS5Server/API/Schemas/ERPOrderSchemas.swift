import MS5Domain

extension ERPOrderMessage.Action: DocumentedSchema {
    static let schemaName = "ERPOrderAction"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension ERPOrderMessage: DocumentedSchema {
    static let schemaName = "ERPOrderMessage"
    static var referencedSchemas: [any DocumentedSchema.Type] { [Action.self] }

    /// What ms5 accepts on the ERP's order topic: the fields each action needs are required for
    /// it, and members ms5 does not know are passed over (an ERP may send more).
    static var schema: JSONSchema {
        let properties: [String: JSONSchema] = [
            "id": .string(maxLength: 128, description: "The message's own id: a message seen again changes nothing."),
            "action": .ref("ERPOrderAction"),
            "orderNumber": .string(maxLength: 64, description: "The order, by the number the ERP gave it."),
            "siteCode": .string(description: "The site of the equipment (create)."),
            "equipmentCode": .string(description: "The equipment the order runs on (create)."),
            "productCode": .string(description: "What the order makes (create)."),
            "quantity": .integer(1...100_000_000), "plannedStart": .dateTime, "plannedEnd": .dateTime,
        ]
        func requiring(_ action: ERPOrderMessage.Action, _ fields: [String]) -> JSONValue {
            [
                "if": ["properties": ["action": ["const": .string(action.rawValue)]]],
                "then": ["required": .array(fields.map(JSONValue.string))],
            ]
        }
        return JSONSchema(json: [
            "type": "object",
            "properties": .object(properties.mapValues(\.json)),
            "required": ["action", "id", "orderNumber"],
            "allOf": [
                requiring(.create, ["equipmentCode", "plannedEnd", "plannedStart", "productCode", "quantity", "siteCode"]),
                requiring(.changeQuantity, ["quantity"]),
            ],
            "description": "A message of the ERP's production-order topic: create, release, changeQuantity or cancel an order.",
        ])
    }
}
