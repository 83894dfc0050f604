import Foundation
import Logging
import MS5Domain
import MS5Ingest

/// One controller being read: its source (poller or subscription), the bindings of its addresses
/// to metrics, and the batches it hands to the ingest pipeline (at most one a second, or every
/// 1,000 samples).
actor PLCLink {
    let plan: PLCPlan
    private let source: any ControllerSource
    private let pipeline: IngestPipeline
    private let logger: Logger
    private var bindings: [String: [MetricBinding]] = [:]
    private var sequence = Int64(Date().timeIntervalSince1970 * 1000) * 1000
    private var stored = 0
    /// Samples waiting for the next batch.
    private var pending: [TelemetrySample] = []
    private var lastBatch = ContinuousClock.now

    init(plan: PLCPlan, pipeline: IngestPipeline, logger: Logger) {
        self.plan = plan
        self.pipeline = pipeline
        self.logger = logger
        self.source = plan.makeSource(logger: logger)
        for metric in plan.metrics { bindings[metric.address, default: []].append(MetricBinding(metric)) }
    }

    /// Reads until the task is cancelled, storing what changed.
    func run() async {
        await source.start()
        let stream = source.samples
        await withTaskCancellationHandler {
            await withDiscardingTaskGroup { group in
                // A subscription may go quiet after a change: what waits is stored within a second anyway.
                group.addTask { await self.storeWaitingEverySecond() }
                for await polled in stream {
                    await take(polled)
                }
                group.cancelAll()
            }
        } onCancel: {
            Task { await self.source.stop() }
        }
        await storeWaiting()
    }

    private func take(_ polled: ControllerSample) async {
        pending += sample(polled)
        if pending.count >= 1000 || (!pending.isEmpty && ContinuousClock.now - lastBatch >= .seconds(1)) {
            await storeWaiting()
        }
    }

    private func storeWaitingEverySecond() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(250))
            if !pending.isEmpty && ContinuousClock.now - lastBatch >= .seconds(1) { await storeWaiting() }
        }
    }

    private func storeWaiting() async {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending = []
        lastBatch = ContinuousClock.now
        await store(batch)
    }

    /// The connection's health now.
    func status() async -> PLCStatus {
        let health = await source.health()
        return PLCStatus(
            equipmentId: plan.connection.equipmentId, equipmentCode: plan.equipmentCode, host: plan.connection.host, port: plan.connection.port,
            protocol: plan.connection.protocol, connected: health.connected, lastError: health.lastError,
            roundTripMilliseconds: health.lastRoundTrip.map { $0 / .milliseconds(1) }, readsPerSecond: health.readsPerSecond,
            reconnectAttempts: health.reconnectAttempts, tags: plan.metrics.count, samplesStored: stored)
    }

    private func sample(_ polled: ControllerSample) -> [TelemetrySample] {
        guard var bound = bindings[polled.address] else { return [] }
        var samples: [TelemetrySample] = []
        for index in bound.indices {
            if let sample = bound[index].sample(for: polled) { samples.append(sample) }
        }
        bindings[polled.address] = bound
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
