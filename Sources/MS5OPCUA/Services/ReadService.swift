/// Read request (Part 4, 5.10.2) returning source and server timestamps.
struct ReadRequest: UARequest {
    typealias Response = ReadResponse
    static let encodingID: UInt32 = 631
    static let serviceName = "Read"

    var nodes: [ReadValueID]

    func encodeParameters(to writer: inout UABinaryWriter) {
        writer.write(Double(0)) // maxAge: current value
        writer.write(Int32(2)) // timestampsToReturn: Both
        writer.writeArray(nodes)
    }
}

/// Read response.
struct ReadResponse: UAResponse {
    static let encodingID: UInt32 = 634

    var results: [DataValue]

    init(parameters reader: inout UABinaryReader) throws(UADecodingError) {
        results = try reader.readArray(of: DataValue.self)
        _ = try reader.readArray(of: DiagnosticInfo.self)
    }
}
