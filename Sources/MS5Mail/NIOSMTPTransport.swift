import NIOCore
import NIOPosix
import NIOSSL

/// ``SMTPTransport`` over a SwiftNIO TCP channel, with optional implicit TLS or a later STARTTLS upgrade.
final class NIOSMTPTransport: SMTPTransport {
    private let channel: any Channel
    /// Kept beyond the handler's removal from the pipeline, so that the first failure stays known.
    private let replies: NIOLoopBound<SMTPReplyHandler>
    private let configuration: SMTPConfiguration
    private let sslContext: NIOSSLContext?

    private init(
        channel: any Channel,
        replies: NIOLoopBound<SMTPReplyHandler>,
        configuration: SMTPConfiguration,
        sslContext: NIOSSLContext?
    ) {
        self.channel = channel
        self.replies = replies
        self.configuration = configuration
        self.sslContext = sslContext
    }

    /// Opens a TCP connection to the configured server on NIO's shared event loop group, wrapped in TLS
    /// from the start for ``SMTPConfiguration/Security-swift.enum/tls``.
    static func connect(configuration: SMTPConfiguration) async throws -> NIOSMTPTransport {
        let sslContext = configuration.security == .none ? nil : try makeSSLContext(configuration.trustRoots)
        let implicitTLS = configuration.security == .tls ? sslContext : nil
        let host = configuration.host
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(TimeAmount(configuration.timeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(makeTLSHandler(context: implicitTLS, host: host))
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler())
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: configuration.host, port: configuration.port).get()
        } catch {
            throw SMTPError.connectionFailed(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
        do {
            let replies = try await channel.eventLoop.submit {
                NIOLoopBound(
                    try channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self),
                    eventLoop: channel.eventLoop
                )
            }.get()
            return NIOSMTPTransport(channel: channel, replies: replies, configuration: configuration, sslContext: sslContext)
        } catch {
            try? await channel.close()
            throw SMTPError.connectionClosed
        }
    }

    func readReply() async throws -> SMTPReply {
        try await exchange(nil)
    }

    func send(line: String) async throws -> SMTPReply {
        try await exchange(ByteBuffer(string: line + "\r\n"))
    }

    func send(data: [UInt8]) async throws -> SMTPReply {
        try await exchange(ByteBuffer(bytes: data))
    }

    func startTLS() async throws {
        guard let sslContext else { throw SMTPError.tlsFailed(reason: "TLS is not configured") }
        let host = configuration.host
        do {
            try await channel.eventLoop.submit { [channel, replies] in
                guard !replies.value.hasBufferedInput else {
                    throw SMTPError.tlsFailed(reason: "the server sent data after accepting STARTTLS")
                }
                try channel.pipeline.syncOperations.addHandler(
                    Self.makeTLSHandler(context: sslContext, host: host),
                    position: .first
                )
            }.get()
        } catch {
            throw SMTPError(channelError: error)
        }
    }

    func close() async {
        try? await channel.close()
    }

    /// Writes `bytes` (if any) and waits for the reply, at most ``SMTPConfiguration/timeout``.
    /// On timeout the connection is closed.
    private func exchange(_ bytes: ByteBuffer?) async throws -> SMTPReply {
        let eventLoop = channel.eventLoop
        let reply = eventLoop.makePromise(of: SMTPReply.self)
        let written = eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { [replies] error in
            // A write fails when the channel is already closed; the reason it closed is the better error.
            reply.fail(replies.value.failure ?? SMTPError(channelError: error))
        }
        let timer = eventLoop.scheduleTask(in: TimeAmount(configuration.timeout)) { [channel] in
            reply.fail(SMTPError.timeout)
            channel.close(promise: nil)
        }
        channel.writeAndFlush(SMTPRequest(bytes: bytes, reply: reply), promise: written)
        defer { timer.cancel() }
        do {
            return try await reply.futureResult.get()
        } catch {
            throw SMTPError(channelError: error)
        }
    }

    private static func makeSSLContext(_ trustRoots: SMTPConfiguration.TrustRoots) throws -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        do {
            switch trustRoots {
            case .system:
                tls.trustRoots = .default
            case .pemFile(let path):
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
            }
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw SMTPError.tlsFailed(reason: "cannot set up TLS: \(error)")
        }
    }

    /// A client TLS handler that verifies the certificate against `host`: by name (also sent as SNI),
    /// or by IP address when `host` is an IP literal.
    private static func makeTLSHandler(context: NIOSSLContext, host: String) throws -> NIOSSLClientHandler {
        let isIPAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
        return try NIOSSLClientHandler(context: context, serverHostname: isIPAddress ? nil : host)
    }
}
