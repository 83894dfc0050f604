/// Who is connected, as established by the endpoint's `authorize` closure.
public struct RealtimePrincipal: Sendable, Hashable {
    /// A stable identifier of the user or device (e.g. the token's subject).
    public var subject: String
    /// Roles or permissions the `canSubscribe` check may consult.
    public var roles: Set<String>
    /// The sign-in (session) the connection was opened with, for the endpoint's
    /// `stillAuthorized` check; nil when there is none to follow.
    public var session: String?
    /// The line, equipment and OEE topics whose events the principal may see (those of its
    /// sites); nil: every event. Events of none of these topics are not delivered, whatever the
    /// subscription (a `plant` subscription then carries only these lines' events), and these
    /// topics are the only identified ones it may subscribe to.
    public var visibleTopics: Set<RealtimeTopic>?

    /// Creates a principal.
    public init(subject: String, roles: Set<String> = [], session: String? = nil, visibleTopics: Set<RealtimeTopic>? = nil) {
        self.subject = subject
        self.roles = roles
        self.session = session
        self.visibleTopics = visibleTopics
    }

    /// Whether an event published to `topics` may reach the principal.
    public func mayReceive(_ topics: [RealtimeTopic]) -> Bool {
        guard let visibleTopics else { return true }
        return topics.contains(where: visibleTopics.contains)
    }

    /// Whether the principal may subscribe to `topic`: identified topics only when visible.
    public func maySubscribe(_ topic: RealtimeTopic) -> Bool {
        guard let visibleTopics, topic.kind.requiresIdentifier else { return true }
        return visibleTopics.contains(topic)
    }
}
