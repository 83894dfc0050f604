/// One EPATH segment (CIP Vol. 1, appendix C).
public enum PathSegment: Sendable, Hashable {
    /// ANSI extended symbolic segment (0x91): a tag or member name.
    case symbol(String)
    /// Element (array index) segment: 0x28 (8-bit), 0x29 (16-bit) or 0x2A (32-bit).
    case element(UInt32)
    /// Logical class segment: 0x20 (8-bit) or 0x21 (16-bit).
    case classID(UInt16)
    /// Logical instance segment: 0x24 (8-bit), 0x25 (16-bit) or 0x26 (32-bit).
    case instance(UInt32)
    /// Logical attribute segment: 0x30 (8-bit) or 0x31 (16-bit).
    case attribute(UInt16)
    /// Port segment with a one-byte link address, e.g. backplane port 1, slot N.
    case port(number: UInt8, link: UInt8)

    /// Appends the segment's bytes (always an even count).
    public func encode(into writer: inout WireWriter) {
        switch self {
        case .symbol(let name):
            let bytes = Array(name.utf8)
            writer.write(UInt8(0x91))
            writer.write(UInt8(truncatingIfNeeded: bytes.count))
            writer.write(bytes: bytes)
            if bytes.count % 2 == 1 { writer.write(UInt8(0)) }
        case .element(let index):
            Self.writeLogical(into: &writer, eightBit: 0x28, value: index)
        case .classID(let id):
            Self.writeLogical(into: &writer, eightBit: 0x20, value: UInt32(id))
        case .instance(let id):
            Self.writeLogical(into: &writer, eightBit: 0x24, value: id)
        case .attribute(let id):
            Self.writeLogical(into: &writer, eightBit: 0x30, value: UInt32(id))
        case .port(let number, let link):
            writer.write(number & 0x0F)
            writer.write(link)
        }
    }

    private static func writeLogical(into writer: inout WireWriter, eightBit code: UInt8, value: UInt32) {
        if value <= 0xFF {
            writer.write(code)
            writer.write(UInt8(value))
        } else if value <= 0xFFFF {
            writer.write(code | 0x01)
            writer.write(UInt8(0))
            writer.write(UInt16(value))
        } else {
            writer.write(code | 0x02)
            writer.write(UInt8(0))
            writer.write(value)
        }
    }

    /// Decodes one segment from `reader`.
    public static func decode(from reader: inout WireReader) throws(EtherNetIPError) -> PathSegment {
        let code = try reader.readUInt8("segment type")
        switch code {
        case 0x91:
            let length = Int(try reader.readUInt8("symbol length"))
            let bytes = try reader.readBytes(length, "symbol name")
            if length % 2 == 1 { try reader.skip(1, "symbol pad") }
            return .symbol(String(decoding: bytes, as: UTF8.self))
        case 0x28, 0x20, 0x24, 0x30:
            let value = UInt32(try reader.readUInt8("logical value"))
            return logical(code, value)
        case 0x29, 0x21, 0x25, 0x31:
            try reader.skip(1, "logical pad")
            let value = UInt32(try reader.readUInt16("logical value"))
            return logical(code & 0xFC, value)
        case 0x2A, 0x26:
            try reader.skip(1, "logical pad")
            let value = try reader.readUInt32("logical value")
            return logical(code & 0xFC, value)
        case 0x01...0x0F:
            return .port(number: code, link: try reader.readUInt8("port link"))
        default:
            throw .malformed("unsupported path segment 0x" + String(code, radix: 16))
        }
    }

    private static func logical(_ code: UInt8, _ value: UInt32) -> PathSegment {
        switch code {
        case 0x28: .element(value)
        case 0x20: .classID(UInt16(truncatingIfNeeded: value))
        case 0x24: .instance(value)
        default: .attribute(UInt16(truncatingIfNeeded: value))
        }
    }
}

/// An EPATH: a sequence of segments, sized in 16-bit words on the wire.
public struct CIPPath: Sendable, Hashable {
    /// The segments in order.
    public var segments: [PathSegment]

    /// Creates a path.
    public init(_ segments: [PathSegment]) { self.segments = segments }

    /// Path to a class instance (and optionally an attribute).
    public static func object(classID: UInt16, instance: UInt32, attribute: UInt16? = nil) -> CIPPath {
        CIPPath([.classID(classID), .instance(instance)] + (attribute.map { [PathSegment.attribute($0)] } ?? []))
    }

    /// The Message Router (class 0x02, instance 1).
    public static let messageRouter = CIPPath.object(classID: 0x02, instance: 1)
    /// The Connection Manager (class 0x06, instance 1).
    public static let connectionManager = CIPPath.object(classID: 0x06, instance: 1)
    /// The Identity object (class 0x01, instance 1).
    public static let identity = CIPPath.object(classID: 0x01, instance: 1)
    /// The PCCC object (class 0x67, instance 1).
    public static let pccc = CIPPath.object(classID: 0x67, instance: 1)

    /// Encoded segment bytes (an even count).
    public func encoded() -> [UInt8] {
        var writer = WireWriter(capacity: 32)
        for segment in segments { segment.encode(into: &writer) }
        return writer.bytes
    }

    /// Decodes segments from exactly `byteCount` bytes of `reader`.
    public static func decode(from reader: inout WireReader, byteCount: Int) throws(EtherNetIPError) -> CIPPath {
        guard reader.remaining >= byteCount else { throw .malformed("path longer than message") }
        let end = reader.position + byteCount
        var segments: [PathSegment] = []
        while reader.position < end {
            segments.append(try PathSegment.decode(from: &reader))
        }
        guard reader.position == end else { throw .malformed("path segment overruns path size") }
        return CIPPath(segments)
    }
}
