import Foundation
import Logging
import NIOCore
import NIOPosix
import SwiftProtobuf

/// A Sparkplug B 3.0 primary host application on top of ``MQTTClient``.
///
/// It announces itself with a retained `spBv1.0/STATE/<hostID>` `{"online":true,…}` (republished
/// after every reconnect) and a will with `online:false`, follows births, data and deaths, resolves
/// metric aliases, tracks `bdSeq` and sequence numbers, and publishes an NCMD
/// `Node Control/Rebirth` when it loses track of an edge node. Results arrive on ``events``.
public actor SparkplugHost {
    /// Metric values, connectivity changes, rebirth requests and decode problems, in order.
    public nonisolated let events: AsyncStream<SparkplugEvent>
    /// The configuration the host was created with.
    public nonisolated let configuration: SparkplugHostConfiguration

    private let eventContinuation: AsyncStream<SparkplugEvent>.Continuation
    private let client: MQTTClient
    private let logger: Logger
    private let statusTimestamp: UInt64
    private var state = SparkplugHostState()
    private var consumer: Task<Void, Never>?
    private var rebirthRequests = 0
    private var invalidMessages = 0
    private var lastError: String?

    /// Creates a host; nothing is sent until ``start()``.
    /// - Throws: when the STATE payload cannot be encoded.
    public init(
        configuration: SparkplugHostConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "ms5.sparkplug")
    ) throws {
        self.configuration = configuration
        self.logger = logger
        let timestamp = UInt64(Date().timeIntervalSince1970 * 1000)
        statusTimestamp = timestamp
        var mqtt = configuration.mqtt
        let offline = try SparkplugHostStatus(online: false, timestamp: timestamp).jsonBytes()
        let online = try SparkplugHostStatus(online: true, timestamp: timestamp).jsonBytes()
        mqtt.will = MQTTWill(
            topic: configuration.stateTopic, payload: ByteBuffer(bytes: offline), qos: .atLeastOnce, retain: true)
        mqtt.publishOnConnect = [
            MQTTWill(topic: configuration.stateTopic, payload: ByteBuffer(bytes: online), qos: .atLeastOnce, retain: true)
        ]
        client = MQTTClient(configuration: mqtt, eventLoopGroup: eventLoopGroup, logger: logger)
        (events, eventContinuation) = AsyncStream.makeStream(of: SparkplugEvent.self, bufferingPolicy: .unbounded)
    }

    /// Connects, publishes the online STATE, subscribes to the configured groups and starts
    /// processing messages.
    /// - Throws: ``MQTTClientError`` when the broker cannot be reached or refuses.
    public func start() async throws {
        try await client.connect()
        consumer = Task { await self.consume() }
        try await client.subscribe(configuration.subscriptionFilters, qos: .atLeastOnce)
    }

    /// Publishes the offline STATE (waiting for its PUBACK at most the connect timeout),
    /// disconnects and finishes ``events``.
    public func stop() async {
        if await client.health().connected,
            let offline = try? SparkplugHostStatus(online: false, timestamp: statusTimestamp).jsonBytes()
        {
            let client = client
            let topic = configuration.stateTopic
            let limit = configuration.mqtt.connectTimeout
            let publishing = Task {
                try? await client.publish(topic: topic, payload: offline, qos: .atLeastOnce, retain: true)
            }
            let watchdog = Task {
                try? await Task.sleep(for: limit)
                // Disconnecting fails the pending publish, so `publishing` ends.
                if !Task.isCancelled { await client.disconnect() }
            }
            await publishing.value
            watchdog.cancel()
        }
        await client.disconnect()
        await consumer?.value
        eventContinuation.finish()
    }

    /// Asks an edge node to publish its NBIRTH and DBIRTHs again.
    public func requestRebirth(groupID: String, edgeNodeID: String) async throws {
        var command = SparkplugBPayload()
        command.timestamp = UInt64(Date().timeIntervalSince1970 * 1000)
        var metric = SparkplugBPayload.Metric()
        metric.name = "Node Control/Rebirth"
        metric.datatype = UInt32(SparkplugBDataType.boolean.rawValue)
        metric.booleanValue = true
        command.metrics = [metric]
        let topic = SparkplugTopic(groupID: groupID, messageType: .nodeCommand, edgeNodeID: edgeNodeID)
        try await client.publish(topic: topic.description, payload: try command.serializedBytes() as [UInt8])
        rebirthRequests += 1
    }

    /// A snapshot of the MQTT connection and the Sparkplug view.
    public func health() async -> SparkplugHostHealth {
        SparkplugHostHealth(
            mqtt: await client.health(), onlineNodes: state.onlineNodeCount, onlineDevices: state.onlineDeviceCount,
            rebirthRequests: rebirthRequests, invalidMessages: invalidMessages, lastError: lastError)
    }

    private func consume() async {
        for await message in client.messages {
            await handle(message)
        }
    }

    private func handle(_ message: MQTTMessage) async {
        guard let topic = SparkplugTopic(message.topic) else { return }
        let payload: SparkplugBPayload
        do {
            payload = try SparkplugBPayload(serializedBytes: message.payloadBytes)
        } catch {
            invalidMessages += 1
            let reason = "not a Sparkplug B payload: \(error)"
            lastError = "\(message.topic): \(reason)"
            eventContinuation.yield(.invalidMessage(topic: message.topic, reason: reason))
            return
        }
        let outcome = state.process(topic: topic, payload: payload, receivedAt: message.receivedAt)
        for event in outcome.events { eventContinuation.yield(event) }
        guard let reason = outcome.rebirth else { return }
        lastError = "\(topic.groupID)/\(topic.edgeNodeID): \(reason)"
        logger.info("requesting rebirth", metadata: ["node": "\(topic.groupID)/\(topic.edgeNodeID)", "reason": "\(reason)"])
        do {
            try await requestRebirth(groupID: topic.groupID, edgeNodeID: topic.edgeNodeID)
            eventContinuation.yield(.rebirthRequested(groupID: topic.groupID, edgeNodeID: topic.edgeNodeID, reason: reason))
        } catch {
            lastError = "rebirth request to \(topic.groupID)/\(topic.edgeNodeID) failed: \(error)"
        }
    }
}
