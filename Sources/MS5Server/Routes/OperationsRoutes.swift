import Foundation
import HTTPTypes
import Hummingbird
import MS5Storage
import NIOCore
import NIOFoundationEssentialsCompat

extension APIRoutes {
    /// Liveness, readiness and metrics, for probes and Prometheus; open without signing in.
    mutating func addOperationsRoutes(database: Database, metrics: MetricsExporter) {
        let tag = "Operations"
        add(APIOperation(
            method: .get, path: "/health", operationId: "health", summary: "Liveness: the process answers.",
            tag: tag, access: .anyone)
        ) { _, _ in
            HealthStatus(status: "ok", version: MS5Version.current, database: nil, schemaVersion: nil)
        }
        add(APIOperation(
            method: .get, path: "/ready", operationId: "ready",
            summary: "Readiness: the database answers and its schema is this binary's version; 503 otherwise.",
            tag: tag, access: .anyone)
        ) { _, _ in
            let status: Migrator.Status
            do {
                status = try await Migrator(database: database).status()
            } catch {
                throw Problem(.serviceUnavailable, code: "not-ready", detail: "The database does not answer: \(error).")
            }
            guard status.isCurrent else {
                throw Problem(
                    .serviceUnavailable, code: "not-ready",
                    detail: "The database schema is at version \(status.applied); this ms5 needs \(status.latest).")
            }
            return HealthStatus(status: "ready", version: MS5Version.current, database: database.kind.rawValue, schemaVersion: status.applied)
        }
        var metricsOperation = APIOperation(
            method: .get, path: "/metrics", operationId: "metrics",
            summary: "Prometheus metrics: requests, latency, database pool, process.", tag: tag, access: .anyone)
        metricsOperation.contentType = "text/plain; version=0.0.4"
        addResponder(metricsOperation) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: await metrics.render())))
        }
    }

    /// `/openapi.json`: registered last, so that it describes every operation, itself included.
    mutating func addDocumentRoute() throws {
        let operation = APIOperation(
            method: .get, path: "/openapi.json", operationId: "openapi",
            summary: "This API's OpenAPI 3.1 description.", tag: "Operations", access: .anyone)
        let document = OpenAPIDocument(operations: operations + [operation], schemas: schemas, version: MS5Version.current)
        let body = ByteBuffer(data: try JSONBody.encoder.encode(document.json))
        addResponder(operation) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: body))
        }
    }
}
