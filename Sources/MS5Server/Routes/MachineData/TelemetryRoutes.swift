import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain
import MS5Ingest
import MS5Storage
import NIOCore

extension APIRoutes {
    /// Samples in, latest values and history out.
    mutating func addTelemetryRoutes(_ services: MachineDataServices) {
        let tag = "Machine data"
        let pipeline = services.pipeline
        let telemetry = services.telemetry
        let rules = self.rules
        add(APIOperation(
            method: .post, path: "/v1/telemetry/batches", operationId: "ingestTelemetry",
            summary: "Store a batch of samples; a batch with a (source, sequence) already stored changes nothing.",
            tag: tag, access: .plantEditors),
            input: TelemetryBatch.self
        ) { batch, _, context in
            try await rules.requireMetrics(of: batch.samples, in: context.siteScope)
            return try await pipeline.ingest(batch)
        }
        add(APIOperation(
            method: .get, path: "/v1/equipment/{id}/latest", operationId: "latestValues",
            summary: "The newest value of each of an equipment's metrics.", tag: tag, access: .signedIn,
            parameters: [.id("equipment")])
        ) { _, context in
            ItemList(items: try await telemetry.latest(equipmentId: try context.pathID("equipment")))
        }
        add(APIOperation(
            method: .get, path: "/v1/metrics/{id}/history", operationId: "metricHistory",
            summary: "A metric's history: raw samples when they fit maxPoints, otherwise 1-minute or 1-hour buckets.",
            tag: tag, access: .signedIn, parameters: [.id("metric")] + TimeRange.parameters(limitName: "maxPoints"))
        ) { request, context in
            let range = try TimeRange(request, limitName: "maxPoints", defaultLimit: 1000)
            return try await telemetry.history(metricId: try context.pathID("metric"), from: range.from, to: range.to, maxPoints: range.limit)
        }
        var csv = APIOperation(
            method: .get, path: "/v1/metrics/{id}/history.csv", operationId: "metricHistoryCSV",
            summary: "The same history as CSV: timestamp, value, min, max, count.", tag: tag, access: .signedIn,
            parameters: [.id("metric")] + TimeRange.parameters(limitName: "maxPoints", maximumLimit: 100_000))
        csv.contentType = "text/csv"
        addResponder(csv) { request, context in
            let range = try TimeRange(request, limitName: "maxPoints", defaultLimit: 10_000, maximumLimit: 100_000)
            let id = try context.pathID("metric")
            let history = try await telemetry.history(metricId: id, from: range.from, to: range.to, maxPoints: range.limit)
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"metric-\(id)-\(history.resolution.rawValue).csv\""],
                body: .init(byteBuffer: ByteBuffer(string: HistoryCSV.render(history))))
        }
    }
}

/// Writes a metric history as CSV, one point per line, times in ISO 8601 UTC.
enum HistoryCSV {
    static func render(_ history: MetricHistory) -> String {
        var text = "timestamp,value,min,max,count\r\n"
        for point in history.points {
            let fields = [
                ISO8601Coding.withFraction.format(point.timestamp), "\(point.value)",
                point.min.map { "\($0)" } ?? "", point.max.map { "\($0)" } ?? "", point.count.map { "\($0)" } ?? "",
            ]
            text += fields.joined(separator: ",") + "\r\n"
        }
        return text
    }
}
