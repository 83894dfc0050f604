/// Who is connected, as established by the endpoint's `authorize` closure.
public struct RealtimePrincipal: Sendable, Hashable {
    /// A stable identifier of the user or device (e.g. the token's subject).
    public var subject: String
    /// Roles or permissions the `canSubscribe` check may consult.
    public var roles: Set<String>
    /// The sign-in (session) the connection was opened with, for the endpoint's
    /// `stillAuthorized` check; nil when there is none to follow.
    public var session: String?

    /// Creates a principal.
    public init(subject: String, roles: Set<String> = [], session: String? = nil) {
        self.subject = subject
        self.roles = roles
        self.session = session
    }
}
