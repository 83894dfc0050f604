import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain
import MS5Ingest
import MS5Storage

extension APIRoutes {
    /// Fault catalogs, active faults, fault history, state rules and the state timeline.
    mutating func addFaultAndStateRoutes(_ services: MachineDataServices) {
        let tag = "Machine data"
        let catalogs = services.catalogs
        let faultEvents = services.faultEvents
        let states = services.states
        let pipeline = services.pipeline
        add(APIOperation(
            method: .get, path: "/v1/equipment/{id}/fault-catalog", operationId: "getFaultCatalog",
            summary: "An equipment's fault catalog: which bit of which fault word means what.", tag: tag, access: .signedIn,
            parameters: [.id("equipment")])
        ) { _, context in
            ItemList(items: try await catalogs.catalog(equipmentId: try context.pathID("equipment")))
        }
        add(APIOperation(
            method: .put, path: "/v1/equipment/{id}/fault-catalog", operationId: "replaceFaultCatalog",
            summary: "Replace an equipment's whole fault catalog.", tag: tag, access: .plantEditors, parameters: [.id("equipment")]),
            input: ItemList<FaultDefinition>.self
        ) { catalog, _, context in
            let id = try context.pathID("equipment")
            try await catalogs.replace(equipmentId: id, with: catalog.items)
            try await pipeline.configurationChanged(equipmentId: id)
            return ItemList(items: try await catalogs.catalog(equipmentId: id))
        }
        add(APIOperation(
            method: .get, path: "/v1/equipment/{id}/faults/active", operationId: "activeFaults",
            summary: "The faults of an equipment active now, oldest first.", tag: tag, access: .signedIn, parameters: [.id("equipment")])
        ) { _, context in
            ItemList(items: try await faultEvents.active(equipmentId: try context.pathID("equipment")))
        }
        add(APIOperation(
            method: .get, path: "/v1/equipment/{id}/faults", operationId: "faultHistory",
            summary: "The faults of an equipment active at any time in a range, oldest first.", tag: tag, access: .signedIn,
            parameters: [.id("equipment")] + TimeRange.parameters())
        ) { request, context in
            let range = try TimeRange(request)
            return ItemList(items: try await faultEvents.events(
                equipmentId: try context.pathID("equipment"), from: range.from, to: range.to, limit: range.limit))
        }
        add(APIOperation(
            method: .get, path: "/v1/equipment/{id}/states", operationId: "stateTimeline",
            summary: "An equipment's state intervals overlapping a range, oldest first; the last may still be open.",
            tag: tag, access: .signedIn, parameters: [.id("equipment")] + TimeRange.parameters())
        ) { request, context in
            let range = try TimeRange(request)
            return ItemList(items: try await states.intervals(
                equipmentId: try context.pathID("equipment"), from: range.from, to: range.to, limit: range.limit))
        }
        add(APIOperation(
            method: .get, path: "/v1/equipment/{id}/state-rules", operationId: "getStateRules",
            summary: "How an equipment's state is determined; 404 when no rules were set (defaults apply).", tag: tag,
            access: .signedIn, parameters: [.id("equipment")])
        ) { _, context in
            let id = try context.pathID("equipment")
            guard let rules = try await states.rules(equipmentId: id) else {
                throw DomainError(.notFound, "No state rules were set for equipment \(id); the defaults apply (running while the speed metric is above 0, held while an internal fault is active).")
            }
            return rules
        }
        add(APIOperation(
            method: .put, path: "/v1/equipment/{id}/state-rules", operationId: "setStateRules",
            summary: "Set how an equipment's state is determined; applies from the next sample.", tag: tag,
            access: .plantEditors, parameters: [.id("equipment")]),
            input: StateRules.self
        ) { rules, _, context in
            let id = try context.pathID("equipment")
            try await states.setRules(rules, equipmentId: id)
            try await pipeline.configurationChanged(equipmentId: id)
            return rules
        }
    }
}
