/// An OPC UA status code (Part 4, 7.39; Part 6, 5.2.2.11).
///
/// The top two bits give the severity (good, uncertain, bad); the next 14 bits name the code.
/// `description` prints the symbolic name and an explanation, e.g.
/// `BadNodeIdUnknown (0x80340000): the node id refers to a node that does not exist in the server address space`.
public struct StatusCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible, UABinaryCodable {
    /// The 32-bit code.
    public var rawValue: UInt32

    /// Creates a status code from its 32-bit value.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// True when the severity is Good.
    public var isGood: Bool { rawValue & 0xC000_0000 == 0 }
    /// True when the severity is Uncertain.
    public var isUncertain: Bool { rawValue & 0xC000_0000 == 0x4000_0000 }
    /// True when the severity is Bad.
    public var isBad: Bool { rawValue & 0x8000_0000 != 0 }

    /// The symbolic name, e.g. `BadNodeIdUnknown`, if known.
    public var name: String? { StatusCodeCatalog.entries[rawValue & 0xFFFF_0000]?.name }

    public var description: String {
        let hex = "0x" + String(rawValue, radix: 16, uppercase: true).leftPadded(to: 8)
        guard let entry = StatusCodeCatalog.entries[rawValue & 0xFFFF_0000] else {
            let severity = isGood ? "Good" : isUncertain ? "Uncertain" : "Bad"
            return "\(severity) status \(hex)"
        }
        return "\(entry.name) (\(hex)): \(entry.message)"
    }

    public func encode(to writer: inout UABinaryWriter) { writer.write(rawValue) }

    public init(from reader: inout UABinaryReader) throws(UADecodingError) {
        rawValue = try reader.readUInt32()
    }

    /// Good.
    public static let good = StatusCode(rawValue: 0)
    /// The node id refers to a node that does not exist in the server address space.
    public static let badNodeIdUnknown = StatusCode(rawValue: 0x8034_0000)
    /// The attribute is not supported for the specified node.
    public static let badAttributeIdInvalid = StatusCode(rawValue: 0x8035_0000)
    /// The value supplied for the attribute is not of the same type as the attribute's value.
    public static let badTypeMismatch = StatusCode(rawValue: 0x8074_0000)
    /// User does not have permission to perform the requested operation.
    public static let badUserAccessDenied = StatusCode(rawValue: 0x801F_0000)
    /// The access level does not allow writing to the node.
    public static let badNotWritable = StatusCode(rawValue: 0x803B_0000)
    /// The session id is not valid.
    public static let badSessionIdInvalid = StatusCode(rawValue: 0x8025_0000)
    /// The specified secure channel is no longer valid.
    public static let badSecureChannelIdInvalid = StatusCode(rawValue: 0x8022_0000)
    /// The request could not be processed because there are too many operations.
    public static let badTooManyOperations = StatusCode(rawValue: 0x8010_0000)
    /// The operation timed out.
    public static let badTimeout = StatusCode(rawValue: 0x800A_0000)
    /// The network connection has been closed.
    public static let badConnectionClosed = StatusCode(rawValue: 0x80AE_0000)
    /// The user identity token is valid but the server has rejected it.
    public static let badIdentityTokenRejected = StatusCode(rawValue: 0x8021_0000)
    /// A low level communication error occurred.
    public static let badCommunicationError = StatusCode(rawValue: 0x8005_0000)
    /// Decoding halted because of invalid data in the stream.
    public static let badDecodingError = StatusCode(rawValue: 0x8007_0000)
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
