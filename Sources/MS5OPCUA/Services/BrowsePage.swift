/// One page of Browse or BrowseNext results for a node.
public struct BrowsePage: Sendable, Hashable, UABinaryDecodable {
    /// Status of the browse operation for this node.
    public var status: StatusCode
    /// Non-empty when more references are available through BrowseNext.
    public var continuationPoint: [UInt8]
    /// The references of this page.
    public var references: [ReferenceDescription]

    public init(from reader: inout UABinaryReader) throws(UADecodingError) {
        status = try reader.read()
        continuationPoint = try reader.readByteString() ?? []
        references = try reader.readArray(of: ReferenceDescription.self)
    }
}
