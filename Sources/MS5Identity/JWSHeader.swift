import MS5JSON

/// The protected header of a JWS (RFC 7515 §4): the members a verifier decides on.
public struct JWSHeader: Sendable, Hashable {
    /// `alg`: the signature algorithm, e.g. `RS256`, `ES256`, `HS256`.
    public var algorithm: String
    /// `kid`: which key of the issuer signed the token, if named.
    public var keyID: String?
    /// `typ`: the media type of the token, usually `JWT`.
    public var type: String?

    /// Makes a header from its members.
    public init(algorithm: String, keyID: String? = nil, type: String? = "JWT") {
        self.algorithm = algorithm
        self.keyID = keyID
        self.type = type
    }

    /// Reads the header members from a decoded header object.
    init(json: [String: JSONValue]) throws(JWTError) {
        guard case .string(let algorithm)? = json["alg"] else { throw .invalidMember("alg") }
        self.algorithm = algorithm
        self.keyID = try json.optionalString("kid")
        self.type = try json.optionalString("typ")
    }

    /// The header as a JSON object, for signing.
    var json: JSONValue {
        var members: [String: JSONValue] = ["alg": .string(algorithm)]
        if let keyID { members["kid"] = .string(keyID) }
        if let type { members["typ"] = .string(type) }
        return .object(members)
    }
}

extension [String: JSONValue] {
    /// The string member `name`, nil when absent or null; throws when it has another type.
    func optionalString(_ name: String) throws(JWTError) -> String? {
        switch self[name] {
        case nil, .null?: nil
        case .string(let value)?: value
        default: throw .invalidMember(name)
        }
    }

    /// The numeric member `name`, nil when absent or null; throws when it has another type.
    func optionalNumber(_ name: String) throws(JWTError) -> Double? {
        switch self[name] {
        case nil, .null?: nil
        case .number(let value)?: value
        default: throw .invalidMember(name)
        }
    }
}
