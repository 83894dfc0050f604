import MS5JSON

/// How the claims of a provider's ID token become a ``MappedIdentity``.
///
/// Claim paths are dotted (`realm_access.roles` reads member `roles` of object `realm_access`);
/// a path that is itself a top-level claim name (such as a URL with dots) is read as that name
/// first. A path may lead to an array of strings or to one string.
public struct ClaimMapping: Sendable, Hashable {
    /// Path of the claim listing the user's provider roles or groups, e.g. `groups`.
    public var rolesClaimPath: String
    /// Server role name for each provider role or group value; values not listed grant nothing.
    public var roleNamesByClaimValue: [String: String]
    /// Path of the claim listing site codes, if the provider sends one.
    public var sitesClaimPath: String?
    /// The claim read as the username; `sub` is used when it is missing or empty.
    public var usernameClaim: String

    /// Makes a mapping.
    public init(
        rolesClaimPath: String, roleNamesByClaimValue: [String: String], sitesClaimPath: String? = nil,
        usernameClaim: String = "preferred_username"
    ) {
        self.rolesClaimPath = rolesClaimPath
        self.roleNamesByClaimValue = roleNamesByClaimValue
        self.sitesClaimPath = sitesClaimPath
        self.usernameClaim = usernameClaim
    }

    /// Maps verified claims; throws ``JWTError/missingClaim(_:)`` when `sub` is absent.
    public func map(_ claims: JWTClaims) throws(JWTError) -> MappedIdentity {
        guard let subject = claims.subject, !subject.isEmpty else { throw .missingClaim("sub") }
        var username = subject
        if case .string(let name)? = claims.payload[usernameClaim], !name.isEmpty { username = name }
        var email: String?
        if case .string(let address)? = claims.payload["email"] { email = address }
        var roleNames: [String] = []
        for value in strings(at: rolesClaimPath, in: claims.payload) {
            if let roleName = roleNamesByClaimValue[value], !roleNames.contains(roleName) {
                roleNames.append(roleName)
            }
        }
        let siteCodes = sitesClaimPath.map { strings(at: $0, in: claims.payload) } ?? []
        return MappedIdentity(
            subject: subject, username: username, email: email, roleNames: roleNames, siteCodes: siteCodes)
    }

    private func strings(at path: String, in payload: [String: JSONValue]) -> [String] {
        var current: JSONValue? = payload[path]
        if current == nil {
            current = .object(payload)
            for name in path.split(separator: ".") {
                guard case .object(let members)? = current else { return [] }
                current = members[String(name)]
            }
        }
        switch current {
        case .string(let single)?:
            return [single]
        case .array(let values)?:
            return values.compactMap { value in
                guard case .string(let text) = value else { return nil }
                return text
            }
        default:
            return []
        }
    }
}
