import MS5Retry
extension ModbusPoller {
    /// Where to poll, what, and how to recover from failures.
    public struct Configuration: Sendable {
        /// Host name or IP address of the Modbus server.
        public var host: String
        /// TCP port, 502 by default.
        public var port: Int
        /// Unit id sent with every request.
        public var unitId: UInt8
        /// The groups to poll, each on its own schedule.
        public var groups: [ModbusPollGroup]
        /// Delays between reconnect attempts: 250 ms doubling up to 30 s, ±20 %, by default.
        public var backoff: Backoff
        /// Time allowed for each response.
        public var requestTimeout: Duration
        /// Time allowed for the TCP handshake.
        public var connectTimeout: Duration
        /// Requests pipelined on the connection; 1 (the default) sends one at a time.
        public var maxRequestsInFlight: Int
        /// Order used by addresses that name none.
        public var defaultOrder: ModbusOrder
        /// How addresses are merged into requests.
        public var planner: ModbusRequestPlanner

        /// Creates a configuration.
        public init(
            host: String,
            port: Int = 502,
            unitId: UInt8 = 1,
            groups: [ModbusPollGroup],
            backoff: Backoff = Backoff(initial: .milliseconds(250), maximum: .seconds(30), jitter: 0.2),
            requestTimeout: Duration = .seconds(2),
            connectTimeout: Duration = .seconds(5),
            maxRequestsInFlight: Int = 1,
            defaultOrder: ModbusOrder = .abcd,
            planner: ModbusRequestPlanner = ModbusRequestPlanner()
        ) {
            self.host = host
            self.port = port
            self.unitId = unitId
            self.groups = groups
            self.backoff = backoff
            self.requestTimeout = requestTimeout
            self.connectTimeout = connectTimeout
            self.maxRequestsInFlight = maxRequestsInFlight
            self.defaultOrder = defaultOrder
            self.planner = planner
        }
    }
}
