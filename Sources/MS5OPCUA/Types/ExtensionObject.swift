import NIOCore

/// A structure wrapped with the node id of its binary encoding (Part 6, 5.2.2.15).
public struct ExtensionObject: Sendable, Hashable, UABinaryCodable {
    /// Node id of the encoding (e.g. `i=811` for DataChangeNotification).
    public var typeID: NodeID
    /// The binary-encoded body, or `nil` when the object carries no body.
    public var body: [UInt8]?

    /// Creates an extension object from an already-encoded body.
    public init(typeID: NodeID, body: [UInt8]?) {
        self.typeID = typeID
        self.body = body
    }

    /// Wraps `value`, encoded in binary, with the encoding id `typeID`.
    public init(typeID: UInt32, encoding value: some UABinaryEncodable) {
        var writer = UABinaryWriter()
        value.encode(to: &writer)
        self.init(typeID: NodeID(numeric: typeID), body: writer.buffer.readBytes(length: writer.buffer.readableBytes))
    }

    /// The empty extension object (null type, no body).
    public static let empty = ExtensionObject(typeID: .null, body: nil)

    /// A reader over the body, or `nil` if there is none.
    public func bodyReader() -> UABinaryReader? {
        body.map { UABinaryReader(bytes: $0) }
    }

    public func encode(to writer: inout UABinaryWriter) {
        writer.write(typeID)
        if let body {
            writer.write(UInt8(0x01))
            writer.writeByteString(body)
        } else {
            writer.write(UInt8(0x00))
        }
    }

    public init(from reader: inout UABinaryReader) throws(UADecodingError) {
        typeID = try reader.read(NodeID.self)
        let encoding = try reader.readUInt8()
        switch encoding {
        case 0x00: body = nil
        case 0x01, 0x02: body = try reader.readByteString()
        default: throw .invalidValue(field: "ExtensionObject encoding", value: Int(encoding))
        }
    }
}
