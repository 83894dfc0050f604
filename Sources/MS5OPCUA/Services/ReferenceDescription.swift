/// One reference returned by Browse (Part 4, 7.30).
public struct ReferenceDescription: Sendable, Hashable, UABinaryDecodable {
    /// Type of the reference, e.g. `i=35` Organizes.
    public var referenceTypeID: NodeID
    /// True for a forward reference.
    public var isForward: Bool
    /// The target node.
    public var nodeID: ExpandedNodeID
    /// Browse name of the target.
    public var browseName: QualifiedName
    /// Display name of the target.
    public var displayName: LocalizedText
    /// Node class of the target.
    public var nodeClass: NodeClass
    /// Type definition of the target (objects and variables).
    public var typeDefinition: ExpandedNodeID

    public init(from reader: inout UABinaryReader) throws(UADecodingError) {
        referenceTypeID = try reader.read()
        isForward = try reader.readBool()
        nodeID = try reader.read()
        browseName = try reader.read()
        displayName = try reader.read()
        nodeClass = NodeClass(rawValue: try reader.readInt32()) ?? .unspecified
        typeDefinition = try reader.read()
    }
}
