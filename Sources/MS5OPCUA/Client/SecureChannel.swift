import Foundation
import Logging
import NIOCore
import NIOPosix

/// One UA TCP connection with an open secure channel (SecurityPolicy None).
///
/// Performs Hello/Acknowledge and OpenSecureChannel, renews the security token at 75 % of its
/// lifetime, and turns service requests into request/response round trips.
actor SecureChannel {
    private let channel: any Channel
    private let endpointURL: String
    private let requestTimeout: Duration
    private let logger: Logger
    private var requestHandle: UInt32 = 0
    private var renewalTask: Task<Void, Never>?
    /// Token lifetime requested from the server.
    private let requestedLifetime: UInt32
    /// Authentication token of the session using this channel (null before CreateSession).
    private var authenticationToken = NodeID.null
    /// Current security token id.
    private(set) var tokenID: UInt32 = 0
    /// Number of successful token renewals.
    private(set) var renewals = 0

    private init(channel: any Channel, endpointURL: String, requestTimeout: Duration, requestedLifetime: UInt32, logger: Logger) {
        self.channel = channel
        self.endpointURL = endpointURL
        self.requestTimeout = requestTimeout
        self.requestedLifetime = requestedLifetime
        self.logger = logger
    }

    /// Connects, exchanges Hello/Acknowledge and opens the secure channel.
    static func open(
        endpointURL: String, requestedLifetime: Duration, requestTimeout: Duration,
        group: any EventLoopGroup, logger: Logger
    ) async throws -> SecureChannel {
        let address = try EndpointAddress(url: endpointURL)
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(requestTimeout.timeAmount)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(UAFrameDecoder(maximumChunkSize: 1 << 24)))
                    try channel.pipeline.syncOperations.addHandler(SecureChannelHandler())
                }
            }
            .connect(host: address.host, port: address.port).get()
        let lifetime = UInt32(clamping: requestedLifetime.components.seconds * 1000 + requestedLifetime.components.attoseconds / 1_000_000_000_000_000)
        let secureChannel = SecureChannel(
            channel: channel, endpointURL: endpointURL, requestTimeout: requestTimeout,
            requestedLifetime: lifetime, logger: logger
        )
        do {
            try await secureChannel.handshake()
        } catch {
            try? await channel.close()
            throw error
        }
        return secureChannel
    }

    private func handshake() async throws {
        let ackPromise = channel.eventLoop.makePromise(of: AcknowledgeMessage.self)
        let guardTimer = channel.eventLoop.scheduleTask(in: requestTimeout.timeAmount) { [channel] in
            channel.close(promise: nil)
        }
        Self.failOnWriteError(channel.writeAndFlush(UAOutbound.hello(HelloMessage(endpointURL: endpointURL), ackPromise)), ackPromise)
        let ack = try await ackPromise.futureResult.get()
        guardTimer.cancel()
        logger.debug("UA TCP acknowledged", metadata: ["receiveBufferSize": "\(ack.receiveBufferSize)"])
        try await openToken(renew: false)
    }

    private func openToken(renew: Bool) async throws {
        let request = OpenSecureChannelRequest(renew: renew, requestedLifetime: requestedLifetime)
        let response = try await call(request, messageType: .open)
        try await channel.writeAndFlush(UAOutbound.activateToken(channelID: response.channelID, tokenID: response.tokenID))
        tokenID = response.tokenID
        if renew { renewals += 1 }
        logger.debug("secure channel token active", metadata: [
            "channel": "\(response.channelID)", "token": "\(response.tokenID)", "lifetimeMs": "\(response.revisedLifetime)",
        ])
        scheduleRenewal(afterMilliseconds: UInt64(response.revisedLifetime) * 3 / 4)
    }

    private func scheduleRenewal(afterMilliseconds delay: UInt64) {
        renewalTask?.cancel()
        renewalTask = Task { [weak self] in
            try? await Task.sleep(for: .milliseconds(max(delay, 100)))
            guard !Task.isCancelled, let self else { return }
            do {
                try await self.openToken(renew: true)
            } catch {
                await self.renewalFailed(error)
            }
        }
    }

    private func renewalFailed(_ error: any Error) {
        logger.warning("secure channel renewal failed", metadata: ["error": "\(error)"])
        channel.close(promise: nil)
    }

    /// Sets the session authentication token sent in every following request header.
    func setAuthenticationToken(_ token: NodeID) {
        authenticationToken = token
    }

    /// True while the TCP connection is open.
    var isActive: Bool { channel.isActive }

    /// Completes when the TCP connection closes.
    nonisolated var closeFuture: EventLoopFuture<Void> { channel.closeFuture }

    /// Sends `request` and returns its response, throwing ``OPCUAError/status(_:operation:)`` for a bad service result.
    func call<Request: UARequest>(
        _ request: Request, timeout: Duration? = nil, messageType: UAMessageType = .message
    ) async throws -> Request.Response {
        let timeout = timeout ?? requestTimeout
        requestHandle = requestHandle == UInt32.max ? 1 : requestHandle + 1
        let handle = requestHandle
        var writer = UABinaryWriter(buffer: channel.allocator.buffer(capacity: 256))
        writer.write(NodeID(numeric: Request.encodingID))
        writer.write(RequestHeader(
            authenticationToken: authenticationToken, timestamp: Date(), requestHandle: handle,
            timeoutHint: UInt32(clamping: timeout.components.seconds * 1000)
        ))
        request.encodeParameters(to: &writer)
        let promise = channel.eventLoop.makePromise(of: ByteBuffer.self)
        Self.failOnWriteError(
            channel.writeAndFlush(UAOutbound.request(type: messageType, body: writer.buffer, timeout: timeout.timeAmount, promise: promise)),
            promise
        )
        let body: ByteBuffer
        do {
            body = try await promise.futureResult.get()
        } catch OPCUAError.timeout {
            throw OPCUAError.timeout(operation: Request.serviceName)
        }
        return try Self.decode(Request.self, from: body, requestHandle: handle)
    }

    /// Fails `response` when `write` fails.
    ///
    /// A write issued as the connection closes never reaches ``SecureChannelHandler``: the pipeline
    /// drops it with its response promise, whose awaiting task would then wait forever, since no
    /// timeout was ever scheduled for it. Failing an already completed promise does nothing.
    private static func failOnWriteError<Value>(_ write: EventLoopFuture<Void>, _ response: EventLoopPromise<Value>) {
        write.whenFailure { error in
            response.fail((error as? OPCUAError) ?? .connectionClosed)
        }
    }

    private static func decode<Request: UARequest>(
        _: Request.Type, from body: ByteBuffer, requestHandle: UInt32
    ) throws -> Request.Response {
        var reader = UABinaryReader(buffer: body)
        do {
            let typeID = try reader.read(NodeID.self)
            if typeID == NodeID(numeric: serviceFaultEncodingID) {
                let header = try reader.read(ResponseHeader.self)
                throw OPCUAError.status(header.serviceResult, operation: Request.serviceName)
            }
            guard typeID == NodeID(numeric: Request.Response.encodingID) else {
                throw UADecodingError.unexpectedType(expected: Request.Response.encodingID, actual: typeID.description)
            }
            let header = try reader.read(ResponseHeader.self)
            guard header.requestHandle == requestHandle else {
                throw OPCUAError.protocolViolation("\(Request.serviceName) response has request handle \(header.requestHandle), expected \(requestHandle)")
            }
            if header.serviceResult.isBad {
                throw OPCUAError.status(header.serviceResult, operation: Request.serviceName)
            }
            return try Request.Response(parameters: &reader)
        } catch let error as UADecodingError {
            throw OPCUAError.decoding(error)
        }
    }

    /// Sends CloseSecureChannel and closes the connection.
    func close() async {
        renewalTask?.cancel()
        renewalTask = nil
        guard channel.isActive else { return }
        requestHandle &+= 1
        var writer = UABinaryWriter(buffer: channel.allocator.buffer(capacity: 64))
        writer.write(NodeID(numeric: CloseSecureChannelRequest.encodingID))
        writer.write(RequestHeader(authenticationToken: authenticationToken, timestamp: Date(), requestHandle: requestHandle, timeoutHint: 0))
        try? await channel.writeAndFlush(UAOutbound.request(type: .close, body: writer.buffer, timeout: .seconds(1), promise: nil))
        try? await channel.close()
    }
}

extension Duration {
    /// The duration as a NIO `TimeAmount`.
    var timeAmount: TimeAmount {
        .nanoseconds(components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000)
    }
}
