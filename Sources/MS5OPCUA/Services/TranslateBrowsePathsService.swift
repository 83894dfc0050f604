/// TranslateBrowsePathsToNodeIds request (Part 4, 5.8.4) for one path along hierarchical references.
struct TranslateBrowsePathsRequest: UARequest {
    typealias Response = TranslateBrowsePathsResponse
    static let encodingID: UInt32 = 554
    static let serviceName = "TranslateBrowsePathsToNodeIds"

    /// HierarchicalReferences, which covers Organizes, HasComponent, HasProperty and their subtypes.
    static let hierarchicalReferences = NodeID(numeric: 33)

    var startingNode: NodeID
    var path: [QualifiedName]

    func encodeParameters(to writer: inout UABinaryWriter) {
        writer.write(Int32(1))
        writer.write(startingNode)
        writer.writeArray(path) { writer, name in
            writer.write(Self.hierarchicalReferences)
            writer.write(false) // isInverse
            writer.write(true) // includeSubtypes
            writer.write(name)
        }
    }
}

/// TranslateBrowsePathsToNodeIds response.
struct TranslateBrowsePathsResponse: UAResponse {
    static let encodingID: UInt32 = 557

    /// Per path: status and matched targets.
    var results: [(status: StatusCode, targets: [ExpandedNodeID])]

    init(parameters reader: inout UABinaryReader) throws(UADecodingError) {
        results = try reader.readArray { (reader: inout UABinaryReader) throws(UADecodingError) in
            let status = try reader.read(StatusCode.self)
            let targets = try reader.readArray { (reader: inout UABinaryReader) throws(UADecodingError) in
                let target = try reader.read(ExpandedNodeID.self)
                _ = try reader.readUInt32() // remainingPathIndex
                return target
            }
            return (status, targets)
        }
        _ = try reader.readArray(of: DiagnosticInfo.self)
    }
}
