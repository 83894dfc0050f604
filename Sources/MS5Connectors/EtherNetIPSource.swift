import Logging
import MS5EtherNetIP

/// Allen-Bradley Logix and SLC controllers, polled over EtherNet/IP.
struct EtherNetIPSource: ControllerSource {
    let poller: Poller
    let samples: AsyncStream<ControllerSample>

    init(configuration: Poller.Configuration, logger: Logger) {
        poller = Poller(configuration: configuration, logger: logger)
        samples = .converting(poller.samples) { polled in
            ControllerSample(address: polled.tag, value: polled.value?.doubleValue, timestamp: polled.timestamp, good: polled.quality == .good)
        }
    }

    func start() async { await poller.start() }
    func stop() async { await poller.stop() }

    func health() async -> ControllerHealth {
        let health = await poller.snapshot()
        return ControllerHealth(
            connected: health.connected, lastError: health.lastError.map { "\($0)" }, lastRoundTrip: health.lastRoundTrip,
            readsPerSecond: health.readsPerSecond, reconnectAttempts: health.reconnectAttempts)
    }
}
