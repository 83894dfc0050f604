import MS5Retry
/// Settings of an ``OPCUASubscriber``.
public struct OPCUASubscriberConfiguration: Sendable {
    /// One monitored node.
    public struct Item: Sendable, Hashable {
        /// Node id text, e.g. `ns=2;s=Line1.Counter`; samples carry this text unchanged.
        public var nodeID: String
        /// Sampling interval requested from the server.
        public var samplingInterval: Duration
        /// Absolute deadband; `nil` reports every change.
        public var absoluteDeadband: Double?
        /// Server-side queue size for the item.
        public var queueSize: UInt32

        /// Creates an item.
        public init(nodeID: String, samplingInterval: Duration, absoluteDeadband: Double? = nil, queueSize: UInt32 = 10) {
            self.nodeID = nodeID
            self.samplingInterval = samplingInterval
            self.absoluteDeadband = absoluteDeadband
            self.queueSize = queueSize
        }

        /// Items sharing one sampling period, which is clamped to 100 ms ... 60 s.
        public static func group(period: Duration, nodeIDs: [String], absoluteDeadband: Double? = nil) -> [Item] {
            let clamped = min(max(period, .milliseconds(100)), .seconds(60))
            return nodeIDs.map { Item(nodeID: $0, samplingInterval: clamped, absoluteDeadband: absoluteDeadband) }
        }
    }

    /// Server endpoint, `opc.tcp://host:port/path`.
    public var endpointURL: String
    /// User identity.
    public var credentials: OPCUACredentials
    /// Nodes to monitor.
    public var items: [Item]
    /// Publishing interval of the subscription.
    public var publishingInterval: Duration
    /// Keep-alive count: the server sends a keep-alive after this many empty publishing intervals.
    public var maxKeepAliveCount: UInt32
    /// Reconnection delays: 200 ms doubling up to 30 s, ±20 %, by default.
    public var backoff: Backoff
    /// Timeout of each request (Publish waits this much longer than the keep-alive period).
    public var requestTimeout: Duration
    /// Requested secure channel token lifetime.
    public var secureChannelLifetime: Duration
    /// Publish requests kept outstanding, so notifications flow while a response is processed.
    public var outstandingPublishRequests: Int

    /// Creates a configuration.
    public init(
        endpointURL: String, credentials: OPCUACredentials = .anonymous, items: [Item],
        publishingInterval: Duration = .milliseconds(100), maxKeepAliveCount: UInt32 = 10,
        backoff: Backoff = Backoff(initial: .milliseconds(200), maximum: .seconds(30), jitter: 0.2), requestTimeout: Duration = .seconds(5),
        secureChannelLifetime: Duration = .seconds(3600), outstandingPublishRequests: Int = 3
    ) {
        self.endpointURL = endpointURL
        self.credentials = credentials
        self.items = items
        self.publishingInterval = publishingInterval
        self.maxKeepAliveCount = maxKeepAliveCount
        self.backoff = backoff
        self.requestTimeout = requestTimeout
        self.secureChannelLifetime = secureChannelLifetime
        self.outstandingPublishRequests = max(1, outstandingPublishRequests)
    }
}
