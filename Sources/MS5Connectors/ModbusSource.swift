import Logging
import MS5Modbus

/// Modbus TCP devices, polled.
struct ModbusSource: ControllerSource {
    let poller: ModbusPoller
    let samples: AsyncStream<ControllerSample>

    init(configuration: ModbusPoller.Configuration, logger: Logger) {
        poller = ModbusPoller(configuration: configuration, logger: logger)
        samples = .converting(poller.samples) { polled in
            ControllerSample(address: polled.address, value: polled.value?.doubleValue, timestamp: polled.timestamp, good: polled.quality == .good)
        }
    }

    func start() async { await poller.start() }
    func stop() async { await poller.stop() }

    func health() async -> ControllerHealth {
        let health = await poller.snapshot()
        return ControllerHealth(
            connected: health.connected, lastError: health.lastError, lastRoundTrip: health.lastRoundTrip,
            readsPerSecond: health.readsPerSecond, reconnectAttempts: health.reconnectAttempts)
    }
}
