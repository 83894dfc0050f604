/// Who an external ID token says the user is, in the server's terms.
public struct MappedIdentity: Sendable, Hashable {
    /// The provider's `sub`: the stable key of the user at the provider.
    public var subject: String
    /// The login name to show and match local users by.
    public var username: String
    /// The `email` claim, if present.
    public var email: String?
    /// Role names (as the server spells them) granted by the mapping, in first-seen order.
    public var roleNames: [String]
    /// Site codes the user may act on, as the token lists them.
    public var siteCodes: [String]

    /// Makes an identity from its parts.
    public init(subject: String, username: String, email: String?, roleNames: [String], siteCodes: [String]) {
        self.subject = subject
        self.username = username
        self.email = email
        self.roleNames = roleNames
        self.siteCodes = siteCodes
    }
}
