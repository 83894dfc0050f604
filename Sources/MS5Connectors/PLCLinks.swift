import Foundation
import Logging
import MS5Domain
import MS5Ingest

/// The running controller links, one per equipment with a connection, each polling in its own task.
public actor PLCLinks {
    private let pipeline: IngestPipeline
    private let logger: Logger
    private var running: [UUID: (link: PLCLink, task: Task<Void, Never>)] = [:]
    private var reloadRequested = false

    init(pipeline: IngestPipeline, logger: Logger) {
        self.pipeline = pipeline
        self.logger = logger
    }

    /// Starts links for new plans, restarts those whose plan changed, stops those without a plan.
    func apply(_ plans: [UUID: PLCPlan]) async {
        for (equipmentId, current) in running where plans[equipmentId] != current.link.plan {
            current.task.cancel()
            await current.task.value
            running[equipmentId] = nil
        }
        for (equipmentId, plan) in plans where running[equipmentId] == nil {
            let link = PLCLink(plan: plan, pipeline: pipeline, logger: logger)
            running[equipmentId] = (link, Task { await link.run() })
            logger.notice("Polling PLC", metadata: [
                "equipment": "\(plan.equipmentCode)", "host": "\(plan.connection.host):\(plan.connection.port)", "tags": "\(plan.metrics.count)",
            ])
        }
    }

    /// The health of every controller polled, by equipment code.
    public func statuses() async -> [PLCStatus] {
        var statuses: [PLCStatus] = []
        for (_, entry) in running { statuses.append(await entry.link.status()) }
        return statuses.sorted { $0.equipmentCode < $1.equipmentCode }
    }

    /// Asks for the configuration to be read again at once (after it was changed through the API).
    public func requestReload() {
        reloadRequested = true
    }

    /// Whether a reload was asked for since the last call.
    func takeReloadRequest() -> Bool {
        defer { reloadRequested = false }
        return reloadRequested
    }

    /// Stops every link.
    func stopAll() async {
        await apply([:])
    }
}
