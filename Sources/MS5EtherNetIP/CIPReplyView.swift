/// A CIP reply read in place inside a larger buffer (an item of a Multiple Service Packet reply), without copying its data.
public struct CIPReplyView: Sendable {
    /// The buffer holding the reply.
    public let bytes: [UInt8]
    /// Index of the first data byte.
    public let dataStart: Int
    /// Index one past the last data byte.
    public let end: Int
    /// Reply service code.
    public let service: UInt8
    /// General status.
    public let generalStatus: UInt8
    /// Extended status words.
    public let extendedStatus: [UInt16]

    /// A view of a whole decoded response.
    public init(_ response: CIPResponse) {
        bytes = response.data
        dataStart = 0
        end = response.data.count
        service = response.service
        generalStatus = response.generalStatus
        extendedStatus = response.extendedStatus
    }

    /// Parses the reply header of `bytes[start..<end]`.
    public init(bytes: [UInt8], start: Int, end: Int) throws(EtherNetIPError) {
        var reader = WireReader(bytes, start: start, end: end)
        service = try reader.readUInt8("reply service")
        try reader.skip(1, "reserved")
        generalStatus = try reader.readUInt8("general status")
        let extendedCount = Int(try reader.readUInt8("extended status size"))
        var extended: [UInt16] = []
        for _ in 0..<extendedCount { extended.append(try reader.readUInt16("extended status")) }
        extendedStatus = extended
        self.bytes = bytes
        dataStart = reader.position
        self.end = reader.end
    }

    /// A reader over the reply data.
    public var dataReader: WireReader { WireReader(bytes, start: dataStart, end: end) }

    /// Whether the status is partial transfer (0x06).
    public var isPartial: Bool { generalStatus == 0x06 }

    /// The classified error, or nil on success or partial transfer.
    public var error: CIPError? {
        generalStatus == 0 || generalStatus == 0x06 ? nil : CIPError(general: generalStatus, extended: extendedStatus)
    }

    /// A standalone copy of the reply.
    public func response() -> CIPResponse {
        CIPResponse(service: service, generalStatus: generalStatus, extendedStatus: extendedStatus, data: Array(bytes[dataStart..<end]))
    }

    /// The items of a Multiple Service Packet reply (status 0 or 0x1E), viewed in place.
    public static func items(ofMultipleServiceReply response: CIPResponse) throws(EtherNetIPError) -> [CIPReplyView] {
        guard response.generalStatus == 0 || response.generalStatus == 0x1E else {
            throw .cip(CIPError(general: response.generalStatus, extended: response.extendedStatus))
        }
        let data = response.data
        var items: [CIPReplyView] = []
        for range in try MultipleServicePacket.itemRanges(data) {
            items.append(try CIPReplyView(bytes: data, start: range.lowerBound, end: range.upperBound))
        }
        return items
    }
}
