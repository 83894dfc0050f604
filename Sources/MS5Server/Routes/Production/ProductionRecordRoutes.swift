import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain
import MS5Storage

extension APIRoutes {
    /// What people record about production that machines do not: planned downtime, count
    /// corrections and stop splits.
    mutating func addProductionRecordRoutes(database: Database, tag: String) {
        let calendar = ProductionCalendarStore(database: database)
        let reports = ProductionReports(database: database)
        let rules = self.rules
        add(APIOperation(
            method: .get, path: "/v1/lines/{id}/planned-downtimes", operationId: "listPlannedDowntimes",
            summary: "A line's planned downtime overlapping a range, in time order.", tag: tag, access: .signedIn,
            parameters: [.id("line")] + PerformanceRange.parameters)
        ) { request, context in
            ItemList(items: try await calendar.downtimes(lineId: try context.pathID("line"), in: try PerformanceRange(request).span))
        }
        add(APIOperation(
            method: .post, path: "/v1/lines/{id}/planned-downtimes", operationId: "addPlannedDowntime",
            summary: "Enter a meeting, planned maintenance, an extra break or a time without orders.", tag: tag,
            access: .floorLeads, parameters: [.id("line")]),
            input: PlannedDowntimeInput.self, status: .created
        ) { input, _, context in
            try await calendar.addDowntime(lineId: try context.pathID("line"), input, by: try context.signedInUser.username)
        }
        add(APIOperation(
            method: .delete, path: "/v1/planned-downtimes/{id}", operationId: "deletePlannedDowntime",
            summary: "Remove a planned-downtime entry.", tag: tag, access: .floorLeads, parameters: [.id("planned downtime")])
        ) { _, context in
            try await calendar.deleteDowntime(try context.pathID("planned downtime"))
            return NoContent()
        }
        add(APIOperation(
            method: .get, path: "/v1/equipment/{id}/count-corrections", operationId: "listCountCorrections",
            summary: "An equipment's manual count corrections dated in a range.", tag: tag, access: .signedIn,
            parameters: [.id("equipment")] + PerformanceRange.parameters)
        ) { request, context in
            ItemList(items: try await calendar.corrections(equipmentId: try context.pathID("equipment"), in: try PerformanceRange(request).span))
        }
        add(APIOperation(
            method: .post, path: "/v1/equipment/{id}/count-corrections", operationId: "correctCounts",
            summary: "Correct an equipment's good and reject counts, with the reason; it counts in the order and shift of its time.",
            tag: tag, access: .floorLeads, parameters: [.id("equipment")]),
            input: CountCorrectionInput.self, status: .created
        ) { input, _, context in
            try await calendar.correct(equipmentId: try context.pathID("equipment"), input, by: try context.signedInUser.username)
        }
        add(APIOperation(
            method: .post, path: "/v1/equipment/{id}/stop-splits", operationId: "splitStop",
            summary: "Split a stop in two so that each part gets its own reason; answers both parts. Operators only on a line they hold a job on, during that job's shift.",
            tag: tag, access: .floorLeads, parameters: [.id("equipment")], canConflict: true),
            input: StopSplitInput.self
        ) { input, _, context in
            let user = try context.signedInUser
            let equipmentId = try context.pathID("equipment")
            try await rules.requireOnDuty(user, equipmentId: equipmentId)
            return ItemList(items: try await reports.split(equipmentId: equipmentId, input, by: user.username))
        }
    }
}
