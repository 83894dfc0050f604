import Foundation
import Logging
import MS5MQTT

/// Values published to an MQTT broker: each metric address is a topic, optionally with a JSON
/// path into the payload (`plant/line1/bagger/speed` or `plant/line1/bagger#$.speed.value`);
/// a payload without a path is the value itself (`42.5`, `true`).
actor MQTTSource: ControllerSource {
    nonisolated let samples: AsyncStream<ControllerSample>
    private let continuation: AsyncStream<ControllerSample>.Continuation
    private let configuration: MQTTClientConfiguration
    private let decoder: JSONTopicDecoder
    private let topics: [String]
    private let logger: Logger
    private var client: MQTTClient?
    private var running: Task<Void, Never>?
    private var lastError: String?
    private var failedConnects = 0

    /// Reads `addresses` through the broker `mqtt` describes (its client identifier is made here).
    init(mqtt: MQTTClientConfiguration, addresses: [String], logger: Logger) {
        (samples, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1 << 16))
        var configuration = mqtt
        configuration.clientIdentifier = "ms5-\(UUID().uuidString.prefix(8).lowercased())"
        self.configuration = configuration
        var bindings: [JSONTopicBinding] = []
        var topics: Set<String> = []
        for address in Set(addresses) {
            let parts = address.split(separator: "#", maxSplits: 1).map(String.init)
            do {
                bindings.append(try JSONTopicBinding(topicPattern: parts[0], equipment: "", metricKey: address, valuePath: parts.count == 2 ? parts[1] : "$"))
                topics.insert(parts[0])
            } catch {
                logger.warning("An MQTT metric address does not parse; it is not read", metadata: ["address": "\(address)", "error": "\(error)"])
            }
        }
        decoder = JSONTopicDecoder(bindings: bindings)
        self.topics = topics.sorted()
        self.logger = logger
    }

    func start() {
        guard running == nil else { return }
        running = Task { await self.run() }
    }

    func stop() async {
        running?.cancel()
        await running?.value
        running = nil
        await client?.disconnect()
        client = nil
        continuation.finish()
    }

    func health() async -> ControllerHealth {
        guard let client else {
            return ControllerHealth(connected: false, lastError: lastError, readsPerSecond: 0, reconnectAttempts: failedConnects)
        }
        let health = await client.health()
        return ControllerHealth(
            connected: health.connected, lastError: health.lastError ?? lastError, lastRoundTrip: nil,
            readsPerSecond: health.messagesPerSecond, reconnectAttempts: health.reconnectAttempts + failedConnects)
    }

    /// Connects (a first connection that fails is tried again with backoff; after that the
    /// client reconnects by itself), subscribes and decodes messages until stopped.
    private func run() async {
        client = await FirstConnection.establish {
            let candidate = MQTTClient(configuration: configuration, logger: logger)
            do {
                try await candidate.connect()
                try await candidate.subscribe(topics)
                return candidate
            } catch {
                await candidate.disconnect()
                throw error
            }
        } failed: { error in
            failedConnects += 1
            lastError = "\(error)"
        }
        guard let client, !Task.isCancelled else { return }
        for await message in client.messages {
            if Task.isCancelled { break }
            do {
                for sample in try decoder.decode(message) {
                    continuation.yield(ControllerSample(address: sample.metricKey, value: sample.value, timestamp: sample.timestamp, good: sample.quality == .good))
                }
            } catch {
                lastError = "\(error)"
                for binding in decoder.bindings where binding.topicPattern.wildcardValues(in: message.topic) != nil {
                    continuation.yield(ControllerSample(address: binding.metricKey, value: nil, timestamp: message.receivedAt, good: false))
                }
            }
        }
    }
}
