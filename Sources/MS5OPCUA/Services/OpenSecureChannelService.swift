/// OpenSecureChannel request (Part 4, 5.5.2), issuing or renewing a token with SecurityMode None.
struct OpenSecureChannelRequest: UARequest {
    typealias Response = OpenSecureChannelResponse
    static let encodingID: UInt32 = 446
    static let serviceName = "OpenSecureChannel"

    var renew: Bool
    var requestedLifetime: UInt32

    func encodeParameters(to writer: inout UABinaryWriter) {
        writer.write(UInt32(0)) // clientProtocolVersion
        writer.write(Int32(renew ? 1 : 0)) // requestType: Issue / Renew
        writer.write(Int32(1)) // securityMode: None
        writer.writeByteString([]) // clientNonce
        writer.write(requestedLifetime)
    }
}

/// OpenSecureChannel response carrying the security token.
struct OpenSecureChannelResponse: UAResponse {
    static let encodingID: UInt32 = 449

    var channelID: UInt32
    var tokenID: UInt32
    /// Token lifetime in milliseconds granted by the server.
    var revisedLifetime: UInt32

    init(parameters reader: inout UABinaryReader) throws(UADecodingError) {
        _ = try reader.readUInt32() // serverProtocolVersion
        channelID = try reader.readUInt32()
        tokenID = try reader.readUInt32()
        _ = try reader.readDate() // createdAt
        revisedLifetime = try reader.readUInt32()
        _ = try reader.readByteString() // serverNonce
    }
}

/// CloseSecureChannel request (Part 4, 5.5.3); the server sends no response.
struct CloseSecureChannelRequest: Sendable {
    static let encodingID: UInt32 = 452
}
