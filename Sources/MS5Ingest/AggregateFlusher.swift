import Logging
import MS5Storage
import ServiceLifecycle

/// Writes the latest values and rollups the ingest pipeline gathers in memory on every `interval`,
/// and a last time at shutdown.
public struct AggregateFlusher: Service {
    let aggregator: TelemetryAggregator
    let interval: Duration
    let logger: Logger

    /// Creates the flusher of `aggregator`, writing every `interval`.
    public init(aggregator: TelemetryAggregator, interval: Duration, logger: Logger) {
        self.aggregator = aggregator
        self.interval = interval
        self.logger = logger
    }

    /// Flushes every `interval` until graceful shutdown, then once more.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { try await Task.sleep(for: interval) } catch { return }
                await flushLogging()
            }
        }
        await flushLogging()
    }

    private func flushLogging() async {
        do {
            try await aggregator.flush()
        } catch {
            logger.warning("Writing latest values and rollups failed; they stay pending", metadata: ["error": "\(error)"])
        }
    }
}
