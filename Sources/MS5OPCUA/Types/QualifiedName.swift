/// A name qualified by a namespace index, used for browse names (Part 6, 5.2.2.13).
public struct QualifiedName: Sendable, Hashable, CustomStringConvertible, UABinaryCodable {
    /// Namespace index of the name.
    public var namespace: UInt16
    /// The name text.
    public var name: String

    /// Creates a qualified name.
    public init(namespace: UInt16 = 0, _ name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// Text form `ns:name`, or just `name` in namespace 0.
    public var description: String { namespace == 0 ? name : "\(namespace):\(name)" }

    public func encode(to writer: inout UABinaryWriter) {
        writer.write(namespace)
        writer.write(name)
    }

    public init(from reader: inout UABinaryReader) throws(UADecodingError) {
        namespace = try reader.readUInt16()
        name = try reader.readString() ?? ""
    }
}
