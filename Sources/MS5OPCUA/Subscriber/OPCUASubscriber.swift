import Foundation
import Logging
import MS5Retry
import NIOCore
import NIOPosix

/// Keeps a subscription to a list of nodes alive and streams their values.
///
/// After ``start()`` the subscriber connects, creates one subscription with a monitored item per
/// configured node, reads every node once, and then keeps several Publish requests outstanding,
/// acknowledging each notification message. When the connection breaks (or a Publish times out)
/// it reconnects with exponential backoff and jitter, re-creates session, subscription and
/// monitored items, and reads the current values again so no value stays stale.
public actor OPCUASubscriber {
    /// Settings of the subscriber.
    public typealias Configuration = OPCUASubscriberConfiguration

    /// Values of the monitored nodes, in arrival order. Finishes after ``stop()``.
    public nonisolated let samples: AsyncStream<OPCUASample>
    private let continuation: AsyncStream<OPCUASample>.Continuation
    private let configuration: Configuration
    private let logger: Logger
    private let group: any EventLoopGroup
    private let items: [(text: String, nodeID: NodeID, settings: Configuration.Item)]
    private var runTask: Task<Void, Never>?
    private var client: OPCUAClient?

    private var connected = false
    private var lastError: String?
    private var lastRoundTrip: Duration?
    private var reconnectAttempts = 0
    private var consecutiveFailures = 0
    private var notificationsReceived = 0
    private var keepAlivesReceived = 0
    private var subscriptionsCreated = 0
    private var rate = OPCUARateMeter()
    private var pendingAcknowledgements: [SubscriptionAcknowledgement] = []
    private var lastSequenceNumber: UInt32?
    /// Notification messages that arrived ahead of an earlier one still on its way (several
    /// Publish requests are outstanding, and their answers can resume out of order).
    private var heldBack: [UInt32: PublishResult] = [:]

    /// Creates a subscriber; invalid node ids are logged and skipped. Nothing happens before ``start()``.
    public init(
        configuration: Configuration, logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.configuration = configuration
        self.logger = logger
        self.group = eventLoopGroup
        var parsed: [(String, NodeID, Configuration.Item)] = []
        var invalid: [String] = []
        for item in configuration.items {
            do {
                parsed.append((item.nodeID, try NodeID(parsing: item.nodeID), item))
            } catch {
                invalid.append(error.description)
                logger.error("skipping OPC UA item", metadata: ["error": "\(error)"])
            }
        }
        self.items = parsed
        self.lastError = invalid.first
        (samples, continuation) = AsyncStream.makeStream(of: OPCUASample.self, bufferingPolicy: .bufferingNewest(1 << 16))
    }

    /// Starts connecting and streaming; calling it again while running does nothing.
    public func start() {
        guard runTask == nil else { return }
        runTask = Task { await self.run() }
    }

    /// Stops streaming, closes the session and finishes ``samples``.
    public func stop() async {
        guard let task = runTask else { return }
        runTask = nil
        task.cancel()
        await client?.close()
        await task.value
        connected = false
        continuation.finish()
    }

    /// Current health figures.
    public func snapshot() -> OPCUAHealth {
        OPCUAHealth(
            connected: connected, lastError: lastError, lastRoundTrip: lastRoundTrip,
            notificationsPerSecond: rate.perSecond(), reconnectAttempts: reconnectAttempts,
            notificationsReceived: notificationsReceived, keepAlivesReceived: keepAlivesReceived,
            subscriptionsCreated: subscriptionsCreated
        )
    }

    // MARK: Connection loop

    private func run() async {
        while !Task.isCancelled {
            let client = OPCUAClient(
                configuration: OPCUAClientConfiguration(
                    endpointURL: configuration.endpointURL, credentials: configuration.credentials,
                    requestTimeout: configuration.requestTimeout, secureChannelLifetime: configuration.secureChannelLifetime,
                    sessionName: "MS5 subscriber"
                ),
                logger: logger, eventLoopGroup: group
            )
            self.client = client
            do {
                try await runSession(client)
            } catch {
                if !Task.isCancelled {
                    lastError = "\(error)"
                    logger.warning("OPC UA subscription interrupted", metadata: ["endpoint": "\(configuration.endpointURL)", "error": "\(error)"])
                }
            }
            connected = false
            await client.close()
            self.client = nil
            guard !Task.isCancelled else { break }
            consecutiveFailures += 1
            reconnectAttempts += 1
            let delay = configuration.backoff.delay(afterFailures: consecutiveFailures)
            logger.info("reconnecting to OPC UA server", metadata: ["attempt": "\(reconnectAttempts)", "delay": "\(delay)"])
            try? await Task.sleep(for: delay)
        }
    }

    private func runSession(_ client: OPCUAClient) async throws {
        try await client.connect()
        try Task.checkCancellation()
        let subscription = try await client.createSubscription(SubscriptionParameters(
            publishingInterval: configuration.publishingInterval.seconds * 1000,
            lifetimeCount: max(configuration.maxKeepAliveCount * 3, 30),
            maxKeepAliveCount: configuration.maxKeepAliveCount
        ))
        let requests = items.enumerated().map { index, item in
            MonitoredItemRequest(
                nodeID: item.nodeID, clientHandle: UInt32(index), samplingInterval: item.settings.samplingInterval.seconds * 1000,
                queueSize: item.settings.queueSize, absoluteDeadband: item.settings.absoluteDeadband
            )
        }
        let results = try await client.createMonitoredItems(subscriptionID: subscription.subscriptionID, items: requests)
        for (index, result) in results.enumerated() where result.status.isBad {
            logger.error("monitored item refused", metadata: ["node": "\(items[index].text)", "status": "\(result.status)"])
            continuation.yield(OPCUASample(nodeID: items[index].text, dataValue: DataValue(value: .null, status: result.status)))
        }
        subscriptionsCreated += 1
        pendingAcknowledgements = []
        lastSequenceNumber = nil
        heldBack = [:]
        connected = true
        consecutiveFailures = 0
        logger.info("OPC UA subscription active", metadata: [
            "subscription": "\(subscription.subscriptionID)", "items": "\(requests.count)",
            "publishingIntervalMs": "\(subscription.publishingInterval)",
        ])

        let clock = ContinuousClock()
        let start = clock.now
        let values = try await client.read(items.map(\.nodeID))
        lastRoundTrip = clock.now - start
        for (item, value) in zip(items, values) {
            continuation.yield(OPCUASample(nodeID: item.text, dataValue: value))
        }

        let keepAlivePeriod = Duration.milliseconds(Int64(subscription.publishingInterval * Double(subscription.maxKeepAliveCount)))
        let timeout = configuration.requestTimeout + keepAlivePeriod
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<configuration.outstandingPublishRequests {
                group.addTask { try await self.publishLoop(client, timeout: timeout) }
            }
            do {
                try await group.next()
            } catch {
                await client.close()
                group.cancelAll()
                throw error
            }
        }
    }

    private func publishLoop(_ client: OPCUAClient, timeout: Duration) async throws {
        while !Task.isCancelled {
            let acknowledgements = pendingAcknowledgements
            pendingAcknowledgements = []
            let result: PublishResult
            do {
                result = try await client.publish(acknowledging: acknowledgements, timeout: timeout)
            } catch let OPCUAError.status(code, _) where code.rawValue == 0x8078_0000 {
                // BadTooManyPublishRequests: the server queues fewer requests than we keep outstanding.
                pendingAcknowledgements += acknowledgements
                try await Task.sleep(for: configuration.publishingInterval)
                continue
            }
            try handle(result)
        }
    }

    private func handle(_ result: PublishResult) throws {
        if let status = result.subscriptionStatus, status.isBad {
            throw OPCUAError.status(status, operation: "Subscription \(result.subscriptionID)")
        }
        guard !result.isKeepAlive else {
            keepAlivesReceived += 1
            return
        }
        pendingAcknowledgements.append(SubscriptionAcknowledgement(subscriptionID: result.subscriptionID, sequenceNumber: result.sequenceNumber))
        if let last = lastSequenceNumber, result.sequenceNumber <= last {
            deliver(result)
            return
        }
        heldBack[result.sequenceNumber] = result
        deliverInOrder()
    }

    /// Delivers held-back messages in sequence order: the next expected one whenever it is there,
    /// and past a gap only once as many messages wait as requests are outstanding (the gap is
    /// then real: those messages were lost).
    private func deliverInOrder() {
        while true {
            if let last = lastSequenceNumber, let next = heldBack.removeValue(forKey: last &+ 1) {
                deliver(next)
            } else if lastSequenceNumber == nil || heldBack.count >= configuration.outstandingPublishRequests,
                      let lowest = heldBack.keys.min(), let next = heldBack.removeValue(forKey: lowest) {
                if let last = lastSequenceNumber {
                    logger.warning("OPC UA notification messages missing", metadata: ["expected": "\(last &+ 1)", "received": "\(lowest)"])
                }
                deliver(next)
            } else {
                return
            }
        }
    }

    private func deliver(_ result: PublishResult) {
        if lastSequenceNumber.map({ result.sequenceNumber > $0 }) ?? true {
            lastSequenceNumber = result.sequenceNumber
        }
        for notification in result.notifications where Int(notification.clientHandle) < items.count {
            continuation.yield(OPCUASample(nodeID: items[Int(notification.clientHandle)].text, dataValue: notification.value))
        }
        notificationsReceived += result.notifications.count
        rate.record(result.notifications.count)
    }
}
