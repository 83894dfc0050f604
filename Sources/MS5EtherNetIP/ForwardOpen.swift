/// Forward Open (0x54) / Large Forward Open (0x5B) request parameters for a class 3 explicit connection.
public struct ForwardOpenRequest: Sendable, Equatable {
    /// Whether to use Large Forward Open (32-bit connection parameters, sizes up to 65,535).
    public var large: Bool
    /// Connection size in bytes requested in both directions.
    public var connectionSize: UInt16
    /// Originator-to-target connection id proposed by the originator (the target normally picks its own).
    public var originatorToTargetID: UInt32
    /// Target-to-originator connection id chosen by the originator.
    public var targetToOriginatorID: UInt32
    /// Connection serial number.
    public var connectionSerial: UInt16
    /// Originator vendor id.
    public var vendorID: UInt16
    /// Originator serial number.
    public var originatorSerial: UInt32
    /// Requested packet interval in microseconds.
    public var rpi: UInt32
    /// Connection path (e.g. port 1 slot N, then the Message Router).
    public var connectionPath: CIPPath

    /// Creates a request.
    public init(large: Bool, connectionSize: UInt16, originatorToTargetID: UInt32 = 0, targetToOriginatorID: UInt32, connectionSerial: UInt16, vendorID: UInt16 = 0x1337, originatorSerial: UInt32, rpi: UInt32 = 2_000_000, connectionPath: CIPPath) {
        self.large = large
        self.connectionSize = connectionSize
        self.originatorToTargetID = originatorToTargetID
        self.targetToOriginatorID = targetToOriginatorID
        self.connectionSerial = connectionSerial
        self.vendorID = vendorID
        self.originatorSerial = originatorSerial
        self.rpi = rpi
        self.connectionPath = connectionPath
    }

    /// Network connection parameters: point-to-point, low priority, variable size, `connectionSize`.
    public var networkParameters: UInt32 {
        large ? 0x4200_0000 | UInt32(connectionSize) : 0x4200 | UInt32(connectionSize & 0x01FF)
    }

    /// The CIP request to the Connection Manager.
    public func request() -> CIPRequest {
        var writer = WireWriter(capacity: 48)
        writer.write(UInt8(0x0A))  // priority / time tick
        writer.write(UInt8(0x0E))  // timeout ticks
        writer.write(originatorToTargetID)
        writer.write(targetToOriginatorID)
        writer.write(connectionSerial)
        writer.write(vendorID)
        writer.write(originatorSerial)
        writer.write(UInt8(3))  // connection timeout multiplier (x32)
        writer.write(bytes: [0, 0, 0])
        writer.write(rpi)
        if large { writer.write(networkParameters) } else { writer.write(UInt16(networkParameters)) }
        writer.write(rpi)
        if large { writer.write(networkParameters) } else { writer.write(UInt16(networkParameters)) }
        writer.write(UInt8(0xA3))  // transport: server, application triggered, class 3
        let path = connectionPath.encoded()
        writer.write(UInt8(path.count / 2))
        writer.write(bytes: path)
        return CIPRequest(service: large ? CIPService.largeForwardOpen : CIPService.forwardOpen, path: .connectionManager, data: writer.bytes)
    }

    /// Decodes the service data of a Forward Open or Large Forward Open request (server side).
    public static func decode(service: UInt8, data: [UInt8]) throws(EtherNetIPError) -> ForwardOpenRequest {
        let large = service == CIPService.largeForwardOpen
        var reader = WireReader(data)
        try reader.skip(2, "priority and timeout")
        let otID = try reader.readUInt32("O->T id")
        let toID = try reader.readUInt32("T->O id")
        let serial = try reader.readUInt16("connection serial")
        let vendor = try reader.readUInt16("vendor")
        let originatorSerial = try reader.readUInt32("originator serial")
        try reader.skip(4, "timeout multiplier")
        let rpi = try reader.readUInt32("O->T RPI")
        let parameters = large ? try reader.readUInt32("O->T parameters") : UInt32(try reader.readUInt16("O->T parameters"))
        try reader.skip(4, "T->O RPI")
        _ = large ? try reader.readUInt32("T->O parameters") : UInt32(try reader.readUInt16("T->O parameters"))
        try reader.skip(1, "transport")
        let words = Int(try reader.readUInt8("connection path size"))
        let path = try CIPPath.decode(from: &reader, byteCount: words * 2)
        let size = large ? UInt16(truncatingIfNeeded: parameters) : UInt16(parameters & 0x01FF)
        return ForwardOpenRequest(large: large, connectionSize: size, originatorToTargetID: otID, targetToOriginatorID: toID, connectionSerial: serial, vendorID: vendor, originatorSerial: originatorSerial, rpi: rpi, connectionPath: path)
    }
}

/// The successful reply to a Forward Open.
public struct ForwardOpenReply: Sendable, Equatable {
    /// Connection id the originator puts in its connected address items.
    public var originatorToTargetID: UInt32
    /// Connection id the target puts in its replies.
    public var targetToOriginatorID: UInt32
    /// Echoed connection serial number.
    public var connectionSerial: UInt16
    /// Echoed vendor id.
    public var vendorID: UInt16
    /// Echoed originator serial.
    public var originatorSerial: UInt32

    /// Creates a reply.
    public init(originatorToTargetID: UInt32, targetToOriginatorID: UInt32, connectionSerial: UInt16, vendorID: UInt16, originatorSerial: UInt32) {
        self.originatorToTargetID = originatorToTargetID
        self.targetToOriginatorID = targetToOriginatorID
        self.connectionSerial = connectionSerial
        self.vendorID = vendorID
        self.originatorSerial = originatorSerial
    }

    /// Reply data: ids, serials, actual packet intervals (equal to `rpi`), empty application reply.
    public func encoded(rpi: UInt32) -> [UInt8] {
        var writer = WireWriter(capacity: 26)
        writer.write(originatorToTargetID)
        writer.write(targetToOriginatorID)
        writer.write(connectionSerial)
        writer.write(vendorID)
        writer.write(originatorSerial)
        writer.write(rpi)
        writer.write(rpi)
        writer.write(UInt8(0))
        writer.write(UInt8(0))
        return writer.bytes
    }

    /// Decodes the reply data.
    public static func decode(_ data: [UInt8]) throws(EtherNetIPError) -> ForwardOpenReply {
        var reader = WireReader(data)
        return ForwardOpenReply(
            originatorToTargetID: try reader.readUInt32("O->T id"),
            targetToOriginatorID: try reader.readUInt32("T->O id"),
            connectionSerial: try reader.readUInt16("connection serial"),
            vendorID: try reader.readUInt16("vendor"),
            originatorSerial: try reader.readUInt32("originator serial"))
    }
}

/// Forward Close (0x4E to the Connection Manager) and Unconnected Send (0x52) builders.
public enum ConnectionManagerService {
    /// Forward Close for the connection identified by its serial triad.
    public static func forwardClose(connectionSerial: UInt16, vendorID: UInt16, originatorSerial: UInt32, connectionPath: CIPPath) -> CIPRequest {
        var writer = WireWriter(capacity: 24)
        writer.write(UInt8(0x0A))
        writer.write(UInt8(0x0E))
        writer.write(connectionSerial)
        writer.write(vendorID)
        writer.write(originatorSerial)
        let path = connectionPath.encoded()
        writer.write(UInt8(path.count / 2))
        writer.write(UInt8(0))
        writer.write(bytes: path)
        return CIPRequest(service: CIPService.forwardClose, path: .connectionManager, data: writer.bytes)
    }

    /// The serial triad of a Forward Close request (server side).
    public static func decodeForwardClose(_ data: [UInt8]) throws(EtherNetIPError) -> (connectionSerial: UInt16, vendorID: UInt16, originatorSerial: UInt32) {
        var reader = WireReader(data)
        try reader.skip(2, "priority and timeout")
        return (try reader.readUInt16("connection serial"), try reader.readUInt16("vendor"), try reader.readUInt32("originator serial"))
    }

    /// Forward Close reply data: the echoed triad and an empty application reply.
    public static func forwardCloseReply(connectionSerial: UInt16, vendorID: UInt16, originatorSerial: UInt32) -> [UInt8] {
        var writer = WireWriter(capacity: 10)
        writer.write(connectionSerial)
        writer.write(vendorID)
        writer.write(originatorSerial)
        writer.write(UInt8(0))
        writer.write(UInt8(0))
        return writer.bytes
    }

    /// Wraps `embedded` in an Unconnected Send routed along `routePath` (e.g. port 1, slot N).
    public static func unconnectedSend(_ embedded: CIPRequest, routePath: CIPPath) -> CIPRequest {
        unconnectedSend(encoded: embedded.encoded(), routePath: routePath)
    }

    /// Wraps an encoded request in an Unconnected Send routed along `routePath`.
    public static func unconnectedSend(encoded message: [UInt8], routePath: CIPPath) -> CIPRequest {
        var writer = WireWriter(capacity: message.count + 12)
        writer.write(UInt8(0x0A))
        writer.write(UInt8(0x0E))
        writer.write(UInt16(truncatingIfNeeded: message.count))
        writer.write(bytes: message)
        if message.count % 2 == 1 { writer.write(UInt8(0)) }
        let route = routePath.encoded()
        writer.write(UInt8(route.count / 2))
        writer.write(UInt8(0))
        writer.write(bytes: route)
        return CIPRequest(service: CIPService.unconnectedSend, path: .connectionManager, data: writer.bytes)
    }

    /// The embedded request and route path of an Unconnected Send (server side).
    public static func decodeUnconnectedSend(_ data: [UInt8]) throws(EtherNetIPError) -> (embedded: CIPRequest, route: CIPPath) {
        var reader = WireReader(data)
        try reader.skip(2, "priority and timeout")
        let size = Int(try reader.readUInt16("embedded size"))
        var embeddedReader = WireReader(try reader.readBytes(size, "embedded message"))
        let embedded = try CIPRequest.decode(from: &embeddedReader)
        if size % 2 == 1 { try reader.skip(1, "embedded pad") }
        let words = Int(try reader.readUInt8("route path size"))
        try reader.skip(1, "reserved")
        return (embedded, try CIPPath.decode(from: &reader, byteCount: words * 2))
    }
}
