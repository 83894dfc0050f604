/// A Message Router request: service code, request path and service data.
public struct CIPRequest: Sendable, Equatable {
    /// Service code (bit 7 clear).
    public var service: UInt8
    /// Request path.
    public var path: CIPPath
    /// Service-specific data.
    public var data: [UInt8]

    /// Creates a request.
    public init(service: UInt8, path: CIPPath, data: [UInt8] = []) {
        self.service = service
        self.path = path
        self.data = data
    }

    /// Serializes the request.
    public func encoded() -> [UInt8] {
        let pathBytes = path.encoded()
        var writer = WireWriter(capacity: 2 + pathBytes.count + data.count)
        writer.write(service)
        writer.write(UInt8(truncatingIfNeeded: pathBytes.count / 2))
        writer.write(bytes: pathBytes)
        writer.write(bytes: data)
        return writer.bytes
    }

    /// Decodes a request.
    public static func decode(_ bytes: [UInt8]) throws(EtherNetIPError) -> CIPRequest {
        var reader = WireReader(bytes)
        return try decode(from: &reader)
    }

    /// Decodes a request that fills the rest of `reader`.
    public static func decode(from reader: inout WireReader) throws(EtherNetIPError) -> CIPRequest {
        let service = try reader.readUInt8("service")
        let words = Int(try reader.readUInt8("path size"))
        let path = try CIPPath.decode(from: &reader, byteCount: words * 2)
        return CIPRequest(service: service, path: path, data: reader.readRest())
    }
}

/// A Message Router response: echoed service (bit 7 set), general status, extended status and data.
public struct CIPResponse: Sendable, Equatable {
    /// Reply service code (request service | 0x80).
    public var service: UInt8
    /// General status (0 = success, 0x06 = partial transfer).
    public var generalStatus: UInt8
    /// Extended status words.
    public var extendedStatus: [UInt16]
    /// Reply data.
    public var data: [UInt8]

    /// Creates a response.
    public init(service: UInt8, generalStatus: UInt8 = 0, extendedStatus: [UInt16] = [], data: [UInt8] = []) {
        self.service = service
        self.generalStatus = generalStatus
        self.extendedStatus = extendedStatus
        self.data = data
    }

    /// Success or partial transfer (more data follows).
    public var isSuccess: Bool { generalStatus == 0x00 || generalStatus == 0x06 }

    /// Whether the reply is a partial transfer (status 0x06).
    public var isPartial: Bool { generalStatus == 0x06 }

    /// The classified error, or nil on success or partial transfer.
    public var error: CIPError? {
        isSuccess ? nil : CIPError(general: generalStatus, extended: extendedStatus)
    }

    /// Throws the classified error unless the status is success or partial transfer.
    public func check() throws(EtherNetIPError) {
        if let error { throw .cip(error) }
    }

    /// Serializes the response.
    public func encoded() -> [UInt8] {
        var writer = WireWriter(capacity: 4 + extendedStatus.count * 2 + data.count)
        encode(into: &writer)
        return writer.bytes
    }

    /// Appends the response to `writer`.
    public func encode(into writer: inout WireWriter) {
        writer.write(service)
        writer.write(UInt8(0))
        writer.write(generalStatus)
        writer.write(UInt8(truncatingIfNeeded: extendedStatus.count))
        for word in extendedStatus { writer.write(word) }
        writer.write(bytes: data)
    }

    /// Decodes a response.
    public static func decode(_ bytes: [UInt8]) throws(EtherNetIPError) -> CIPResponse {
        var reader = WireReader(bytes)
        return try decode(from: &reader)
    }

    /// Decodes a response that fills the rest of `reader`.
    public static func decode(from reader: inout WireReader) throws(EtherNetIPError) -> CIPResponse {
        let service = try reader.readUInt8("reply service")
        try reader.skip(1, "reserved")
        let general = try reader.readUInt8("general status")
        let extendedCount = Int(try reader.readUInt8("extended status size"))
        var extended: [UInt16] = []
        for _ in 0..<extendedCount { extended.append(try reader.readUInt16("extended status")) }
        return CIPResponse(service: service, generalStatus: general, extendedStatus: extended, data: reader.readRest())
    }
}

/// CIP service codes used here.
public enum CIPService {
    /// Get Attributes All.
    public static let getAttributesAll: UInt8 = 0x01
    /// Get Attribute List.
    public static let getAttributeList: UInt8 = 0x03
    /// Multiple Service Packet.
    public static let multipleServicePacket: UInt8 = 0x0A
    /// Get Attribute Single.
    public static let getAttributeSingle: UInt8 = 0x0E
    /// Execute PCCC (PCCC object).
    public static let executePCCC: UInt8 = 0x4B
    /// Read Tag (Logix).
    public static let readTag: UInt8 = 0x4C
    /// Write Tag (Logix).
    public static let writeTag: UInt8 = 0x4D
    /// Read-Modify-Write Tag (Logix, on a tag path).
    public static let readModifyWriteTag: UInt8 = 0x4E
    /// Forward Close (Connection Manager; same code as Read-Modify-Write on a tag).
    public static let forwardClose: UInt8 = 0x4E
    /// Read Tag Fragmented (Logix, on a tag path).
    public static let readTagFragmented: UInt8 = 0x52
    /// Unconnected Send (Connection Manager; same code as Read Tag Fragmented on a tag).
    public static let unconnectedSend: UInt8 = 0x52
    /// Write Tag Fragmented (Logix).
    public static let writeTagFragmented: UInt8 = 0x53
    /// Forward Open (Connection Manager).
    public static let forwardOpen: UInt8 = 0x54
    /// Get Instance Attribute List (Logix Symbol object).
    public static let getInstanceAttributeList: UInt8 = 0x55
    /// Large Forward Open (Connection Manager).
    public static let largeForwardOpen: UInt8 = 0x5B
    /// Bit set in a reply's service code.
    public static let replyFlag: UInt8 = 0x80
}
