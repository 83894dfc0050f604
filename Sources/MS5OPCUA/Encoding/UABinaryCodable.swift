/// A type that can write itself in OPC UA Binary encoding.
public protocol UABinaryEncodable: Sendable {
    /// Appends the binary encoding of `self` to `writer`.
    func encode(to writer: inout UABinaryWriter)
}

/// A type that can be read from OPC UA Binary encoding.
public protocol UABinaryDecodable: Sendable {
    /// Reads a value from `reader`, consuming exactly its encoding.
    init(from reader: inout UABinaryReader) throws(UADecodingError)
}

/// A type that can be both written and read in OPC UA Binary encoding.
public typealias UABinaryCodable = UABinaryEncodable & UABinaryDecodable
