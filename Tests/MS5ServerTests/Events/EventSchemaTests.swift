import Foundation
import MS5Domain
import MS5JSON
@testable import MS5Server
import Testing

@Suite("Event schemas")
struct EventSchemaTests {
    /// The schemas as released: `Resources/event-schemas/<type>.json`, written with
    /// `ms5 events schemas --out Tests/MS5ServerTests/Resources/event-schemas`.
    static func recorded(_ type: EventType) throws -> MS5JSON.JSONValue? {
        guard let url = Bundle.module.url(forResource: type.rawValue, withExtension: "json", subdirectory: "event-schemas") else { return nil }
        return try JSONDecoder().decode(MS5JSON.JSONValue.self, from: Data(contentsOf: url))
    }

    static func current(_ type: EventType) throws -> MS5JSON.JSONValue {
        try JSONDecoder().decode(MS5JSON.JSONValue.self, from: JSONBody.encoder.encode(EventSchemas.document(of: type)))
    }

    @Test("Every event type's schema is recorded, and today's is compatible with it: a breaking change needs a new version")
    func compatibleWithReleased() throws {
        for type in EventType.allCases {
            guard let recorded = try Self.recorded(type) else {
                Issue.record("\(type.rawValue) has no recorded schema: write it with ms5 events schemas --out Tests/MS5ServerTests/Resources/event-schemas")
                continue
            }
            let problems = EventSchemaCompatibility.problems(recorded: recorded, current: try Self.current(type))
            #expect(problems.isEmpty, "\(type.rawValue) changed incompatibly; publish it as a new version instead: \(problems)")
        }
    }

    @Test("The compatibility check refuses what breaks a consumer and allows what does not")
    func checkerCatchesBreakingChanges() throws {
        let recorded = try Self.current(EventType.productionStopUnplanned)
        func changed(_ path: [String], _ edit: (inout MS5JSON.JSONValue?) -> Void) -> [String] {
            EventSchemaCompatibility.problems(recorded: recorded, current: Self.editing(recorded, at: path[...], edit))
        }
        let stopEvent = ["$defs", "ProductionStopEvent"]
        let removed = changed(stopEvent + ["properties", "planning"]) { $0 = nil }
        #expect(removed == ["/data/planning: removed"])
        let retyped = changed(stopEvent + ["properties", "equipmentId", "type"]) { $0 = MS5JSON.JSONValue.string("integer") }
        #expect(retyped == ["/data/equipmentId: type changed from \"string\" to \"integer\""])
        let widened: MS5JSON.JSONValue = .array([.string("planned"), .string("unplanned"), .string("maybe")])
        #expect(changed(["$defs", "StopPlanning", "enum"]) { $0 = widened } == ["/data/planning: enum gained \"maybe\""])
        let loosened: MS5JSON.JSONValue = .array([.string("name"), .string("equipmentId"), .string("stop")])
        #expect(changed(stopEvent + ["required"]) { $0 = loosened } == ["/data/planning: no longer required"])
        let renamed: MS5JSON.JSONValue = .string("production.stop.unplanned.v2")
        let renamedProblems = changed(["properties", "type", "const"]) { $0 = renamed }
        #expect(renamedProblems == ["/type: const changed from \"production.stop.unplanned.v1\" to \"production.stop.unplanned.v2\""])
        // A new member, and an enumeration losing a value, break no consumer.
        let added: MS5JSON.JSONValue = .object(["type": .string("string")])
        #expect(changed(stopEvent + ["properties", "shift"]) { $0 = added }.isEmpty)
        let narrowed: MS5JSON.JSONValue = .array([.string("unplanned")])
        #expect(changed(["$defs", "StopPlanning", "enum"]) { $0 = narrowed }.isEmpty)
    }

    /// `value` with the member at `path` changed by `edit` (nil removes it).
    static func editing(_ value: MS5JSON.JSONValue, at path: ArraySlice<String>, _ edit: (inout MS5JSON.JSONValue?) -> Void) -> MS5JSON.JSONValue {
        guard let key = path.first, case .object(var members) = value else { return value }
        if path.count == 1 {
            var member = members[key]
            edit(&member)
            members[key] = member
        } else if let member = members[key] {
            members[key] = editing(member, at: path.dropFirst(), edit)
        }
        return .object(members)
    }
}
