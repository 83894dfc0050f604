import MS5EtherNetIP
import NIOCore

/// Serves one TCP connection: sessions, class 3 connections and CIP requests.
final class ServerSessionHandler: ChannelInboundHandler {
    typealias InboundIn = EncapsulationPacket
    typealias OutboundOut = EncapsulationPacket

    /// Reply data limit for unconnected requests.
    static let unconnectedReplyLimit = 504

    private struct Connection {
        var targetToOriginatorID: UInt32
        var size: Int
        var serial: UInt16
        var vendor: UInt16
        var originatorSerial: UInt32
    }

    private let processor: CIPRequestProcessor
    private let listenPort: UInt16
    private let acceptsConnections: Bool
    private var sessionHandle: UInt32 = 0
    private var connections: [UInt32: Connection] = [:]

    init(processor: CIPRequestProcessor, listenPort: UInt16, acceptsConnections: Bool) {
        self.processor = processor
        self.listenPort = listenPort
        self.acceptsConnections = acceptsConnections
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let packet = unwrapInboundIn(data)
        guard let reply = answer(packet, context: context) else { return }
        context.writeAndFlush(wrapOutboundOut(reply), promise: nil)
    }

    private func answer(_ packet: EncapsulationPacket, context: ChannelHandlerContext) -> EncapsulationPacket? {
        var reply = packet
        reply.data = []
        switch packet.knownCommand {
        case .nop:
            return nil
        case .registerSession:
            if sessionHandle == 0 { sessionHandle = UInt32.random(in: 1...UInt32.max) }
            reply.sessionHandle = sessionHandle
            reply.data = packet.data
            return reply
        case .unregisterSession:
            context.close(promise: nil)
            return nil
        case .listIdentity:
            reply.data = CommonPacketFormat(items: [.init(typeID: CommonPacketFormat.ItemType.identity, data: processor.identity.listIdentityItem(port: listenPort, address: 0x7F00_0001))]).encodedItems()
            return reply
        case .listServices:
            var item = WireWriter()
            item.write(UInt16(1))
            item.write(UInt16(0x0120))
            item.write(bytes: Array("Communications".utf8) + [0, 0])
            reply.data = CommonPacketFormat(items: [.init(typeID: 0x0100, data: item.bytes)]).encodedItems()
            return reply
        case .sendRRData, .sendUnitData:
            guard packet.sessionHandle == sessionHandle, sessionHandle != 0 else {
                reply.status = EncapsulationStatus.invalidSessionHandle
                return reply
            }
            do {
                reply.data = try packet.knownCommand == .sendRRData ? answerUnconnected(packet.data) : answerConnected(packet.data)
            } catch {
                reply.status = EncapsulationStatus.incorrectData
            }
            return reply
        default:
            reply.status = EncapsulationStatus.invalidCommand
            return reply
        }
    }

    private func answerUnconnected(_ data: [UInt8]) throws(EtherNetIPError) -> [UInt8] {
        let envelope = try MessagingEnvelope.decode(data)
        let request = try CIPRequest.decode(envelope.unconnectedMessage())
        let response: CIPResponse
        if request.path == .connectionManager, request.service == CIPService.forwardOpen || request.service == CIPService.largeForwardOpen {
            response = forwardOpen(request)
        } else if request.path == .connectionManager, request.service == CIPService.forwardClose {
            response = forwardClose(request)
        } else {
            response = processor.process(request, replyLimit: Self.unconnectedReplyLimit)
        }
        return MessagingEnvelope(packet: .unconnected(response.encoded())).encoded()
    }

    private func answerConnected(_ data: [UInt8]) throws(EtherNetIPError) -> [UInt8] {
        let (id, sequence, message) = try MessagingEnvelope.decode(data).connectedMessage()
        guard let connection = connections[id] else { throw .malformed("unknown connection id") }
        let request = try CIPRequest.decode(message)
        let response = processor.process(request, replyLimit: connection.size - 4)
        return MessagingEnvelope(packet: .connected(connectionID: connection.targetToOriginatorID, sequence: sequence, message: response.encoded())).encoded()
    }

    private func forwardOpen(_ request: CIPRequest) -> CIPResponse {
        guard let open = try? ForwardOpenRequest.decode(service: request.service, data: request.data) else {
            return CIPResponse(service: request.service | CIPService.replyFlag, generalStatus: 0x13)
        }
        guard acceptsConnections else {
            // No more connections available (connection manager extended status 0x0113).
            return CIPResponse(service: request.service | CIPService.replyFlag, generalStatus: 0x01, extendedStatus: [0x0113])
        }
        guard open.connectionSize >= 32 else {
            return CIPResponse(service: request.service | CIPService.replyFlag, generalStatus: 0x01, extendedStatus: [0x0109])
        }
        var id = UInt32.random(in: 1...UInt32.max)
        while connections[id] != nil { id = UInt32.random(in: 1...UInt32.max) }
        connections[id] = Connection(targetToOriginatorID: open.targetToOriginatorID, size: Int(open.connectionSize), serial: open.connectionSerial, vendor: open.vendorID, originatorSerial: open.originatorSerial)
        let reply = ForwardOpenReply(originatorToTargetID: id, targetToOriginatorID: open.targetToOriginatorID, connectionSerial: open.connectionSerial, vendorID: open.vendorID, originatorSerial: open.originatorSerial)
        return CIPResponse(service: request.service | CIPService.replyFlag, data: reply.encoded(rpi: open.rpi))
    }

    private func forwardClose(_ request: CIPRequest) -> CIPResponse {
        guard let (serial, vendor, originator) = try? ConnectionManagerService.decodeForwardClose(request.data) else {
            return CIPResponse(service: request.service | CIPService.replyFlag, generalStatus: 0x13)
        }
        guard let id = connections.first(where: { $0.value.serial == serial && $0.value.vendor == vendor && $0.value.originatorSerial == originator })?.key else {
            return CIPResponse(service: request.service | CIPService.replyFlag, generalStatus: 0x01, extendedStatus: [0x0107])
        }
        connections.removeValue(forKey: id)
        return CIPResponse(service: request.service | CIPService.replyFlag, data: ConnectionManagerService.forwardCloseReply(connectionSerial: serial, vendorID: vendor, originatorSerial: originator))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

extension CommonPacketFormat {
    /// Item count and items, as the data of ListIdentity / ListServices replies.
    func encodedItems() -> [UInt8] {
        var writer = WireWriter()
        encode(into: &writer)
        return writer.bytes
    }
}
