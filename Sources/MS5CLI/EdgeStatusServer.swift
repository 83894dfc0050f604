import Foundation
import Hummingbird
import MS5Edge

/// The edge's own small HTTP server on loopback: `/status` as JSON and `/metrics` for Prometheus,
/// so that backlog and forwarding rate can be watched and scraped at the line.
enum EdgeStatusServer {
    /// The edge's status as `/status` answers it.
    struct Body: Encodable {
        let connected: Bool
        let authenticationFailed: Bool
        let lastError: String?
        let lastSuccess: Date?
        let batchesSent: Int
        let samplesSent: Int
        let duplicateBatches: Int
        let retries: Int
        let deadLettered: Int
        let backlogSamples: Int
        let backlogBytes: Int64
        let samplesPerSecond: Double

        init(_ status: ForwarderStatus) {
            connected = status.connected
            authenticationFailed = status.authenticationFailed
            lastError = status.lastError
            lastSuccess = status.lastSuccess
            batchesSent = status.batchesSent
            samplesSent = status.samplesSent
            duplicateBatches = status.duplicateBatches
            retries = status.retries
            deadLettered = status.deadLettered
            backlogSamples = status.backlog.samples
            backlogBytes = status.backlog.bytes
            samplesPerSecond = status.rate
        }
    }

    /// The application serving the forwarder's status on `host:port`.
    static func application(forwarder: Forwarder, host: String, port: Int) -> some ApplicationProtocol {
        let router = Router()
        router.get("/status") { _, _ -> Response in
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.sortedKeys]
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(Body(forwarder.status)))))
        }
        router.get("/metrics") { _, _ -> Response in
            let status = forwarder.status
            let lines = [
                "# TYPE ms5_edge_connected gauge", "ms5_edge_connected \(status.connected ? 1 : 0)",
                "# TYPE ms5_edge_backlog_samples gauge", "ms5_edge_backlog_samples \(status.backlog.samples)",
                "# TYPE ms5_edge_backlog_bytes gauge", "ms5_edge_backlog_bytes \(status.backlog.bytes)",
                "# TYPE ms5_edge_forward_rate_samples_per_second gauge", "ms5_edge_forward_rate_samples_per_second \(status.rate)",
                "# TYPE ms5_edge_samples_sent_total counter", "ms5_edge_samples_sent_total \(status.samplesSent)",
                "# TYPE ms5_edge_batches_sent_total counter", "ms5_edge_batches_sent_total \(status.batchesSent)",
                "# TYPE ms5_edge_retries_total counter", "ms5_edge_retries_total \(status.retries)",
                "# TYPE ms5_edge_dead_lettered_total counter", "ms5_edge_dead_lettered_total \(status.deadLettered)",
            ]
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: lines.joined(separator: "\n") + "\n")))
        }
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "ms5-edge"))
    }
}
