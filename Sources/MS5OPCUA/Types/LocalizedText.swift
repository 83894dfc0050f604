/// Human-readable text with an optional locale (Part 6, 5.2.2.14).
public struct LocalizedText: Sendable, Hashable, CustomStringConvertible, UABinaryCodable {
    /// Locale such as `en-US`, if given.
    public var locale: String?
    /// The text, if given.
    public var text: String?

    /// Creates localized text.
    public init(_ text: String?, locale: String? = nil) {
        self.text = text
        self.locale = locale
    }

    public var description: String { text ?? "" }

    public func encode(to writer: inout UABinaryWriter) {
        var mask: UInt8 = 0
        if locale != nil { mask |= 0x01 }
        if text != nil { mask |= 0x02 }
        writer.write(mask)
        if let locale { writer.write(locale) }
        if let text { writer.write(text) }
    }

    public init(from reader: inout UABinaryReader) throws(UADecodingError) {
        let mask = try reader.readUInt8()
        locale = mask & 0x01 != 0 ? try reader.readString() : nil
        text = mask & 0x02 != 0 ? try reader.readString() : nil
    }
}
