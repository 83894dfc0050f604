/// Multiple Service Packet (0x0A to the Message Router): several requests in one message.
public enum MultipleServicePacket {
    /// Fixed bytes around the embedded requests: service, path size, 4-byte router path, count.
    public static let requestOverhead = 2 + 4 + 2
    /// Fixed reply bytes before the embedded replies: 4-byte reply header and count.
    public static let replyOverhead = 4 + 2

    /// Packs encoded requests: count, offsets from the count field, then the requests.
    public static func request(_ embedded: [[UInt8]]) -> CIPRequest {
        CIPRequest(service: CIPService.multipleServicePacket, path: .messageRouter, data: pack(embedded))
    }

    /// Count, offset table and concatenated items, as used in both directions.
    public static func pack(_ embedded: [[UInt8]]) -> [UInt8] {
        let tableSize = 2 + 2 * embedded.count
        var writer = WireWriter(capacity: tableSize + embedded.reduce(0) { $0 + $1.count })
        writer.write(UInt16(embedded.count))
        var offset = tableSize
        for item in embedded {
            writer.write(UInt16(truncatingIfNeeded: offset))
            offset += item.count
        }
        for item in embedded { writer.write(bytes: item) }
        return writer.bytes
    }

    /// The byte ranges of the items of a count-and-offset table body, without copying them.
    public static func itemRanges(_ data: [UInt8]) throws(EtherNetIPError) -> [Range<Int>] {
        var reader = WireReader(data)
        let count = Int(try reader.readUInt16("service count"))
        var offsets: [Int] = []
        offsets.reserveCapacity(count)
        for _ in 0..<count { offsets.append(Int(try reader.readUInt16("service offset"))) }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        for (index, start) in offsets.enumerated() {
            let end = index + 1 < offsets.count ? offsets[index + 1] : data.count
            guard start >= 2 + 2 * count, start <= end, end <= data.count else {
                throw .malformed("multiple service offset \(start) out of range")
            }
            ranges.append(start..<end)
        }
        return ranges
    }

    /// The embedded replies of a Multiple Service Packet reply (status 0 or 0x1E), as standalone copies.
    public static func parseReply(_ response: CIPResponse) throws(EtherNetIPError) -> [CIPResponse] {
        try CIPReplyView.items(ofMultipleServiceReply: response).map { $0.response() }
    }
}
