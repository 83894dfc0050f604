/// CloseSession request (Part 4, 5.6.4).
struct CloseSessionRequest: UARequest {
    typealias Response = CloseSessionResponse
    static let encodingID: UInt32 = 473
    static let serviceName = "CloseSession"

    var deleteSubscriptions: Bool

    func encodeParameters(to writer: inout UABinaryWriter) {
        writer.write(deleteSubscriptions)
    }
}

/// CloseSession response (only the header).
struct CloseSessionResponse: UAResponse {
    static let encodingID: UInt32 = 476

    init(parameters reader: inout UABinaryReader) throws(UADecodingError) {}
}
