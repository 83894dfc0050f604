import MS5MQTT
import NIOCore
import NIOPosix
import Synchronization

/// A tiny in-process MQTT 3.1.1 server that withholds PUBACK on the first connection and closes it,
/// then acknowledges on later connections: it makes QoS 1 redelivery with DUP observable. It can
/// also ignore PINGREQ, to make the client's keep-alive timeout observable.
final class ScriptedBroker: Sendable {
    /// One PUBLISH as the server saw it.
    struct ReceivedPublish: Sendable, Equatable {
        let connection: Int
        let duplicate: Bool
        let packetIdentifier: UInt16
        let payload: String
    }

    /// Connection count and publishes seen, shared with the per-connection handlers.
    final class Record: Sendable {
        let state = Mutex<(connections: Int, publishes: [ReceivedPublish], pings: Int)>((0, [], 0))
    }

    let port: Int
    let record: Record
    private let channel: any Channel

    private init(port: Int, record: Record, channel: any Channel) {
        self.port = port
        self.record = record
        self.channel = channel
    }

    /// The publishes received so far, in order.
    var publishes: [ReceivedPublish] { record.state.withLock { $0.publishes } }

    /// Connections accepted and PINGREQs received so far.
    var counts: (connections: Int, pings: Int) { record.state.withLock { ($0.connections, $0.pings) } }

    /// Listens on a free loopback port; with `answersPings` false PINGREQ gets no PINGRESP.
    static func start(answersPings: Bool = true) async throws -> ScriptedBroker {
        let record = Record()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    let number = record.state.withLock { state in
                        state.connections += 1
                        return state.connections
                    }
                    try child.pipeline.syncOperations.addHandler(
                        ScriptedConnectionHandler(connection: number, record: record, answersPings: answersPings))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return ScriptedBroker(port: channel.localAddress?.port ?? 0, record: record, channel: channel)
    }

    /// Stops listening.
    func close() async throws {
        try await channel.close()
    }
}

/// Answers CONNECT and PINGREQ; records PUBLISH and acknowledges it except on the first connection,
/// which it closes instead.
final class ScriptedConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let connection: Int
    private let record: ScriptedBroker.Record
    private let answersPings: Bool
    private var pending = ByteBuffer()

    init(connection: Int, record: ScriptedBroker.Record, answersPings: Bool) {
        self.connection = connection
        self.record = record
        self.answersPings = answersPings
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        pending.writeBuffer(&incoming)
        while true {
            var cursor = pending
            guard let header = cursor.readInteger(as: UInt8.self),
                let length = try? MQTTVariableByteInteger.read(from: &cursor),
                var body = cursor.readSlice(length: length)
            else { return }
            pending = cursor
            handle(type: header >> 4, flags: header & 0x0F, body: &body, context: context)
        }
    }

    private func handle(type: UInt8, flags: UInt8, body: inout ByteBuffer, context: ChannelHandlerContext) {
        switch type {
        case 1:
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: [0x20, 0x02, 0x00, 0x00])), promise: nil)
        case 3:
            guard let topicLength = body.readInteger(as: UInt16.self), body.readString(length: Int(topicLength)) != nil,
                let identifier = body.readInteger(as: UInt16.self)
            else { return }
            let publish = ScriptedBroker.ReceivedPublish(
                connection: connection, duplicate: flags & 0x08 != 0, packetIdentifier: identifier,
                payload: body.readString(length: body.readableBytes) ?? "")
            record.state.withLock { $0.publishes.append(publish) }
            if connection == 1 {
                context.close(promise: nil)
            } else {
                let acknowledgement = ByteBuffer(bytes: [0x40, 0x02, UInt8(identifier >> 8), UInt8(identifier & 0xFF)])
                context.writeAndFlush(wrapOutboundOut(acknowledgement), promise: nil)
            }
        case 12:
            record.state.withLock { $0.pings += 1 }
            if answersPings {
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: [0xD0, 0x00])), promise: nil)
            }
        default:
            break
        }
    }
}
