/// DeleteSubscriptions request (Part 4, 5.13.8).
struct DeleteSubscriptionsRequest: UARequest {
    typealias Response = DeleteSubscriptionsResponse
    static let encodingID: UInt32 = 847
    static let serviceName = "DeleteSubscriptions"

    var subscriptionIDs: [UInt32]

    func encodeParameters(to writer: inout UABinaryWriter) {
        writer.writeArray(subscriptionIDs) { writer, id in writer.write(id) }
    }
}

/// DeleteSubscriptions response.
struct DeleteSubscriptionsResponse: UAResponse {
    static let encodingID: UInt32 = 850

    var results: [StatusCode]

    init(parameters reader: inout UABinaryReader) throws(UADecodingError) {
        results = try reader.readArray(of: StatusCode.self)
        _ = try reader.readArray(of: DiagnosticInfo.self)
    }
}
