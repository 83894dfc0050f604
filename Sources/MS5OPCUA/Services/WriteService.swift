/// Write request (Part 4, 5.10.4) of attribute values.
struct WriteRequest: UARequest {
    typealias Response = WriteResponse
    static let encodingID: UInt32 = 673
    static let serviceName = "Write"

    var values: [(nodeID: NodeID, attribute: AttributeID, value: DataValue)]

    func encodeParameters(to writer: inout UABinaryWriter) {
        writer.writeArray(values) { writer, item in
            writer.write(item.nodeID)
            writer.write(item.attribute.rawValue)
            writer.write(String?.none) // indexRange
            writer.write(item.value)
        }
    }
}

/// Write response.
struct WriteResponse: UAResponse {
    static let encodingID: UInt32 = 676

    var results: [StatusCode]

    init(parameters reader: inout UABinaryReader) throws(UADecodingError) {
        results = try reader.readArray(of: StatusCode.self)
        _ = try reader.readArray(of: DiagnosticInfo.self)
    }
}
