/// Vendor diagnostics attached to a result (Part 6, 5.2.2.12); kept only as far as a client needs.
public struct DiagnosticInfo: Sendable, Hashable, UABinaryDecodable {
    /// Additional diagnostic text, if the server sent some.
    public var additionalInfo: String?
    /// Inner status code, if the server sent one.
    public var innerStatusCode: StatusCode?

    public init(from reader: inout UABinaryReader) throws(UADecodingError) {
        let mask = try reader.readUInt8()
        // SymbolicId, NamespaceUri, Locale and LocalizedText are string-table indices (Int32 each).
        for bit: UInt8 in [0x01, 0x02, 0x08, 0x04] where mask & bit != 0 {
            _ = try reader.readInt32()
        }
        additionalInfo = mask & 0x10 != 0 ? try reader.readString() : nil
        innerStatusCode = mask & 0x20 != 0 ? StatusCode(rawValue: try reader.readUInt32()) : nil
        if mask & 0x40 != 0 {
            _ = try DiagnosticInfo(from: &reader)
        }
    }
}
