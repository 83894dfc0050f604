/// How a server accepts a kind of user identity token on an endpoint (Part 4, 7.41).
public struct UserTokenPolicy: Sendable, Hashable, UABinaryDecodable {
    /// Kind of user identity token.
    public enum TokenType: Int32, Sendable, Hashable {
        case anonymous = 0, userName, certificate, issuedToken
    }

    /// The id the client must put into its identity token.
    public var policyID: String
    /// Kind of token; `nil` if the server sent an unknown value.
    public var tokenType: TokenType?
    /// Security policy for encrypting the token; `nil` or `…#None` means the token is sent as is.
    public var securityPolicyURI: String?

    public init(from reader: inout UABinaryReader) throws(UADecodingError) {
        policyID = try reader.readString() ?? ""
        tokenType = TokenType(rawValue: try reader.readInt32())
        _ = try reader.readString() // issuedTokenType
        _ = try reader.readString() // issuerEndpointUrl
        securityPolicyURI = try reader.readString()
    }
}
