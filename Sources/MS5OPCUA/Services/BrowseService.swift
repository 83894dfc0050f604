/// Browse request (Part 4, 5.8.2) for one node.
struct BrowseRequest: UARequest {
    typealias Response = BrowseResponse
    static let encodingID: UInt32 = 527
    static let serviceName = "Browse"

    var nodeID: NodeID
    var direction: BrowseDirection
    var referenceTypeID: NodeID
    var includeSubtypes: Bool
    var maxReferencesPerNode: UInt32

    func encodeParameters(to writer: inout UABinaryWriter) {
        writer.write(NodeID.null) // view.viewId
        writer.write(Int64(0)) // view.timestamp
        writer.write(UInt32(0)) // view.viewVersion
        writer.write(maxReferencesPerNode)
        writer.write(Int32(1))
        writer.write(nodeID)
        writer.write(direction.rawValue)
        writer.write(referenceTypeID)
        writer.write(includeSubtypes)
        writer.write(UInt32(0)) // nodeClassMask: all
        writer.write(UInt32(0x3F)) // resultMask: all fields
    }
}

/// Browse and BrowseNext response.
struct BrowseResponse: UAResponse {
    static let encodingID: UInt32 = 530

    var results: [BrowsePage]

    init(parameters reader: inout UABinaryReader) throws(UADecodingError) {
        results = try reader.readArray(of: BrowsePage.self)
        _ = try reader.readArray(of: DiagnosticInfo.self)
    }
}

/// BrowseNext request (Part 4, 5.8.3).
struct BrowseNextRequest: UARequest {
    typealias Response = BrowseNextResponse
    static let encodingID: UInt32 = 533
    static let serviceName = "BrowseNext"

    var releaseContinuationPoints: Bool
    var continuationPoints: [[UInt8]]

    func encodeParameters(to writer: inout UABinaryWriter) {
        writer.write(releaseContinuationPoints)
        writer.writeArray(continuationPoints) { writer, point in writer.writeByteString(point) }
    }
}

/// BrowseNext response; same shape as Browse's.
struct BrowseNextResponse: UAResponse {
    static let encodingID: UInt32 = 536

    var results: [BrowsePage]

    init(parameters reader: inout UABinaryReader) throws(UADecodingError) {
        results = try BrowseResponse(parameters: &reader).results
    }
}
