import Foundation

/// An OPC UA node identifier: a namespace index plus a numeric, string, GUID or opaque identifier.
///
/// The text form follows Part 6, 5.3.1.10: `ns=2;s=Line1.Counter`, `ns=3;i=1001`, `i=85`,
/// `ns=1;g=09087e75-8e5e-499b-954f-f2a9603db28a`, `ns=1;b=M/RbKBsRVkePCePcx24oRA==`.
/// The namespace prefix is omitted for namespace 0.
public struct NodeID: Sendable, Hashable, CustomStringConvertible {
    /// The identifier part of a node id.
    public enum Identifier: Sendable, Hashable {
        /// Numeric identifier (`i=`).
        case numeric(UInt32)
        /// String identifier (`s=`).
        case string(String)
        /// GUID identifier (`g=`).
        case guid(UUID)
        /// Opaque identifier (`b=`, base64 in text form).
        case opaque([UInt8])
    }

    /// Namespace index.
    public var namespace: UInt16
    /// Identifier within the namespace.
    public var identifier: Identifier

    /// Creates a node id from its parts.
    public init(namespace: UInt16 = 0, _ identifier: Identifier) {
        self.namespace = namespace
        self.identifier = identifier
    }

    /// Creates a numeric node id.
    public init(namespace: UInt16 = 0, numeric: UInt32) {
        self.init(namespace: namespace, .numeric(numeric))
    }

    /// Creates a string node id.
    public init(namespace: UInt16, string: String) {
        self.init(namespace: namespace, .string(string))
    }

    /// The null node id `i=0`.
    public static let null = NodeID(numeric: 0)

    /// True for the null node id.
    public var isNull: Bool { self == .null }

    /// Parses the text form, e.g. `ns=2;s=Line1.Counter`.
    public init(parsing text: String) throws(NodeIDParseError) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var namespace: UInt16 = 0
        if rest.hasPrefix("ns=") {
            guard let separator = rest.firstIndex(of: ";") else { throw .missingSeparator(text) }
            let digits = rest[rest.index(rest.startIndex, offsetBy: 3)..<separator]
            guard let value = UInt16(digits) else { throw .invalidNamespace(text) }
            namespace = value
            rest = rest[rest.index(after: separator)...]
        }
        guard rest.count >= 2, rest[rest.index(after: rest.startIndex)] == "=" else {
            throw .missingIdentifierType(text)
        }
        let kind = rest.first!
        let value = String(rest.dropFirst(2))
        switch kind {
        case "i":
            guard let number = UInt32(value) else { throw .invalidNumeric(text) }
            self.init(namespace: namespace, .numeric(number))
        case "s":
            guard !value.isEmpty else { throw .emptyString(text) }
            self.init(namespace: namespace, .string(value))
        case "g":
            guard let uuid = UUID(uuidString: value) else { throw .invalidGuid(text) }
            self.init(namespace: namespace, .guid(uuid))
        case "b":
            guard let data = Data(base64Encoded: value) else { throw .invalidOpaque(text) }
            self.init(namespace: namespace, .opaque(Array(data)))
        default:
            throw .missingIdentifierType(text)
        }
    }

    /// The text form; parsing it yields an equal node id.
    public var description: String {
        let prefix = namespace == 0 ? "" : "ns=\(namespace);"
        switch identifier {
        case let .numeric(value): return prefix + "i=\(value)"
        case let .string(value): return prefix + "s=" + value
        case let .guid(value): return prefix + "g=" + value.uuidString.lowercased()
        case let .opaque(value): return prefix + "b=" + Data(value).base64EncodedString()
        }
    }
}

extension NodeID: UABinaryCodable {
    public func encode(to writer: inout UABinaryWriter) {
        switch identifier {
        case let .numeric(value) where namespace == 0 && value <= 0xFF:
            writer.write(UInt8(0x00))
            writer.write(UInt8(value))
        case let .numeric(value) where namespace <= 0xFF && value <= 0xFFFF:
            writer.write(UInt8(0x01))
            writer.write(UInt8(namespace))
            writer.write(UInt16(value))
        case let .numeric(value):
            writer.write(UInt8(0x02))
            writer.write(namespace)
            writer.write(value)
        case let .string(value):
            writer.write(UInt8(0x03))
            writer.write(namespace)
            writer.write(value)
        case let .guid(value):
            writer.write(UInt8(0x04))
            writer.write(namespace)
            writer.write(value)
        case let .opaque(value):
            writer.write(UInt8(0x05))
            writer.write(namespace)
            writer.writeByteString(value)
        }
    }

    public init(from reader: inout UABinaryReader) throws(UADecodingError) {
        let encoding = try reader.readUInt8()
        try self.init(encodingByte: encoding & 0x3F, from: &reader)
    }

    /// Decodes the body of a node id whose encoding byte (flags removed) was already read.
    init(encodingByte: UInt8, from reader: inout UABinaryReader) throws(UADecodingError) {
        switch encodingByte {
        case 0x00:
            self.init(numeric: UInt32(try reader.readUInt8()))
        case 0x01:
            let namespace = UInt16(try reader.readUInt8())
            self.init(namespace: namespace, numeric: UInt32(try reader.readUInt16()))
        case 0x02:
            let namespace = try reader.readUInt16()
            self.init(namespace: namespace, numeric: try reader.readUInt32())
        case 0x03:
            let namespace = try reader.readUInt16()
            self.init(namespace: namespace, .string(try reader.readString() ?? ""))
        case 0x04:
            let namespace = try reader.readUInt16()
            self.init(namespace: namespace, .guid(try reader.readGuid()))
        case 0x05:
            let namespace = try reader.readUInt16()
            self.init(namespace: namespace, .opaque(try reader.readByteString() ?? []))
        default:
            throw .invalidValue(field: "NodeId encoding", value: Int(encodingByte))
        }
    }
}
