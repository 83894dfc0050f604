import Foundation
import Logging
import MS5Domain
import MS5EtherNetIP
import MS5Ingest

/// One controller being polled: its poller, the bindings of its tags to metrics, and the batches
/// it hands to the ingest pipeline (at most one a second, or every 1,000 samples).
actor PLCLink {
    let plan: PLCPlan
    private let poller: Poller
    private let pipeline: IngestPipeline
    private let logger: Logger
    private var bindings: [String: [MetricBinding]] = [:]
    private var sequence = Int64(Date().timeIntervalSince1970 * 1000) * 1000
    private var stored = 0

    init(plan: PLCPlan, pipeline: IngestPipeline, logger: Logger) {
        self.plan = plan
        self.pipeline = pipeline
        self.logger = logger
        self.poller = Poller(configuration: plan.pollerConfiguration, logger: logger)
        for metric in plan.metrics { bindings[metric.address, default: []].append(MetricBinding(metric)) }
    }

    /// Polls until the task is cancelled, storing what changed.
    func run() async {
        await poller.start()
        var pending: [TelemetrySample] = []
        var lastBatch = ContinuousClock.now
        let stream = poller.samples
        await withTaskCancellationHandler {
            for await polled in stream {
                pending += sample(polled)
                if pending.count >= 1000 || (!pending.isEmpty && ContinuousClock.now - lastBatch >= .seconds(1)) {
                    await store(pending)
                    pending = []
                    lastBatch = ContinuousClock.now
                }
            }
        } onCancel: {
            Task { await self.poller.stop() }
        }
        if !pending.isEmpty { await store(pending) }
    }

    /// The connection's health now.
    func status() async -> PLCStatus {
        let health = await poller.snapshot()
        return PLCStatus(
            equipmentId: plan.connection.equipmentId, equipmentCode: plan.equipmentCode, host: plan.connection.host, port: plan.connection.port,
            protocol: plan.connection.protocol, connected: health.connected, lastError: health.lastError.map { "\($0)" },
            roundTripMilliseconds: health.lastRoundTrip.map { $0 / .milliseconds(1) }, readsPerSecond: health.readsPerSecond,
            reconnectAttempts: health.reconnectAttempts, tags: plan.metrics.count, samplesStored: stored)
    }

    private func sample(_ polled: TagSample) -> [TelemetrySample] {
        guard var bound = bindings[polled.tag] else { return [] }
        var samples: [TelemetrySample] = []
        for index in bound.indices {
            if let sample = bound[index].sample(for: polled) { samples.append(sample) }
        }
        bindings[polled.tag] = bound
        return samples
    }

    private func store(_ samples: [TelemetrySample]) async {
        for start in stride(from: 0, to: samples.count, by: TelemetryBatch.maximumSamples) {
            sequence += 1
            let batch = TelemetryBatch(
                source: "plc-\(plan.equipmentCode)", sequence: sequence,
                samples: Array(samples[start..<min(start + TelemetryBatch.maximumSamples, samples.count)]))
            do {
                stored += try await pipeline.ingest(batch).stored
            } catch {
                logger.warning("Samples polled from the PLC were not stored", metadata: [
                    "equipment": "\(plan.equipmentCode)", "samples": "\(batch.samples.count)", "error": "\(error)",
                ])
            }
        }
    }
}
