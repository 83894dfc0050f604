/// The pure (I/O-free) EtherNet/IP session logic: what to send to open a session and connection,
/// how to wrap CIP requests, and how to match and unwrap replies.
public struct SessionStateMachine: Sendable {
    /// Settings for a session.
    public struct Configuration: Sendable, Equatable {
        /// Backplane slot of the controller (route path port 1, slot N); nil for direct (no routing).
        public var slot: UInt8?
        /// Whether to try a class 3 connection (Forward Open) before falling back to unconnected messaging.
        public var useConnectedMessaging: Bool
        /// Connection size requested with Large Forward Open.
        public var largeConnectionSize: UInt16
        /// Connection size requested with a standard Forward Open (at most 511).
        public var standardConnectionSize: UInt16
        /// Message size used for unconnected messaging.
        public var unconnectedMessageSize: Int
        /// Originator vendor id.
        public var vendorID: UInt16
        /// Originator serial number.
        public var originatorSerial: UInt32

        /// Creates a configuration.
        public init(slot: UInt8? = 0, useConnectedMessaging: Bool = true, largeConnectionSize: UInt16 = 4002, standardConnectionSize: UInt16 = 504, unconnectedMessageSize: Int = 504, vendorID: UInt16 = 0x1337, originatorSerial: UInt32 = 0x4D53_3501) {
            self.slot = slot
            self.useConnectedMessaging = useConnectedMessaging
            self.largeConnectionSize = largeConnectionSize
            self.standardConnectionSize = min(standardConnectionSize, 511)
            self.unconnectedMessageSize = unconnectedMessageSize
            self.vendorID = vendorID
            self.originatorSerial = originatorSerial
        }
    }

    /// How requests are carried once the session is ready.
    public enum Mode: Sendable, Equatable {
        /// Class 3 connected messaging over SendUnitData.
        case connected(ForwardOpenReply, connectionSize: UInt16, large: Bool)
        /// Unconnected messaging over SendRRData (routed with Unconnected Send when a slot is set).
        case unconnected
    }

    /// Lifecycle state.
    public enum State: Sendable, Equatable {
        /// Nothing sent yet.
        case idle
        /// RegisterSession sent.
        case registering
        /// Forward Open sent (large or standard).
        case opening(large: Bool)
        /// Session (and maybe connection) established.
        case ready(Mode)
        /// Closed.
        case closed
    }

    /// What the driver must do next during the handshake.
    public enum Step: Sendable, Equatable {
        /// Send the packet and feed the reply matching `key` back.
        case send(EncapsulationPacket, key: CorrelationKey)
        /// The session is usable.
        case ready(Mode)
    }

    /// How a reply is matched to its request.
    public enum CorrelationKey: Sendable, Hashable {
        /// Unconnected: the sender context echoed in the encapsulation header.
        case context(UInt64)
        /// Connected: the sequence count echoed in the connected data item.
        case sequence(UInt16)
    }

    /// The configuration in force.
    public let configuration: Configuration
    /// The current state.
    public private(set) var state: State = .idle
    /// Session handle from RegisterSession.
    public private(set) var sessionHandle: UInt32 = 0
    private var nextContext: UInt64 = 1
    private var nextSequence: UInt16 = 1
    private let connectionSerial: UInt16
    private let targetToOriginatorID: UInt32

    /// Creates a machine; `seed` varies the connection serial and ids between sessions.
    public init(configuration: Configuration, seed: UInt32 = 0x1234_5678) {
        self.configuration = configuration
        connectionSerial = UInt16(truncatingIfNeeded: seed ^ (seed >> 16))
        targetToOriginatorID = seed | 1
    }

    /// Path to the controller's Message Router, through the backplane slot when one is set.
    public var connectionPath: CIPPath {
        var segments: [PathSegment] = []
        if let slot = configuration.slot { segments.append(.port(number: 1, link: slot)) }
        return CIPPath(segments + CIPPath.messageRouter.segments)
    }

    /// Largest CIP request or reply (bytes) the current mode carries.
    public var maximumMessageSize: Int {
        if case .ready(.connected(_, let size, _)) = state { return Int(size) - 4 }
        return configuration.unconnectedMessageSize - (configuration.slot == nil ? 0 : 16)
    }

    /// Whether the session is ready to carry requests.
    public var isReady: Bool { if case .ready = state { true } else { false } }

    /// Begins the handshake: RegisterSession.
    public mutating func start() -> Step {
        state = .registering
        var data = WireWriter(capacity: 4)
        data.write(UInt16(1))
        data.write(UInt16(0))
        let context = takeContext()
        return .send(EncapsulationPacket(command: .registerSession, senderContext: context, data: data.bytes), key: .context(context))
    }

    /// Advances the handshake with the reply to the last step.
    public mutating func handshake(reply: EncapsulationPacket) throws(EtherNetIPError) -> Step {
        switch state {
        case .registering:
            guard reply.status == 0 else { throw .encapsulation(status: reply.status) }
            guard reply.knownCommand == .registerSession, reply.sessionHandle != 0 else { throw .malformed("RegisterSession reply without session handle") }
            sessionHandle = reply.sessionHandle
            return configuration.useConnectedMessaging ? forwardOpen(large: true) : becomeReady(.unconnected)
        case .opening(let large):
            let response = try unwrapUnconnected(reply)
            if response.generalStatus == 0 {
                let opened = try ForwardOpenReply.decode(response.data)
                let size = large ? configuration.largeConnectionSize : configuration.standardConnectionSize
                return becomeReady(.connected(opened, connectionSize: size, large: large))
            }
            return large ? forwardOpen(large: false) : becomeReady(.unconnected)
        default:
            throw .malformed("handshake reply in state \(state)")
        }
    }

    private mutating func becomeReady(_ mode: Mode) -> Step {
        state = .ready(mode)
        return .ready(mode)
    }

    private mutating func forwardOpen(large: Bool) -> Step {
        state = .opening(large: large)
        let request = ForwardOpenRequest(
            large: large,
            connectionSize: large ? configuration.largeConnectionSize : configuration.standardConnectionSize,
            targetToOriginatorID: targetToOriginatorID,
            connectionSerial: connectionSerial,
            vendorID: configuration.vendorID,
            originatorSerial: configuration.originatorSerial,
            connectionPath: connectionPath)
        let (packet, key) = unconnectedPacket(request.request().encoded())
        return .send(packet, key: key)
    }

    /// Wraps a CIP request for the current mode, returning the packet and the key its reply will carry.
    public mutating func wrap(_ request: CIPRequest) throws(EtherNetIPError) -> (EncapsulationPacket, CorrelationKey) {
        try wrap(encoded: request.encoded())
    }

    /// Wraps an encoded CIP request for the current mode.
    public mutating func wrap(encoded message: [UInt8]) throws(EtherNetIPError) -> (EncapsulationPacket, CorrelationKey) {
        guard case .ready(let mode) = state else { throw .notConnected }
        switch mode {
        case .connected(let opened, _, _):
            let sequence = nextSequence
            nextSequence = nextSequence &+ 1
            if nextSequence == 0 { nextSequence = 1 }
            let envelope = MessagingEnvelope(packet: .connected(connectionID: opened.originatorToTargetID, sequence: sequence, message: message))
            return (EncapsulationPacket(command: .sendUnitData, sessionHandle: sessionHandle, data: envelope.encoded()), .sequence(sequence))
        case .unconnected:
            guard let slot = configuration.slot else { return unconnectedPacket(message) }
            return unconnectedPacket(ConnectionManagerService.unconnectedSend(encoded: message, routePath: CIPPath([.port(number: 1, link: slot)])).encoded())
        }
    }

    /// Wraps a request as unconnected SendRRData regardless of mode (for ListIdentity-like one-offs or Forward Close).
    public mutating func unconnectedPacket(_ message: [UInt8]) -> (EncapsulationPacket, CorrelationKey) {
        let context = takeContext()
        let envelope = MessagingEnvelope(timeout: 10, packet: .unconnected(message))
        return (EncapsulationPacket(command: .sendRRData, sessionHandle: sessionHandle, senderContext: context, data: envelope.encoded()), .context(context))
    }

    /// A packet of another encapsulation command (ListIdentity) with its correlation key.
    public mutating func commandPacket(_ command: EncapsulationCommand) -> (EncapsulationPacket, CorrelationKey) {
        let context = takeContext()
        return (EncapsulationPacket(command: command, sessionHandle: sessionHandle, senderContext: context), .context(context))
    }

    private mutating func takeContext() -> UInt64 {
        defer { nextContext &+= 1 }
        return nextContext
    }

    /// The key a received packet answers: its sequence count if connected data, else its sender context.
    public static func correlationKey(of packet: EncapsulationPacket) throws(EtherNetIPError) -> CorrelationKey {
        if packet.knownCommand == .sendUnitData, packet.status == 0 {
            return .sequence(try MessagingEnvelope.decode(packet.data).connectedMessage().sequence)
        }
        return .context(packet.senderContext)
    }

    /// Extracts the CIP response of a SendRRData or SendUnitData reply.
    public func unwrap(_ packet: EncapsulationPacket) throws(EtherNetIPError) -> CIPResponse {
        if packet.knownCommand == .sendUnitData {
            guard packet.status == 0 else { throw .encapsulation(status: packet.status) }
            return try CIPResponse.decode(MessagingEnvelope.decode(packet.data).connectedMessage().message)
        }
        return try unwrapUnconnected(packet)
    }

    private func unwrapUnconnected(_ packet: EncapsulationPacket) throws(EtherNetIPError) -> CIPResponse {
        guard packet.status == 0 else { throw .encapsulation(status: packet.status) }
        guard packet.knownCommand == .sendRRData else { throw .malformed("expected SendRRData reply, got command 0x\(String(packet.command, radix: 16))") }
        return try CIPResponse.decode(MessagingEnvelope.decode(packet.data).unconnectedMessage())
    }

    /// Packets that end the session: Forward Close (if connected, with its key) and UnregisterSession.
    public mutating func close() -> (forwardClose: (EncapsulationPacket, CorrelationKey)?, unregister: EncapsulationPacket) {
        var forwardClose: (EncapsulationPacket, CorrelationKey)?
        if case .ready(.connected(let opened, _, _)) = state {
            let request = ConnectionManagerService.forwardClose(connectionSerial: opened.connectionSerial, vendorID: opened.vendorID, originatorSerial: opened.originatorSerial, connectionPath: connectionPath)
            forwardClose = unconnectedPacket(request.encoded())
        }
        state = .closed
        return (forwardClose, EncapsulationPacket(command: .unregisterSession, sessionHandle: sessionHandle))
    }
}
