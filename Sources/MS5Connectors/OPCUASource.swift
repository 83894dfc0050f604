import Foundation
import Logging
import MS5OPCUA

/// OPC UA servers, read by subscription: every data change arrives as a sample.
struct OPCUASource: ControllerSource {
    let subscriber: OPCUASubscriber
    let samples: AsyncStream<ControllerSample>

    init(configuration: OPCUASubscriber.Configuration, logger: Logger) {
        subscriber = OPCUASubscriber(configuration: configuration, logger: logger)
        samples = .converting(subscriber.samples) { changed in
            ControllerSample(
                address: changed.nodeID, value: changed.quality == .bad ? nil : changed.value.doubleValue,
                timestamp: changed.sourceTimestamp ?? changed.serverTimestamp ?? Date(), good: changed.quality == .good)
        }
    }

    func start() async { await subscriber.start() }
    func stop() async { await subscriber.stop() }

    func health() async -> ControllerHealth {
        let health = await subscriber.snapshot()
        return ControllerHealth(
            connected: health.connected, lastError: health.lastError, lastRoundTrip: health.lastRoundTrip,
            readsPerSecond: health.notificationsPerSecond, reconnectAttempts: health.reconnectAttempts)
    }
}
