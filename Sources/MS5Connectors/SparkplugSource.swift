import Foundation
import Logging
import MS5MQTT

/// Sparkplug B metrics from an MQTT broker, as MS5's primary host application: each metric
/// address is `GROUP/EDGE_NODE[/DEVICE]:METRIC`. A death of the node or device marks its metrics
/// bad until the next birth, and the connection counts as connected only while every bound node
/// and device is online.
actor SparkplugSource: ControllerSource {
    nonisolated let samples: AsyncStream<ControllerSample>
    private let continuation: AsyncStream<ControllerSample>.Continuation
    private let configuration: SparkplugHostConfiguration
    private let addresses: Set<String>
    /// The node or device (`GROUP/NODE[/DEVICE]`) of each bound address.
    private let sources: [String: String]
    private let logger: Logger
    private var host: SparkplugHost?
    private var online: Set<String> = []
    private var running: Task<Void, Never>?
    private var lastError: String?
    private var failedStarts = 0

    /// Reads `addresses` as the Sparkplug host application `hostID` through the broker `mqtt`
    /// describes (its client identifier is made from the host id).
    init(mqtt: MQTTClientConfiguration, hostID: String, addresses: [String], logger: Logger) {
        (samples, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1 << 16))
        var sources: [String: String] = [:]
        for address in addresses {
            guard let colon = address.firstIndex(of: ":") else { continue }
            sources[address] = String(address[..<colon])
        }
        self.addresses = Set(sources.keys)
        self.sources = sources
        let groups = Set(sources.values.compactMap { $0.split(separator: "/").first.map(String.init) }).sorted()
        var mqtt = mqtt
        mqtt.clientIdentifier = "\(hostID)-\(UUID().uuidString.prefix(6).lowercased())"
        configuration = SparkplugHostConfiguration(hostID: hostID, groupIDs: groups, mqtt: mqtt)
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
        await host?.stop()
        host = nil
        continuation.finish()
    }

    func health() async -> ControllerHealth {
        guard let host else {
            return ControllerHealth(connected: false, lastError: lastError, readsPerSecond: 0, reconnectAttempts: failedStarts)
        }
        let health = await host.health()
        let everyoneOnline = Set(sources.values).isSubset(of: online)
        return ControllerHealth(
            connected: health.mqtt.connected && everyoneOnline,
            lastError: everyoneOnline ? health.lastError ?? lastError : "waiting for the birth of \(Set(sources.values).subtracting(online).sorted().joined(separator: ", "))",
            lastRoundTrip: nil, readsPerSecond: health.mqtt.messagesPerSecond, reconnectAttempts: health.mqtt.reconnectAttempts + failedStarts)
    }

    private func run() async {
        host = await FirstConnection.establish {
            let candidate = try SparkplugHost(configuration: configuration, logger: logger)
            do {
                try await candidate.start()
                return candidate
            } catch {
                await candidate.stop()
                throw error
            }
        } failed: { error in
            failedStarts += 1
            lastError = "\(error)"
        }
        guard let host, !Task.isCancelled else { return }
        for await event in host.events {
            if Task.isCancelled { break }
            handle(event)
        }
    }

    private func handle(_ event: SparkplugEvent) {
        switch event {
        case .metric(let update):
            let source = [update.groupID, update.edgeNodeID, update.deviceID].compactMap { $0 }.joined(separator: "/")
            online.insert(source)
            let address = "\(source):\(update.name)"
            guard addresses.contains(address) else { return }
            let value = update.value.doubleValue
            continuation.yield(ControllerSample(address: address, value: value, timestamp: update.timestamp, good: value != nil))
        case .connectivity(let change):
            let source = [change.groupID, change.edgeNodeID, change.deviceID].compactMap { $0 }.joined(separator: "/")
            if change.online {
                online.insert(source)
                return
            }
            // A node's death takes its devices with it.
            online = online.filter { $0 != source && !$0.hasPrefix(source + "/") }
            for (address, owner) in sources where owner == source || owner.hasPrefix(source + "/") {
                continuation.yield(ControllerSample(address: address, value: nil, timestamp: change.timestamp, good: false))
            }
        case .rebirthRequested(let group, let node, let reason):
            logger.notice("Asked a Sparkplug edge node to rebirth", metadata: ["node": "\(group)/\(node)", "reason": "\(reason)"])
        case .invalidMessage(let topic, let reason):
            lastError = "\(topic): \(reason)"
        }
    }
}
