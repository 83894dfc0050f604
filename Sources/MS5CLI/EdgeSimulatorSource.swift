import Foundation
import Logging
import MS5Edge
import MS5Simulator
import ServiceLifecycle

/// Advances the simulated line every second and appends its samples to the edge's queue.
struct EdgeSimulatorSource: Service {
    let queue: DiskQueue
    let bindings: [String: UUID]
    let seed: UInt64
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var simulator = BreadLineSimulator(seed: seed, start: Date())
            while !Task.isCancelled {
                let samples = simulator.advance(to: Date()).compactMap { sample -> EdgeSample? in
                    bindings["\(sample.equipment)/\(sample.metric)"].map {
                        EdgeSample(metricId: $0, timestamp: sample.timestamp, value: sample.value)
                    }
                }
                simulator.discardTruth(before: Date().addingTimeInterval(-600))
                if !samples.isEmpty {
                    do { _ = try await queue.append(samples) } catch {
                        logger.error("Samples could not be queued", metadata: ["error": "\(error)", "samples": "\(samples.count)"])
                    }
                }
                do { try await Task.sleep(for: .seconds(1)) } catch { return }
            }
        }
    }
}
