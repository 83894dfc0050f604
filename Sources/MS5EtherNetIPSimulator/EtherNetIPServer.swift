import Logging
import MS5EtherNetIP
import NIOCore
import NIOPosix
import Synchronization

/// A simulated Allen-Bradley controller: an EtherNet/IP server answering CIP tag services from a
/// ``SimulatedTagTable`` and PCCC typed reads/writes from ``SimulatedDataFiles``.
public actor EtherNetIPServer {
    /// Tag memory (set values from Swift with ``SimulatedTagTable/setValue(_:_:)``).
    public nonisolated let tags: SimulatedTagTable
    /// SLC data files.
    public nonisolated let files: SimulatedDataFiles
    /// Identity reported by ListIdentity and Get Attributes All.
    public nonisolated let identity: DeviceIdentity
    private let group: any EventLoopGroup
    private let logger: Logger
    private let programName: String
    private let acceptsConnections: Bool
    private var serverChannel: (any Channel)?
    private let children = ChildChannels()

    /// A Logix-like identity: Rockwell vendor 1, PLC device type 14, revision 20.11.
    public static let defaultIdentity = DeviceIdentity(vendorID: 1, deviceType: 14, productCode: 94, revisionMajor: 20, revisionMinor: 11, status: 0x3160, serialNumber: 0x4D53_3500, productName: "MS5 Simulated 1769-L33ER", state: 3)

    /// Creates a server (not yet listening).
    /// - Parameter acceptsConnections: when false, Forward Open is refused (like controllers out of
    ///   connections), so clients must fall back to unconnected messaging.
    public init(tags: SimulatedTagTable, files: SimulatedDataFiles = SimulatedDataFiles(), identity: DeviceIdentity = EtherNetIPServer.defaultIdentity, programName: String = "MS5_Simulator", acceptsConnections: Bool = true, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger = Logger(label: "ms5.enip.simulator")) {
        self.acceptsConnections = acceptsConnections
        self.tags = tags
        self.files = files
        self.identity = identity
        self.programName = programName
        self.group = group
        self.logger = logger
    }

    /// Starts listening; returns the bound port (pass 0 for a free one).
    @discardableResult
    public func start(host: String = "127.0.0.1", port: Int = 44818) async throws -> Int {
        let processor = CIPRequestProcessor(tags: tags, files: files, identity: identity, programName: programName)
        let children = self.children
        let acceptsConnections = self.acceptsConnections
        let requestedPort = UInt16(clamping: port)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                children.add(channel)
                channel.closeFuture.whenComplete { _ in children.remove(channel) }
                let localPort = UInt16(clamping: channel.localAddress?.port ?? Int(requestedPort))
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers(
                        ByteToMessageHandler(EncapsulationFrameDecoder()),
                        MessageToByteHandler(EncapsulationFrameEncoder()),
                        ServerSessionHandler(processor: processor, listenPort: localPort, acceptsConnections: acceptsConnections))
                }
            }
        let channel = try await bootstrap.bind(host: host, port: port).get()
        serverChannel = channel
        let bound = channel.localAddress?.port ?? port
        logger.info("simulator listening", metadata: ["address": "\(host):\(bound)"])
        return bound
    }

    /// Stops listening and closes every client connection.
    public func stop() async {
        if let serverChannel { try? await serverChannel.close().get() }
        serverChannel = nil
        for channel in children.all() { try? await channel.close().get() }
    }
}

/// The open client connections of a server.
final class ChildChannels: Sendable {
    private let channels = Mutex<[ObjectIdentifier: any Channel]>([:])

    func add(_ channel: any Channel) { channels.withLock { $0[ObjectIdentifier(channel)] = channel } }
    func remove(_ channel: any Channel) { _ = channels.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) } }
    func all() -> [any Channel] { channels.withLock { Array($0.values) } }
}
