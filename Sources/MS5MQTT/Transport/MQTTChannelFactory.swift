import NIOCore
import NIOPosix
import NIOSSL

/// Opens TCP (optionally TLS) connections with the MQTT codec installed.
enum MQTTChannelFactory {
    /// Connects to the configured broker and returns an async channel of MQTT packets.
    static func connect(
        configuration: MQTTClientConfiguration,
        group: any EventLoopGroup
    ) async throws -> NIOAsyncChannel<MQTTPacket, MQTTPacket> {
        let sslContext = try configuration.tls.map { try NIOSSLContext(configuration: $0) }
        let serverName = configuration.tlsServerName ?? configuration.host
        let sniName = (try? SocketAddress(ipAddress: serverName, port: 0)) == nil ? serverName : nil
        let decoder = MQTTPacketDecoder(
            version: configuration.protocolVersion, maximumPacketSize: configuration.maximumPacketSize)
        let encoder = MQTTPacketEncoder(version: configuration.protocolVersion)
        let timeoutMilliseconds = configuration.connectTimeout.components.seconds * 1000
            + configuration.connectTimeout.components.attoseconds / 1_000_000_000_000_000
        return try await ClientBootstrap(group: group)
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(.milliseconds(timeoutMilliseconds))
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let sslContext {
                        try pipeline.addHandler(NIOSSLClientHandler(context: sslContext, serverHostname: sniName))
                    }
                    try pipeline.addHandler(ByteToMessageHandler(MQTTFrameDecoder(decoder: decoder)))
                    try pipeline.addHandler(MessageToByteHandler(MQTTFrameEncoder(encoder: encoder)))
                    return try NIOAsyncChannel<MQTTPacket, MQTTPacket>(wrappingChannelSynchronously: channel)
                }
            }
    }
}
