import Foundation
import HTTPTypes
import Hummingbird
import MS5Connectors
import MS5Domain
import MS5Storage

extension APIRoutes {
    /// Each equipment's controller connection, and the health of every controller polled.
    mutating func addPLCConnectionRoutes(database: Database, links: PLCLinks) {
        let tag = "Machine data"
        let connections = PLCConnectionStore(database: database)
        let rules = self.rules
        add(APIOperation(
            method: .get, path: "/v1/equipment/{id}/plc-connection", operationId: "getPLCConnection",
            summary: "Where the equipment's controller is; 404 when none is set.", tag: tag, access: .signedIn, parameters: [.id("equipment")])
        ) { _, context in
            let id = try context.pathID("equipment")
            guard let connection = try await connections.connection(equipmentId: id) else {
                throw DomainError(.notFound, "Equipment \(id) has no PLC connection.")
            }
            return connection
        }
        add(APIOperation(
            method: .put, path: "/v1/equipment/{id}/plc-connection", operationId: "setPLCConnection",
            summary: "Set where the equipment's controller is; its logix or slc metrics are polled from it within a second.",
            tag: tag, access: .plantEditors, parameters: [.id("equipment")]),
            input: PLCConnectionInput.self
        ) { input, _, context in
            let connection = try await connections.set(equipmentId: try context.pathID("equipment"), input)
            await links.requestReload()
            return connection
        }
        add(APIOperation(
            method: .delete, path: "/v1/equipment/{id}/plc-connection", operationId: "deletePLCConnection",
            summary: "Stop polling the equipment's controller and forget where it is.", tag: tag, access: .plantEditors,
            parameters: [.id("equipment")])
        ) { _, context in
            try await connections.delete(equipmentId: try context.pathID("equipment"))
            await links.requestReload()
            return NoContent()
        }
        add(APIOperation(
            method: .get, path: "/v1/plc-connections/status", operationId: "plcStatus",
            summary: "The health of every controller polled: connected, last error, round trip, reads/s, samples stored.",
            tag: tag, access: .signedIn)
        ) { _, context in
            ItemList(items: try await rules.filter(await links.statuses(), in: context.siteScope, .equipment) { $0.equipmentId })
        }
    }
}
