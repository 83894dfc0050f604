/// An endpoint offered by a server (Part 4, 7.14).
public struct EndpointDescription: Sendable, Hashable, UABinaryDecodable {
    /// URL of the endpoint.
    public var endpointURL: String
    /// The server application.
    public var server: ApplicationDescription
    /// 1 None, 2 Sign, 3 SignAndEncrypt.
    public var securityMode: Int32
    /// Security policy URI of the secure channel.
    public var securityPolicyURI: String
    /// Accepted user identity tokens.
    public var userIdentityTokens: [UserTokenPolicy]
    /// Transport profile URI.
    public var transportProfileURI: String

    public init(from reader: inout UABinaryReader) throws(UADecodingError) {
        endpointURL = try reader.readString() ?? ""
        server = try reader.read()
        _ = try reader.readByteString() // serverCertificate
        securityMode = try reader.readInt32()
        securityPolicyURI = try reader.readString() ?? ""
        userIdentityTokens = try reader.readArray(of: UserTokenPolicy.self)
        transportProfileURI = try reader.readString() ?? ""
        _ = try reader.readUInt8() // securityLevel
    }
}
