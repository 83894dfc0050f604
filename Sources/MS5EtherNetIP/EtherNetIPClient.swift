import Logging
import NIOCore
import NIOPosix

/// An async EtherNet/IP client for Logix (CIP tag services) and SLC/MicroLogix (PCCC) controllers.
///
/// Every method throws ``EtherNetIPError``. Batched reads and writes report per-tag failures in their results
/// and throw only when the connection itself fails.
public actor EtherNetIPClient {
    /// Client settings.
    public struct Options: Sendable {
        /// Time allowed for each reply.
        public var requestTimeout: Duration
        /// Time allowed for the TCP connection.
        public var connectTimeout: Duration
        /// Session and connection settings (the slot is set by ``EtherNetIPClient/connect(host:port:slot:)``).
        public var session: SessionStateMachine.Configuration

        /// Creates options.
        public init(requestTimeout: Duration = .seconds(5), connectTimeout: Duration = .seconds(5), session: SessionStateMachine.Configuration = .init()) {
            self.requestTimeout = requestTimeout
            self.connectTimeout = connectTimeout
            self.session = session
        }
    }

    /// The options in force.
    public let options: Options
    /// The event loop carrying the connection; the actor runs on it too, so replies need no thread hop.
    let eventLoop: any EventLoop
    let logger: Logger
    var channel: (any Channel)?
    var machine: SessionStateMachine
    var typeCache: [String: CIPDataType] = [:]
    var readPlans: [String: ReadPlan] = [:]
    var lastReadBatch: ReadBatch?
    var pcccTransaction: UInt16 = 1

    /// Creates a disconnected client.
    public init(options: Options = Options(), group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger = Logger(label: "ms5.enip.client")) {
        self.options = options
        self.eventLoop = group.next()
        self.logger = logger
        self.machine = SessionStateMachine(configuration: options.session)
    }

    /// Runs the actor on its connection's event loop.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { eventLoop.executor.asUnownedSerialExecutor() }

    /// Whether a session is open.
    public var isConnected: Bool { channel != nil && machine.isReady }

    /// How requests are carried (connected with its size, or unconnected), once connected.
    public var messagingMode: SessionStateMachine.Mode? {
        if case .ready(let mode) = machine.state { return mode }
        return nil
    }

    /// Largest CIP message the session carries.
    public var maximumMessageSize: Int { machine.maximumMessageSize }

    /// Opens TCP, registers a session and opens a class 3 connection (large, then standard, else unconnected).
    /// - Parameters:
    ///   - slot: backplane slot of a Logix controller; nil to address the target directly (SLC 5/05, MicroLogix, simulators).
    public func connect(host: String, port: Int = 44818, slot: UInt8? = 0) async throws {
        await dropChannel()
        var configuration = options.session
        configuration.slot = slot
        machine = SessionStateMachine(configuration: configuration, seed: UInt32.random(in: 1...UInt32.max))
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(.nanoseconds(Int64(options.connectTimeout.components.seconds) * 1_000_000_000 + options.connectTimeout.components.attoseconds / 1_000_000_000))
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers(
                        ByteToMessageHandler(EncapsulationFrameDecoder()),
                        MessageToByteHandler(EncapsulationFrameEncoder()),
                        ClientChannelHandler())
                }
            }
        do {
            channel = try await bootstrap.connect(host: host, port: port).get()
        } catch {
            throw EtherNetIPError.connectionClosed("cannot connect to \(host):\(port): \(error)")
        }
        do {
            var step = machine.start()
            while case .send(let packet, let key) = step {
                let reply = try await exchange(packet, key: key)
                step = try machine.handshake(reply: reply)
            }
            logger.debug("session ready", metadata: ["host": "\(host):\(port)", "mode": "\(machine.state)"])
        } catch {
            await dropChannel()
            throw error
        }
    }

    /// Closes the connection (Forward Close, UnRegisterSession, TCP close). Never throws.
    public func close() async {
        guard let channel else { return }
        let (forwardClose, unregister) = machine.close()
        if let (packet, key) = forwardClose {
            _ = try? await exchange(packet, key: key, timeout: .seconds(1))
        }
        try? await channel.writeAndFlush(OutboundExchange(packet: unregister, key: nil, promise: nil, timeout: .seconds(1))).get()
        await dropChannel()
    }

    func dropChannel() async {
        guard let channel else { return }
        self.channel = nil
        try? await channel.close().get()
    }

    /// Sends one packet and awaits the reply with the same correlation key.
    func exchange(_ packet: EncapsulationPacket, key: SessionStateMachine.CorrelationKey, timeout: Duration? = nil) async throws -> EncapsulationPacket {
        guard let channel else { throw EtherNetIPError.notConnected }
        let limit = timeout ?? options.requestTimeout
        let promise = channel.eventLoop.makePromise(of: EncapsulationPacket.self)
        let exchange = OutboundExchange(packet: packet, key: key, promise: promise, timeout: .nanoseconds(Int64(limit.components.seconds) * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000))
        channel.writeAndFlush(exchange).whenFailure { error in
            promise.fail(error as? EtherNetIPError ?? .connectionClosed("\(error)"))
        }
        do {
            return try await promise.futureResult.get()
        } catch let error as EtherNetIPError {
            if case .timeout = error {} else { await dropChannel() }
            throw error
        } catch {
            await dropChannel()
            throw EtherNetIPError.connectionClosed("\(error)")
        }
    }

    /// Sends one CIP request over the session (connected or unconnected) and returns its response.
    public func send(_ request: CIPRequest) async throws -> CIPResponse {
        try await send(encoded: request.encoded())
    }

    /// Sends one encoded CIP request and returns its response.
    func send(encoded message: [UInt8]) async throws -> CIPResponse {
        let (packet, key) = try machine.wrap(encoded: message)
        let reply = try await exchange(packet, key: key)
        return try machine.unwrap(reply)
    }

    /// Identity by ListIdentity (encapsulation command 0x63).
    public func listIdentity() async throws -> DeviceIdentity {
        let (packet, key) = machine.commandPacket(.listIdentity)
        let reply = try await exchange(packet, key: key)
        guard reply.status == 0 else { throw EtherNetIPError.encapsulation(status: reply.status) }
        return try DeviceIdentity.decodeListIdentity(reply.data)
    }

    /// Identity by Get Attributes All on the Identity object of the controller.
    public func identify() async throws -> DeviceIdentity {
        let response = try await send(CIPRequest(service: CIPService.getAttributesAll, path: .identity))
        try response.check()
        return try DeviceIdentity.decodeAttributes(response.data)
    }

    /// Sends requests packed into as few Multiple Service Packets as fit, all batches in flight at once.
    /// - Parameter replySizes: estimated size of each embedded reply, to keep replies within the connection size.
    /// - Returns: one result per request, in order; a failed batch fails each of its requests.
    public func sendBatched(_ requests: [CIPRequest], replySizes: [Int]) async throws -> [Result<CIPResponse, EtherNetIPError>] {
        try await sendBatched(encoded: requests.map { $0.encoded() }, replySizes: replySizes).map { $0.map { $0.response() } }
    }

    /// Sends encoded requests packed into Multiple Service Packets; replies are viewed in place.
    func sendBatched(encoded: [[UInt8]], replySizes: [Int]) async throws -> [Result<CIPReplyView, EtherNetIPError>] {
        let groups = RequestBatcher.batches(requestSizes: encoded.map { $0.count }, replySizes: replySizes, limit: maximumMessageSize)
        var results = [Result<CIPReplyView, EtherNetIPError>](repeating: .failure(.notConnected), count: encoded.count)
        if groups.count == 1, let group = groups.first {
            for (index, result) in try await sendGroup(group, encoded: encoded) { results[index] = result }
            return results
        }
        try await withThrowingTaskGroup(of: [(Int, Result<CIPReplyView, EtherNetIPError>)].self) { tasks in
            for group in groups {
                tasks.addTask { try await self.sendGroup(group, encoded: encoded) }
            }
            for try await answered in tasks {
                for (index, result) in answered { results[index] = result }
            }
        }
        return results
    }

    private func sendGroup(_ group: [Int], encoded: [[UInt8]]) async throws -> [(Int, Result<CIPReplyView, EtherNetIPError>)] {
        if group.count == 1 {
            return [(group[0], .success(CIPReplyView(try await send(encoded: encoded[group[0]]))))]
        }
        let reply = try await send(MultipleServicePacket.request(group.map { encoded[$0] }))
        if reply.generalStatus == 0x11 || reply.generalStatus == 0x1A || reply.generalStatus == 0x1B {
            let half = group.count / 2
            let first = try await sendGroup(Array(group[..<half]), encoded: encoded)
            return first + (try await sendGroup(Array(group[half...]), encoded: encoded))
        }
        do throws(EtherNetIPError) {
            let replies = try CIPReplyView.items(ofMultipleServiceReply: reply)
            guard replies.count == group.count else { throw .malformed("\(replies.count) replies for \(group.count) requests") }
            return zip(group, replies).map { ($0, .success($1)) }
        } catch {
            return group.map { ($0, .failure(error)) }
        }
    }

    /// Lists controller-scope tags from the Symbol object (Get Instance Attribute List).
    public func listTags() async throws -> [SymbolInfo] {
        var symbols: [SymbolInfo] = []
        var start: UInt32 = 0
        while true {
            let response = try await send(SymbolListing.request(startingAt: start))
            try response.check()
            let page = try SymbolListing.decode(response.data)
            symbols += page
            guard response.isPartial, let last = page.last else { return symbols }
            start = last.instance + 1
        }
    }
}
