import MS5Domain

extension SignalKind: DocumentedSchema {
    static let schemaName = "SignalKind"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension CountedPieces: DocumentedSchema {
    static let schemaName = "CountedPieces"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension SignalMatcher: DocumentedSchema {
    static let schemaName = "SignalMatcher"
    static var referencedSchemas: [any DocumentedSchema.Type] { [SignalKind.self, MachineState.self, CountedPieces.self] }
    static var schema: JSONSchema {
        .object([
            "kind": .ref("SignalKind"), "equipmentId": JSONSchema.uuid.orNull, "state": JSONSchema.ref("MachineState").orNull,
            "faultCode": JSONSchema.plainString.orNull, "counted": JSONSchema.ref("CountedPieces").orNull,
            "pieces": JSONSchema.integer(1...SignalMatcher.maximumCount).orNull, "name": JSONSchema.code.orNull, "siteId": JSONSchema.uuid.orNull,
        ], required: ["kind"], description: """
            state-change: of equipmentId, into state when given. fault: raised on equipmentId, with faultCode when given. \
            count: pieces more counted pieces of equipmentId than when the wait began. user: the signal name sent by a person of siteId.
            """)
    }
}

extension WorkflowSignal: DocumentedSchema {
    static let schemaName = "WorkflowSignal"
    static var referencedSchemas: [any DocumentedSchema.Type] { [SignalKind.self, MachineState.self] }
    static var schema: JSONSchema {
        .object([
            "kind": .ref("SignalKind"), "at": .dateTime, "eventId": JSONSchema.uuid.orNull, "state": JSONSchema.ref("MachineState").orNull,
            "faultCode": JSONSchema.plainString.orNull, "pieces": JSONSchema.integer(0...Int(Int32.max)).orNull,
            "sentBy": JSONSchema.plainString.orNull, "payload": JSONSchema(json: ["type": "object"]).orNull,
        ], required: ["kind", "at"],
        description: "eventId is the outbox event of a state change or fault; pieces those counted since the wait began; sentBy and payload come with a person's signal.")
    }
}

extension SignalWait: DocumentedSchema {
    static let schemaName = "SignalWait"
    static var referencedSchemas: [any DocumentedSchema.Type] { [SignalMatcher.self, WorkflowSignal.self] }
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "instanceId": .uuid, "purpose": .code, "matcher": .ref("SignalMatcher"), "siteId": .uuid,
            "lineId": JSONSchema.uuid.orNull, "waitingSince": .dateTime, "timeoutTimerId": JSONSchema.uuid.orNull,
            "signal": JSONSchema.ref("WorkflowSignal").orNull, "deliveredAt": JSONSchema.dateTime.orNull,
        ], required: ["id", "instanceId", "purpose", "matcher", "siteId", "waitingSince"],
        description: "A workflow instance waiting for a signal: signal is the one it took, deliveredAt when its handler ran (the engine delivers within a second or so).")
    }
}
