/// The person acting on a human task, with what makes them eligible for it: their roles and the
/// codes of the teams they belong to.
public struct TaskActor: Sendable, Equatable {
    /// Sign-in name.
    public var username: String
    /// The person's roles.
    public var roles: Set<Role>
    /// Codes of the teams the person is a member of.
    public var teams: Set<String>

    /// Creates an actor.
    public init(username: String, roles: Set<Role>, teams: Set<String> = []) {
        self.username = username
        self.roles = roles
        self.teams = teams
    }

    /// Whether `username` names this person; usernames are compared case-insensitively, as at
    /// sign-in.
    public func isUser(_ username: String?) -> Bool {
        username?.lowercased() == self.username.lowercased()
    }
}
