import Foundation
import Logging
import MS5Domain
import MS5Simulator
import MS5Storage
import ServiceLifecycle

/// Runs the simulated bread line at real time and feeds its samples through the ingest pipeline,
/// once a second, as a connector would.
public struct SimulatorFeed: Service {
    let pipeline: IngestPipeline
    let database: Database
    let seed: UInt64
    let interval: Duration
    let speed: Double
    let logger: Logger

    /// A simulated tag of one equipment.
    public struct SimulatedBinding: Hashable, Sendable {
        public let equipment: String
        public let tag: String

        /// Names the tag `tag` of the equipment with code `equipment`.
        public init(equipment: String, tag: String) {
            self.equipment = equipment
            self.tag = tag
        }
    }

    /// Creates the feed. It feeds the metrics bound to the connector `simulator` (address = tag
    /// name) on equipment whose code is a simulated machine's (SLC1, BAG1, BSK1). With a `speed`
    /// above 1 the simulated clock runs that many times faster than the wall clock (for load
    /// tests), so the samples' times run ahead of the present.
    public init(
        pipeline: IngestPipeline, database: Database, seed: UInt64, interval: Duration = .seconds(1), speed: Double = 1, logger: Logger
    ) {
        self.pipeline = pipeline
        self.database = database
        self.seed = seed
        self.interval = interval
        self.speed = speed
        self.logger = logger
    }

    /// Waits for simulator bindings to exist, then advances the simulator to the present every
    /// `interval` until shutdown.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            var bindings: [SimulatedBinding: UUID] = [:]
            while bindings.isEmpty {
                bindings = (try? await SimulatorBindings.load(database)) ?? [:]
                if bindings.isEmpty {
                    do { try await Task.sleep(for: .seconds(2)) } catch { return }
                }
            }
            logger.notice("Simulated plant running", metadata: ["metrics": "\(bindings.count)"])
            let start = Date()
            var simulator = BreadLineSimulator(seed: seed, start: start)
            var sequence = Int64(start.timeIntervalSince1970 * 1000) * 1000
            while !Task.isCancelled {
                let now = start.addingTimeInterval(Date().timeIntervalSince(start) * speed)
                let samples = simulator.advance(to: now).compactMap { sample -> TelemetrySample? in
                    guard let metricId = bindings[SimulatedBinding(equipment: sample.equipment, tag: sample.metric)] else { return nil }
                    return TelemetrySample(metricId: metricId, timestamp: sample.timestamp, value: sample.value)
                }
                simulator.discardTruth(before: now.addingTimeInterval(-3600))
                for chunk in stride(from: 0, to: samples.count, by: TelemetryBatch.maximumSamples) {
                    sequence += 1
                    let batch = TelemetryBatch(
                        source: "simulator", sequence: sequence,
                        samples: Array(samples[chunk..<min(chunk + TelemetryBatch.maximumSamples, samples.count)]))
                    do {
                        _ = try await pipeline.ingest(batch)
                    } catch {
                        logger.warning("The simulator's batch was not stored", metadata: ["error": "\(error)"])
                    }
                }
                do { try await Task.sleep(for: interval) } catch { return }
            }
        }
    }
}
