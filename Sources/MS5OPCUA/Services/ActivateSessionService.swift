/// ActivateSession request (Part 4, 5.6.3) with an unsigned identity token.
struct ActivateSessionRequest: UARequest {
    typealias Response = ActivateSessionResponse
    static let encodingID: UInt32 = 467
    static let serviceName = "ActivateSession"

    var identity: UserIdentityToken

    func encodeParameters(to writer: inout UABinaryWriter) {
        writer.write(String?.none) // clientSignature.algorithm
        writer.writeByteString(nil) // clientSignature.signature
        writer.write(Int32(0)) // clientSoftwareCertificates
        writer.writeArray(["en"]) { writer, locale in writer.write(locale) }
        writer.write(identity.extensionObject)
        writer.write(String?.none) // userTokenSignature.algorithm
        writer.writeByteString(nil) // userTokenSignature.signature
    }
}

/// ActivateSession response.
struct ActivateSessionResponse: UAResponse {
    static let encodingID: UInt32 = 470

    var results: [StatusCode]

    init(parameters reader: inout UABinaryReader) throws(UADecodingError) {
        _ = try reader.readByteString() // serverNonce
        results = try reader.readArray(of: StatusCode.self)
        _ = try reader.readArray(of: DiagnosticInfo.self)
    }
}
