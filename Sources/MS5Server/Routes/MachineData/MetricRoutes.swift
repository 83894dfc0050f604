import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain
import MS5Ingest
import MS5Storage

extension APIRoutes {
    /// Metric definitions with their tag bindings.
    mutating func addMetricRoutes(_ services: MachineDataServices) {
        let tag = "Machine data"
        let metrics = services.metrics
        let pipeline = services.pipeline
        add(APIOperation(
            method: .get, path: "/v1/equipment/{id}/metrics", operationId: "listMetrics",
            summary: "List an equipment's metrics and their bindings, ordered by key.", tag: tag, access: .signedIn,
            parameters: [.id("equipment")] + APIOperation.Parameter.paging)
        ) { request, context in
            try await metrics.list(equipmentId: try context.pathID("equipment"), try request.pageRequest())
        }
        add(APIOperation(
            method: .post, path: "/v1/equipment/{id}/metrics", operationId: "createMetric",
            summary: "Define a metric of an equipment and where it is read from; an address its connector cannot read is refused.",
            tag: tag, access: .plantEditors, parameters: [.id("equipment")], canConflict: true),
            input: MetricInput.self, status: .created
        ) { input, _, context in
            let metric = try await metrics.create(equipmentId: try context.pathID("equipment"), input)
            try await pipeline.configurationChanged(equipmentId: metric.equipmentId)
            return metric
        }
        add(APIOperation(
            method: .get, path: "/v1/metrics/{id}", operationId: "getMetric", summary: "Read one metric.", tag: tag,
            access: .signedIn, parameters: [.id("metric")])
        ) { _, context in
            try await metrics.get(try context.pathID("metric"))
        }
        add(APIOperation(
            method: .put, path: "/v1/metrics/{id}", operationId: "replaceMetric", summary: "Replace a metric's definition and binding.",
            tag: tag, access: .plantEditors, parameters: [.id("metric")], canConflict: true),
            input: MetricInput.self
        ) { input, _, context in
            let metric = try await metrics.replace(try context.pathID("metric"), with: input)
            try await pipeline.configurationChanged(equipmentId: metric.equipmentId)
            return metric
        }
        add(APIOperation(
            method: .delete, path: "/v1/metrics/{id}", operationId: "deleteMetric",
            summary: "Delete a metric; refused while it has stored samples.", tag: tag, access: .plantEditors,
            parameters: [.id("metric")], canConflict: true)
        ) { _, context in
            let id = try context.pathID("metric")
            let metric = try await metrics.get(id)
            try await metrics.delete(id)
            try await pipeline.configurationChanged(equipmentId: metric.equipmentId)
            return NoContent()
        }
    }
}
