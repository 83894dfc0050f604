import MS5Domain

extension Product: DocumentedSchema {
    static let schemaName = "Product"
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "code": .code, "name": .name, "idealCycleSeconds": .number, "createdAt": .dateTime, "updatedAt": .dateTime,
        ], required: ["id", "code", "name", "idealCycleSeconds", "createdAt", "updatedAt"])
    }
}

extension ProductInput: DocumentedSchema {
    static let schemaName = "ProductInput"
    static var schema: JSONSchema {
        .object(["code": .code, "name": .name, "idealCycleSeconds": .number], required: ["code", "name", "idealCycleSeconds"],
                description: "idealCycleSeconds: seconds per piece at the rated speed of the constraint equipment, more than 0.")
    }
}

extension OrderStatus: DocumentedSchema {
    static let schemaName = "OrderStatus"
    static var schema: JSONSchema { .enumeration(OrderStatus.allCases.map(\.rawValue)) }
}

extension ProductionOrder: DocumentedSchema {
    static let schemaName = "ProductionOrder"
    static var referencedSchemas: [any DocumentedSchema.Type] { [OrderStatus.self] }
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "number": .string(maxLength: 64), "productId": .uuid, "equipmentId": .uuid, "plannedQuantity": .integer(1...100_000_000),
            "plannedStart": .dateTime, "plannedEnd": .dateTime, "status": .ref("OrderStatus"),
            "actualStart": JSONSchema.dateTime.orNull, "actualEnd": JSONSchema.dateTime.orNull, "createdAt": .dateTime, "updatedAt": .dateTime,
        ], required: ["id", "number", "productId", "equipmentId", "plannedQuantity", "plannedStart", "plannedEnd", "status", "createdAt", "updatedAt"])
    }
}

extension ProductionOrderInput: DocumentedSchema {
    static let schemaName = "ProductionOrderInput"
    static var schema: JSONSchema {
        .object([
            "number": .string(maxLength: 64), "productId": .uuid, "equipmentId": .uuid, "plannedQuantity": .integer(1...100_000_000),
            "plannedStart": .dateTime, "plannedEnd": .dateTime,
        ], required: ["number", "productId", "equipmentId", "plannedQuantity", "plannedStart", "plannedEnd"])
    }
}

extension OrderStatusChange: DocumentedSchema {
    static let schemaName = "OrderStatusChange"
    static var referencedSchemas: [any DocumentedSchema.Type] { [OrderStatus.self] }
    static var schema: JSONSchema {
        .object(["status": .ref("OrderStatus")], required: ["status"],
                description: "planned → released → running → completed (released may go back to planned).")
    }
}

extension LineProductionSettings: DocumentedSchema {
    static let schemaName = "LineProductionSettings"
    static var schema: JSONSchema {
        let timeOfDay = JSONSchema.object(["hour": .integer(0...23), "minute": .integer(0...59)], required: ["hour", "minute"])
        let shiftBreak = JSONSchema.object(["offset": .number, "duration": .number], required: ["offset", "duration"],
                                           description: "Seconds after the shift's start, and length in seconds.")
        let shift = JSONSchema.object([
            "name": .string(maxLength: 40), "start": timeOfDay, "length": .number,
            "days": .array(of: .enumeration(Weekday.allCases.map(\.rawValue))), "breaks": .array(of: shiftBreak),
            "targetQuantity": JSONSchema.integer(0...100_000_000).orNull,
        ], required: ["name", "start", "length", "days", "breaks"], description: "A shift: wall-clock start in the site's time zone, length in seconds.")
        let reason = JSONSchema.object(["code": .plainString, "name": .plainString], required: ["code", "name"])
        let category = JSONSchema.object([
            "code": .plainString, "name": .plainString, "planning": .enumeration(StopPlanning.allCases.map(\.rawValue)),
            "loss": .enumeration(StopLossKind.allCases.map(\.rawValue)), "reasons": .array(of: reason),
        ], required: ["code", "name", "planning", "loss", "reasons"])
        return .object([
            "shiftPattern": .object(["name": .plainString, "shifts": .array(of: shift)], required: ["name", "shifts"]),
            "reasonTree": .object(["categories": .array(of: category)], required: ["categories"]),
            "constraintEquipmentId": JSONSchema.uuid.orNull,
            "minorStopSeconds": .number, "startupRejectWindowSeconds": .number,
            "faultReasons": JSONSchema(json: ["type": "object", "additionalProperties": ["type": "string"],
                                              "description": "Fault code → reason code proposed for stops with that first-out fault."]),
            "counterRollover": .integer(2...(1 << 40)),
        ], required: ["shiftPattern", "reasonTree", "minorStopSeconds", "startupRejectWindowSeconds", "faultReasons", "counterRollover"])
    }
}

extension StopCodingInput: DocumentedSchema {
    static let schemaName = "StopCodingInput"
    static var schema: JSONSchema {
        .object(["stopStart": .dateTime, "reasonCode": .plainString, "comment": JSONSchema.string(maxLength: 1000, minLength: 0).orNull],
                required: ["stopStart", "reasonCode"], description: "Codes the stop that starts at stopStart with a reason of the line's reason tree.")
    }
}

extension Stop: DocumentedSchema {
    static let schemaName = "Stop"
    static var schema: JSONSchema {
        let span = JSONSchema.object(["start": .dateTime, "end": .dateTime], required: ["start", "end"])
        let comment = JSONSchema.object(["author": .plainString, "text": .plainString, "at": .dateTime], required: ["author", "text", "at"])
        return .object([
            "id": .plainString, "equipmentId": .plainString, "start": .dateTime, "end": .dateTime, "plannedSpans": .array(of: span),
            "initialState": .ref("MachineState"), "firstOutFaultCode": JSONSchema.plainString.orNull,
            "proposedReasonCode": JSONSchema.plainString.orNull, "reasonCode": JSONSchema.plainString.orNull,
            "codedAt": JSONSchema.dateTime.orNull, "comments": .array(of: comment),
        ], required: ["id", "equipmentId", "start", "end", "plannedSpans", "initialState", "comments"],
           description: "A stop during planned busy time; plannedSpans are its parts inside planned busy time.")
    }
    static var referencedSchemas: [any DocumentedSchema.Type] { [MachineState.self] }
}

extension EquipmentPerformance: DocumentedSchema {
    static let schemaName = "EquipmentPerformance"
    static var referencedSchemas: [any DocumentedSchema.Type] { [Stop.self] }
    static var schema: JSONSchema {
        func described(_ text: String) -> JSONSchema { JSONSchema(json: ["type": "object", "description": .string(text)]) }
        return .object([
            "equipmentId": .uuid,
            "window": .object(["start": .dateTime, "end": .dateTime], required: ["start", "end"]),
            "kpis": described("""
                ISO 22400-2 KPIs with their parts: time (planned: shift, break, no-order and planned busy time; \
                actualProductionTime, setup, breakdown, minor-stop, other, uncoded and unrecorded time, all in seconds), \
                quantities (produced, good, reject, start-up reject, ideal production time), the six big losses in seconds, \
                availability, effectiveness (capped at 1; effectivenessUncapped and idealRateMisconfigured tell when counts \
                exceed the ideal rate), qualityRatio, oee, MTBF, MTTR, firstPassYield, setupRatio, meanTimeToCode.
                """),
            "stops": .array(of: .ref("Stop")),
            "pareto": .array(of: described("Unplanned stop time of one reason: count, duration (s), shares of stop time and planned busy time.")),
            "counterEvents": .array(of: described("A counter rollover, reset or refused reading: kind, channel, at, previousValue, value.")),
        ], required: ["equipmentId", "window", "kpis", "stops", "pareto", "counterEvents"])
    }
}

extension PerformancePeriod: DocumentedSchema {
    static let schemaName = "PerformancePeriod"
    static var schema: JSONSchema {
        .object([
            "label": .plainString,
            "window": .object(["start": .dateTime, "end": .dateTime], required: ["start", "end"]),
            "kpis": JSONSchema(json: ["type": "object", "description": "The period's KPIs with their parts, as in EquipmentPerformance.kpis."]),
        ], required: ["label", "window", "kpis"])
    }
}

extension PlannedDowntimeKind: DocumentedSchema {
    static let schemaName = "PlannedDowntimeKind"
    static var schema: JSONSchema { .enumeration(PlannedDowntimeKind.allCases.map(\.rawValue)) }
}

extension PlannedDowntimeEntry: DocumentedSchema {
    static let schemaName = "PlannedDowntime"
    static var referencedSchemas: [any DocumentedSchema.Type] { [PlannedDowntimeKind.self] }
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "lineId": .uuid, "kind": .ref("PlannedDowntimeKind"), "start": .dateTime, "end": .dateTime,
            "note": JSONSchema.plainString.orNull, "createdBy": .plainString, "createdAt": .dateTime,
        ], required: ["id", "lineId", "kind", "start", "end", "createdBy", "createdAt"])
    }
}

extension PlannedDowntimeInput: DocumentedSchema {
    static let schemaName = "PlannedDowntimeInput"
    static var referencedSchemas: [any DocumentedSchema.Type] { [PlannedDowntimeKind.self] }
    static var schema: JSONSchema {
        .object(["kind": .ref("PlannedDowntimeKind"), "start": .dateTime, "end": .dateTime, "note": JSONSchema.string(maxLength: 200, minLength: 0).orNull],
                required: ["kind", "start", "end"], description: "Time taken out of planned busy time: at most 31 days.")
    }
}

extension CountCorrection: DocumentedSchema {
    static let schemaName = "CountCorrection"
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "equipmentId": .uuid, "at": .dateTime, "good": .integer(-1_000_000...1_000_000),
            "reject": .integer(-1_000_000...1_000_000), "reason": .plainString, "createdBy": .plainString, "createdAt": .dateTime,
        ], required: ["id", "equipmentId", "at", "good", "reject", "reason", "createdBy", "createdAt"])
    }
}

extension CountCorrectionInput: DocumentedSchema {
    static let schemaName = "CountCorrectionInput"
    static var schema: JSONSchema {
        .object(["at": .dateTime, "good": .integer(-1_000_000...1_000_000), "reject": .integer(-1_000_000...1_000_000), "reason": .string(maxLength: 200)],
                required: ["at", "good", "reject", "reason"], description: "Signed changes: -5 good removes five good pieces.")
    }
}

extension StopSplitInput: DocumentedSchema {
    static let schemaName = "StopSplitInput"
    static var schema: JSONSchema {
        .object(["stopStart": .dateTime, "at": .dateTime], required: ["stopStart", "at"],
                description: "Splits the stop starting at stopStart in two at `at`, strictly inside it.")
    }
}

extension LineLosses: DocumentedSchema {
    static let schemaName = "LineLosses"
    static var schema: JSONSchema {
        func described(_ text: String) -> JSONSchema { JSONSchema(json: ["type": "object", "description": .string(text)]) }
        return .object([
            "lineId": .uuid,
            "window": .object(["start": .dateTime, "end": .dateTime], required: ["start", "end"]),
            "pareto": .array(of: described("Unplanned stop time of one reason at the constraint: count, duration (s), shares.")),
            "byEquipment": .array(of: described("Unplanned stop time of one equipment of the line: equipmentId, count, duration (s), share.")),
            "dailyTrend": .array(of: described("The constraint's unplanned stops of one local day: day, count, duration (s).")),
        ], required: ["lineId", "window", "pareto", "byEquipment", "dailyTrend"])
    }
}

extension AssignmentStatus: DocumentedSchema {
    static let schemaName = "AssignmentStatus"
    static var schema: JSONSchema { .enumeration(AssignmentStatus.allCases.map(\.rawValue)) }
}

extension JobAssignment: DocumentedSchema {
    static let schemaName = "JobAssignment"
    static var referencedSchemas: [any DocumentedSchema.Type] { [AssignmentStatus.self] }
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "orderId": .uuid, "userId": .uuid, "username": .plainString, "status": .ref("AssignmentStatus"),
            "assignedBy": .plainString, "assignedAt": .dateTime, "acceptedAt": JSONSchema.dateTime.orNull,
            "startedAt": JSONSchema.dateTime.orNull, "completedAt": JSONSchema.dateTime.orNull,
        ], required: ["id", "orderId", "userId", "username", "status", "assignedBy", "assignedAt"])
    }
}

extension JobAssignmentInput: DocumentedSchema {
    static let schemaName = "JobAssignmentInput"
    static var schema: JSONSchema { .object(["username": .string(maxLength: 64)], required: ["username"]) }
}

extension AssignmentStatusChange: DocumentedSchema {
    static let schemaName = "AssignmentStatusChange"
    static var referencedSchemas: [any DocumentedSchema.Type] { [AssignmentStatus.self] }
    static var schema: JSONSchema {
        .object(["status": .ref("AssignmentStatus")], required: ["status"], description: "One step on: assigned → accepted → started → completed.")
    }
}
