import Foundation
import Logging
import MS5Retry
import NIOCore
import NIOPosix

/// An MQTT 3.1.1 / 5 client on SwiftNIO.
///
/// Call ``connect()`` once; the client then keeps the connection alive with PINGREQ and,
/// when it is lost, reconnects with exponential backoff and jitter, re-subscribes (unless the
/// broker kept the session) and resends unacknowledged QoS 1 publishes with DUP set.
/// Received messages arrive on ``messages``; ``disconnect()`` ends the client for good.
public actor MQTTClient {
    /// Every message received on any subscription, in arrival order. Finishes after ``disconnect()``.
    public nonisolated let messages: AsyncStream<MQTTMessage>
    /// The configuration the client was created with.
    public nonisolated let configuration: MQTTClientConfiguration

    private enum Lifecycle {
        case idle
        case running
        case closed
    }

    private let messageContinuation: AsyncStream<MQTTMessage>.Continuation
    private let group: any EventLoopGroup
    private let logger: Logger

    private var lifecycle = Lifecycle.idle
    private var supervisor: Task<Void, Never>?
    private var firstConnection: CheckedContinuation<Void, any Error>?
    private var activeChannel: (any Channel)?

    private var subscriptions: [MQTTSubscription] = []
    private var pendingSubscribes: [UInt16: PendingSubscribe] = [:]
    private var unacknowledged: [UInt16: OutboundPublish] = [:]
    private var unacknowledgedOrder: [UInt16] = []
    private var lastPacketIdentifier: UInt16 = 0

    private var lastError: String?
    private var reconnectAttempts = 0
    private var consecutiveFailures = 0
    private var messagesReceived = 0
    private var rateMeter = MessageRateMeter()
    private var lastInbound = ContinuousClock.now
    private var keepAliveExpired = false

    /// Creates a client; nothing is sent until ``connect()``.
    /// - Parameters:
    ///   - configuration: broker address, session and reconnection settings.
    ///   - eventLoopGroup: the NIO event loops to run the connection on.
    ///   - logger: receives connection lifecycle events.
    public init(
        configuration: MQTTClientConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "ms5.mqtt")
    ) {
        self.configuration = configuration
        self.group = eventLoopGroup
        self.logger = logger
        (messages, messageContinuation) = AsyncStream.makeStream(of: MQTTMessage.self, bufferingPolicy: .unbounded)
    }

    /// Opens the first connection and returns once the broker accepted it.
    ///
    /// Later connection losses are handled in the background by reconnecting. When this first
    /// attempt fails the client is finished; create a new one to try again.
    /// - Throws: ``MQTTClientError/connectionRefused(_:reasonString:)`` when the broker refuses
    ///   (for example bad credentials), ``MQTTClientError/connectionFailed(_:)`` when it cannot be reached.
    public func connect() async throws {
        guard lifecycle == .idle else { throw MQTTClientError.alreadyStarted }
        lifecycle = .running
        try await withCheckedThrowingContinuation { continuation in
            firstConnection = continuation
            supervisor = Task { await self.supervise() }
        }
    }

    /// Subscribes to topic filters and returns once the broker acknowledged them.
    ///
    /// Subscriptions are remembered and renewed after every reconnect that lost the session.
    /// - Throws: ``MQTTClientError/subscriptionRejected(filter:_:)`` for a refused filter,
    ///   ``MQTTClientError/invalidTopic(_:)`` for a malformed one.
    public func subscribe(_ filters: [MQTTSubscription]) async throws {
        for filter in filters {
            do { _ = try MQTTTopicFilter(filter.filter) } catch let error as MQTTTopicFilter.ValidationError {
                throw MQTTClientError.invalidTopic(error)
            }
        }
        try checkRunning()
        let packet = MQTTSubscribePacket(packetIdentifier: nextPacketIdentifier(), subscriptions: filters)
        try await withCheckedThrowingContinuation { continuation in
            pendingSubscribes[packet.packetIdentifier] = PendingSubscribe(packet: packet, waiter: continuation)
            activeChannel?.writeAndFlush(MQTTPacket.subscribe(packet), promise: nil)
        }
    }

    /// Subscribes to topic filters, all at the same QoS.
    public func subscribe(_ filters: [String], qos: MQTTQoS = .atLeastOnce) async throws {
        try await subscribe(filters.map { MQTTSubscription($0, qos: qos) })
    }

    /// Publishes a message.
    ///
    /// QoS 0 returns once written and needs an open connection. QoS 1 returns once the broker
    /// sent PUBACK; while disconnected it is queued and sent (again, with DUP) after reconnecting.
    /// - Throws: ``MQTTClientError/notConnected`` for QoS 0 without a connection,
    ///   ``MQTTClientError/publishRejected(topic:_:)`` when an MQTT 5 broker refuses it.
    public func publish(topic: String, payload: ByteBuffer, qos: MQTTQoS = .atMostOnce, retain: Bool = false)
        async throws
    {
        do { try MQTTTopicFilter.validateTopicName(topic) } catch let error as MQTTTopicFilter.ValidationError {
            throw MQTTClientError.invalidTopic(error)
        }
        try checkRunning()
        switch qos {
        case .atMostOnce:
            guard let channel = activeChannel else { throw MQTTClientError.notConnected }
            let packet = MQTTPublishPacket(topic: topic, payload: payload, retain: retain)
            try await channel.writeAndFlush(MQTTPacket.publish(packet))
        case .atLeastOnce:
            let packet = MQTTPublishPacket(
                topic: topic, payload: payload, qos: .atLeastOnce, retain: retain,
                packetIdentifier: nextPacketIdentifier())
            try await withCheckedThrowingContinuation { continuation in
                let identifier = packet.packetIdentifier ?? 0
                unacknowledged[identifier] = OutboundPublish(
                    packet: packet, transmitted: activeChannel != nil, waiter: continuation)
                unacknowledgedOrder.append(identifier)
                activeChannel?.writeAndFlush(MQTTPacket.publish(packet), promise: nil)
            }
        }
    }

    /// Publishes a UTF-8 string payload.
    public func publish(topic: String, payload: String, qos: MQTTQoS = .atMostOnce, retain: Bool = false)
        async throws
    {
        try await publish(topic: topic, payload: ByteBuffer(string: payload), qos: qos, retain: retain)
    }

    /// Publishes a byte-array payload.
    public func publish(topic: String, payload: [UInt8], qos: MQTTQoS = .atMostOnce, retain: Bool = false)
        async throws
    {
        try await publish(topic: topic, payload: ByteBuffer(bytes: payload), qos: qos, retain: retain)
    }

    /// Sends DISCONNECT (so the broker discards the will), closes the connection, stops reconnecting,
    /// fails pending operations with ``MQTTClientError/clientClosed`` and finishes ``messages``.
    public func disconnect() async {
        let channel = activeChannel
        lifecycle = .closed
        if let channel {
            try? await channel.writeAndFlush(MQTTPacket.disconnect(MQTTDisconnectPacket()))
            try? await channel.close()
        }
        supervisor?.cancel()
        await supervisor?.value
        finishAll(with: .clientClosed)
    }

    /// A snapshot of connection state and message rate.
    public func health() -> MQTTClientHealth {
        MQTTClientHealth(
            connected: activeChannel != nil,
            lastError: lastError,
            reconnectAttempts: reconnectAttempts,
            messagesPerSecond: rateMeter.rate(),
            messagesReceived: messagesReceived,
            unacknowledgedPublishes: unacknowledged.count
        )
    }

    // MARK: - Connection supervision

    private func supervise() async {
        while lifecycle == .running {
            do {
                let channel: NIOAsyncChannel<MQTTPacket, MQTTPacket>
                do {
                    channel = try await MQTTChannelFactory.connect(configuration: configuration, group: group)
                } catch {
                    throw MQTTClientError.connectionFailed(String(describing: error))
                }
                try await runConnection(channel)
                if lifecycle == .running {
                    record(
                        keepAliveExpired
                            ? MQTTClientError.keepAliveTimeout
                            : MQTTClientError.connectionLost("the broker closed the connection"))
                }
            } catch {
                record(error)
                if let first = firstConnection {
                    firstConnection = nil
                    lifecycle = .closed
                    first.resume(throwing: error)
                    finishAll(with: .clientClosed)
                    return
                }
            }
            connectionEnded()
            guard lifecycle == .running else { return }
            consecutiveFailures += 1
            let policy = configuration.reconnectPolicy
            if let maximum = policy.maximumRetries, !policy.retries(afterFailures: consecutiveFailures) {
                lifecycle = .closed
                record(MQTTClientError.reconnectAttemptsExhausted(maximum))
                finishAll(with: .reconnectAttemptsExhausted(maximum))
                return
            }
            reconnectAttempts += 1
            do {
                try await Task.sleep(for: policy.delay(afterFailures: consecutiveFailures))
            } catch {
                return
            }
        }
    }

    private func runConnection(_ asyncChannel: NIOAsyncChannel<MQTTPacket, MQTTPacket>) async throws {
        let channel = asyncChannel.channel
        guard lifecycle == .running else {
            try? await channel.close()
            return
        }
        let started = ContinuousClock.now
        let timeout = configuration.connectTimeout
        let timer = channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            channel.close(promise: nil)
        }
        var accepted = false
        do {
            try await converse(over: asyncChannel, timer: timer, started: started, accepted: &accepted)
        } catch let error as MQTTClientError {
            throw error
        } catch {
            let detail = String(describing: error)
            throw accepted ? MQTTClientError.connectionLost(detail) : MQTTClientError.connectionFailed(detail)
        }
    }

    private func converse(
        over asyncChannel: NIOAsyncChannel<MQTTPacket, MQTTPacket>, timer: Scheduled<Void>,
        started: ContinuousClock.Instant, accepted: inout Bool
    ) async throws {
        let channel = asyncChannel.channel
        let timeout = configuration.connectTimeout
        try await asyncChannel.executeThenClose { inbound, _ in
            channel.writeAndFlush(MQTTPacket.connect(configuration.connectPacket), promise: nil)
            var iterator = inbound.makeAsyncIterator()
            let first = try await iterator.next()
            timer.cancel()
            guard let first else {
                throw ContinuousClock.now - started >= timeout
                    ? MQTTClientError.connectTimeout
                    : MQTTClientError.connectionFailed("the broker closed the connection before CONNACK")
            }
            guard case .connAck(let acknowledgement) = first else {
                throw MQTTClientError.protocolViolation("expected CONNACK, got packet type \(first.typeNumber)")
            }
            guard acknowledgement.reasonCode.isSuccess else {
                throw MQTTClientError.connectionRefused(
                    acknowledgement.reasonCode, reasonString: acknowledgement.properties.reasonString)
            }
            didConnect(acknowledgement, channel: channel)
            accepted = true
            let keepAlive = acknowledgement.properties.serverKeepAlive ?? configuration.keepAlive
            let pinger = keepAlive > 0 ? Task { await self.keepAliveLoop(seconds: keepAlive, channel: channel) } : nil
            defer { pinger?.cancel() }
            while let packet = try await iterator.next() {
                lastInbound = .now
                try handle(packet, channel: channel)
            }
        }
    }

    private func didConnect(_ acknowledgement: MQTTConnAckPacket, channel: any Channel) {
        logger.info(
            "MQTT connected",
            metadata: [
                "broker": "\(configuration.host):\(configuration.port)",
                "sessionPresent": "\(acknowledgement.sessionPresent)",
            ])
        activeChannel = channel
        keepAliveExpired = false
        consecutiveFailures = 0
        lastInbound = .now
        if let first = firstConnection {
            firstConnection = nil
            first.resume()
        }
        for message in configuration.publishOnConnect {
            var packet = MQTTPublishPacket(
                topic: message.topic, payload: message.payload, qos: message.qos, retain: message.retain,
                properties: message.properties)
            if message.qos == .atLeastOnce {
                let identifier = nextPacketIdentifier()
                packet.packetIdentifier = identifier
                unacknowledged[identifier] = OutboundPublish(packet: packet, transmitted: true, waiter: nil)
                unacknowledgedOrder.append(identifier)
            }
            channel.write(MQTTPacket.publish(packet), promise: nil)
        }
        if !acknowledgement.sessionPresent, !subscriptions.isEmpty {
            let packet = MQTTSubscribePacket(packetIdentifier: nextPacketIdentifier(), subscriptions: subscriptions)
            pendingSubscribes[packet.packetIdentifier] = PendingSubscribe(packet: packet, waiter: nil)
        }
        for identifier in pendingSubscribes.keys.sorted() {
            if let pending = pendingSubscribes[identifier] {
                channel.write(MQTTPacket.subscribe(pending.packet), promise: nil)
            }
        }
        for identifier in unacknowledgedOrder {
            guard var outbound = unacknowledged[identifier] else { continue }
            outbound.packet.duplicate = outbound.transmitted
            outbound.transmitted = true
            unacknowledged[identifier] = outbound
            channel.write(MQTTPacket.publish(outbound.packet), promise: nil)
        }
        channel.flush()
    }

    private func connectionEnded() {
        activeChannel = nil
        pendingSubscribes = pendingSubscribes.filter { $0.value.waiter != nil }
        unacknowledged = unacknowledged.filter { $0.value.waiter != nil }
        unacknowledgedOrder.removeAll { unacknowledged[$0] == nil }
    }

    /// Sends PINGREQ every half keep-alive while none is outstanding, and drops the connection
    /// when one stays unanswered (no packet at all came in) for one and a half keep-alives. The
    /// timeout counts from the ping, so a process starved of CPU never drops a connection before
    /// it asked the broker.
    private func keepAliveLoop(seconds: UInt16, channel: any Channel) async {
        let interval = Duration.milliseconds(Int64(seconds) * 500)
        let limit = Duration.milliseconds(Int64(seconds) * 1500)
        var pingSentAt: ContinuousClock.Instant?
        while true {
            do { try await Task.sleep(for: interval) } catch { return }
            guard activeChannel === channel else { return }
            let now = ContinuousClock.now
            if let sent = pingSentAt {
                if lastInbound >= sent {
                    pingSentAt = nil
                } else if now - sent > limit {
                    keepAliveExpired = true
                    channel.close(promise: nil)
                    return
                } else {
                    continue
                }
            }
            channel.writeAndFlush(MQTTPacket.pingReq, promise: nil)
            pingSentAt = now
        }
    }

    // MARK: - Inbound packets

    private func handle(_ packet: MQTTPacket, channel: any Channel) throws {
        switch packet {
        case .publish(let publish):
            messagesReceived += 1
            rateMeter.record()
            messageContinuation.yield(
                MQTTMessage(
                    topic: publish.topic, payload: publish.payload, qos: publish.qos, retain: publish.retain,
                    duplicate: publish.duplicate, properties: publish.properties))
            if publish.qos == .atLeastOnce, let identifier = publish.packetIdentifier {
                channel.writeAndFlush(MQTTPacket.pubAck(MQTTPubAckPacket(packetIdentifier: identifier)), promise: nil)
            }
        case .pubAck(let acknowledgement):
            completePublish(acknowledgement)
        case .subAck(let acknowledgement):
            completeSubscribe(acknowledgement)
        case .pingResp:
            break
        case .disconnect(let disconnect):
            throw MQTTClientError.serverDisconnected(
                disconnect.reasonCode, reasonString: disconnect.properties.reasonString)
        case .connAck, .connect, .subscribe, .pingReq:
            throw MQTTClientError.protocolViolation("unexpected packet type \(packet.typeNumber) from the broker")
        }
    }

    private func completePublish(_ acknowledgement: MQTTPubAckPacket) {
        guard let outbound = unacknowledged.removeValue(forKey: acknowledgement.packetIdentifier) else { return }
        unacknowledgedOrder.removeAll { $0 == acknowledgement.packetIdentifier }
        if acknowledgement.reasonCode.isSuccess {
            outbound.waiter?.resume()
        } else {
            let error = MQTTClientError.publishRejected(topic: outbound.packet.topic, acknowledgement.reasonCode)
            record(error)
            outbound.waiter?.resume(throwing: error)
        }
    }

    private func completeSubscribe(_ acknowledgement: MQTTSubAckPacket) {
        guard let pending = pendingSubscribes.removeValue(forKey: acknowledgement.packetIdentifier) else { return }
        var failure: MQTTClientError?
        for (subscription, code) in zip(pending.packet.subscriptions, acknowledgement.reasonCodes) {
            if code.isSuccess {
                subscriptions.removeAll { $0.filter == subscription.filter }
                subscriptions.append(subscription)
            } else if failure == nil {
                failure = .subscriptionRejected(filter: subscription.filter, code)
            }
        }
        if let failure {
            record(failure)
            pending.waiter?.resume(throwing: failure)
        } else {
            pending.waiter?.resume()
        }
    }

    // MARK: - Helpers

    private func checkRunning() throws {
        switch lifecycle {
        case .running: return
        case .idle: throw MQTTClientError.notConnected
        case .closed: throw MQTTClientError.clientClosed
        }
    }

    private func nextPacketIdentifier() -> UInt16 {
        precondition(unacknowledged.count + pendingSubscribes.count < Int(UInt16.max), "packet identifiers exhausted")
        repeat {
            lastPacketIdentifier = lastPacketIdentifier == UInt16.max ? 1 : lastPacketIdentifier + 1
        } while unacknowledged[lastPacketIdentifier] != nil || pendingSubscribes[lastPacketIdentifier] != nil
        return lastPacketIdentifier
    }

    private func record(_ error: any Error) {
        let text = (error as? MQTTClientError)?.description ?? String(describing: error)
        lastError = text
        logger.warning("MQTT connection problem", metadata: ["error": "\(text)"])
    }

    private func finishAll(with error: MQTTClientError) {
        activeChannel = nil
        firstConnection?.resume(throwing: error)
        firstConnection = nil
        for pending in pendingSubscribes.values { pending.waiter?.resume(throwing: error) }
        pendingSubscribes = [:]
        for outbound in unacknowledged.values { outbound.waiter?.resume(throwing: error) }
        unacknowledged = [:]
        unacknowledgedOrder = []
        messageContinuation.finish()
    }
}
