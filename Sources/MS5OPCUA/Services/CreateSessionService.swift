/// CreateSession request (Part 4, 5.6.2).
struct CreateSessionRequest: UARequest {
    typealias Response = CreateSessionResponse
    static let encodingID: UInt32 = 461
    static let serviceName = "CreateSession"

    var clientDescription: ApplicationDescription
    var endpointURL: String
    var sessionName: String
    var clientNonce: [UInt8]
    var requestedSessionTimeout: Double

    func encodeParameters(to writer: inout UABinaryWriter) {
        writer.write(clientDescription)
        writer.write(String?.none) // serverUri
        writer.write(endpointURL)
        writer.write(sessionName)
        writer.writeByteString(clientNonce)
        writer.writeByteString(nil) // clientCertificate
        writer.write(requestedSessionTimeout)
        writer.write(UInt32(0)) // maxResponseMessageSize: no limit
    }
}

/// CreateSession response.
struct CreateSessionResponse: UAResponse {
    static let encodingID: UInt32 = 464

    var sessionID: NodeID
    var authenticationToken: NodeID
    var revisedSessionTimeout: Double
    var serverEndpoints: [EndpointDescription]

    init(parameters reader: inout UABinaryReader) throws(UADecodingError) {
        sessionID = try reader.read()
        authenticationToken = try reader.read()
        revisedSessionTimeout = try reader.readDouble()
        _ = try reader.readByteString() // serverNonce
        _ = try reader.readByteString() // serverCertificate
        serverEndpoints = try reader.readArray(of: EndpointDescription.self)
        _ = try reader.readArray { (reader: inout UABinaryReader) throws(UADecodingError) in
            (try reader.readByteString(), try reader.readByteString()) // SignedSoftwareCertificate
        }
        _ = try reader.readString() // serverSignature.algorithm
        _ = try reader.readByteString() // serverSignature.signature
        _ = try reader.readUInt32() // maxRequestMessageSize
    }
}
