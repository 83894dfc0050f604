import Foundation
import Logging
import MS5Domain
import MS5Ingest
import MS5Storage
import ServiceLifecycle

/// Polls every controller configured under `/v1/equipment/{id}/plc-connection` for the
/// equipment's `logix` or `slc` metrics and feeds the ingest pipeline. The configuration is read
/// again every `reloadInterval`, or within a second when ``PLCLinks/requestReload()`` asks: a
/// changed connection or metric set restarts that controller's poller, a removed one stops it.
public struct PLCConnectorService: Service {
    let database: Database
    let pipeline: IngestPipeline
    let reloadInterval: Duration
    let logger: Logger
    /// The controllers being polled, for the status endpoint and /metrics.
    public let links: PLCLinks

    /// Creates the service.
    public init(database: Database, pipeline: IngestPipeline, reloadInterval: Duration = .seconds(30), logger: Logger) {
        self.database = database
        self.pipeline = pipeline
        self.reloadInterval = reloadInterval
        self.logger = logger
        self.links = PLCLinks(pipeline: pipeline, logger: logger)
    }

    /// Reloads and applies the configuration every `reloadInterval` until shutdown, then stops
    /// every poller.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    await links.apply(try await loadPlans())
                } catch {
                    logger.warning("Reading the PLC connections failed; retrying", metadata: ["error": "\(error)"])
                }
                let next = ContinuousClock.now + reloadInterval
                while ContinuousClock.now < next, await !links.takeReloadRequest() {
                    do { try await Task.sleep(for: min(.seconds(1), reloadInterval)) } catch { return }
                }
            }
        }
        await links.stopAll()
    }

    /// The plans of the configuration stored now.
    func loadPlans() async throws -> [UUID: PLCPlan] {
        let connections = try await PLCConnectionStore(database: database).credentialed()
        guard !connections.isEmpty else { return [:] }
        let metrics = try await MetricRepository(database: database).all()
        var codes: [UUID: String] = [:]
        for connection in connections.map(\.connection) {
            codes[connection.equipmentId] = try await EquipmentRepository(database: database).get(connection.equipmentId).code
        }
        return PLCPlan.plans(connections: connections, metrics: metrics, equipmentCodes: codes)
    }
}
