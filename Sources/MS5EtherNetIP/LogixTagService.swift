/// Builders and parsers for the Logix tag services (Read/Write Tag, fragmented variants, Read-Modify-Write).
public enum LogixTagService {
    /// Read Tag (0x4C): element count.
    public static func readTag(_ path: CIPPath, count: UInt16 = 1) -> CIPRequest {
        var writer = WireWriter(capacity: 2)
        writer.write(count)
        return CIPRequest(service: CIPService.readTag, path: path, data: writer.bytes)
    }

    /// Read Tag Fragmented (0x52): element count and byte offset.
    public static func readTagFragmented(_ path: CIPPath, count: UInt16, offset: UInt32) -> CIPRequest {
        var writer = WireWriter(capacity: 6)
        writer.write(count)
        writer.write(offset)
        return CIPRequest(service: CIPService.readTagFragmented, path: path, data: writer.bytes)
    }

    /// Write Tag (0x4D): type field, element count, data.
    public static func writeTag(_ path: CIPPath, type: CIPDataType, count: UInt16, data: [UInt8]) -> CIPRequest {
        var writer = WireWriter(capacity: 6 + data.count)
        type.encode(into: &writer)
        writer.write(count)
        writer.write(bytes: data)
        return CIPRequest(service: CIPService.writeTag, path: path, data: writer.bytes)
    }

    /// Write Tag Fragmented (0x53): type field, element count, byte offset, data fragment.
    public static func writeTagFragmented(_ path: CIPPath, type: CIPDataType, count: UInt16, offset: UInt32, data: [UInt8]) -> CIPRequest {
        var writer = WireWriter(capacity: 10 + data.count)
        type.encode(into: &writer)
        writer.write(count)
        writer.write(offset)
        writer.write(bytes: data)
        return CIPRequest(service: CIPService.writeTagFragmented, path: path, data: writer.bytes)
    }

    /// Read-Modify-Write Tag (0x4E): new = (old | orMask) & andMask, masks of 1, 2, 4 or 8 bytes.
    public static func readModifyWrite(_ path: CIPPath, orMask: [UInt8], andMask: [UInt8]) -> CIPRequest {
        var writer = WireWriter(capacity: 2 + orMask.count * 2)
        writer.write(UInt16(orMask.count))
        writer.write(bytes: orMask)
        writer.write(bytes: andMask)
        return CIPRequest(service: CIPService.readModifyWriteTag, path: path, data: writer.bytes)
    }

    /// OR/AND masks that set or clear `bit` in a value of `size` bytes.
    public static func bitMasks(bit: Int, size: Int, value: Bool) -> (orMask: [UInt8], andMask: [UInt8]) {
        var orMask = [UInt8](repeating: 0, count: size)
        var andMask = [UInt8](repeating: 0xFF, count: size)
        let byte = bit / 8
        let flag = UInt8(1) << UInt8(bit % 8)
        if value { orMask[byte] = flag } else { andMask[byte] = ~flag }
        return (orMask, andMask)
    }

    /// The type and data of a Read Tag / Read Tag Fragmented reply.
    public static func parseReadReply(_ response: CIPResponse) throws(EtherNetIPError) -> (type: CIPDataType, data: [UInt8]) {
        try response.check()
        var reader = WireReader(response.data)
        let type = try CIPDataType.decode(from: &reader)
        return (type, reader.readRest())
    }
}
