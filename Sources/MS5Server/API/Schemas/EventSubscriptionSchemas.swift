import MS5Domain

extension EventSubscription: DocumentedSchema {
    static let schemaName = "EventSubscription"
    static var schema: JSONSchema { .object(schemaFields, required: requiredFields) }

    /// The members of a subscription, shared with its detail.
    static var schemaFields: [String: JSONSchema] {
        [
            "id": .uuid, "name": .name, "endpointId": .uuid, "types": .array(of: .enumeration(EventType.allCases.map(\.rawValue))),
            "siteId": .uuid, "enabled": .boolean, "createdAt": .dateTime, "updatedAt": .dateTime,
        ]
    }

    /// The members always present.
    static let requiredFields = ["id", "name", "endpointId", "types", "enabled", "createdAt", "updatedAt"]
}

extension EventSubscriptionInput: DocumentedSchema {
    static let schemaName = "EventSubscriptionInput"
    static var schema: JSONSchema {
        .object([
            "name": .name, "endpointId": .uuid, "types": .array(of: .enumeration(EventType.allCases.map(\.rawValue))), "siteId": .uuid,
            "enabled": .boolean,
        ], required: ["name", "endpointId", "types", "enabled"],
        description: "endpointId: a registered webhook endpoint (/v1/webhooks); types: at least one event type; siteId: only that site's events.")
    }
}

extension EventSubscriptionDetail: DocumentedSchema {
    static let schemaName = "EventSubscriptionDetail"
    static var schema: JSONSchema {
        let state = JSONSchema.object([
            "position": .integer(0...Int.max), "backlog": .integer(0...Int.max), "delivered": .integer(0...Int.max),
            "failures": .integer(0...Int.max), "lastError": .plainString, "lastErrorAt": .dateTime, "lastDeliveredAt": .dateTime,
            "holder": .plainString,
        ], required: ["position", "backlog", "delivered", "failures"],
        description: "position: the last outbox position handled; backlog: the subscription's events after it; failures: failed attempts since the last delivery; holder: the instance delivering it.")
        var fields = EventSubscription.schemaFields
        fields["state"] = state
        return .object(fields, required: EventSubscription.requiredFields + ["state"])
    }
}
