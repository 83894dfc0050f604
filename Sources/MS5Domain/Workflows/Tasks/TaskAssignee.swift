/// Who a human task is for: one person, everyone with a role, or every member of a team.
///
/// People are named by username and teams by code, as escalation levels and team membership
/// name them. The JSON form is one string, `user:anna`, `role:maintenance` or `team:MAINT-A`,
/// the same form as ``EscalationLevel/appRecipients``.
public enum TaskAssignee: Sendable, Equatable, Hashable {
    /// The person with this username.
    case user(String)
    /// Everyone with this role.
    case role(Role)
    /// Every member of the team with this code.
    case team(String)

    /// Reads `user:…`, `role:…` or `team:…`; nil for any other text, an unknown role, or an
    /// empty name.
    public init?(recipient: String) {
        guard let colon = recipient.firstIndex(of: ":") else { return nil }
        let name = String(recipient[recipient.index(after: colon)...])
        guard !name.isEmpty else { return nil }
        switch recipient[..<colon] {
        case "user": self = .user(name)
        case "role":
            guard let role = Role(rawValue: name) else { return nil }
            self = .role(role)
        case "team": self = .team(name)
        default: return nil
        }
    }

    /// `user:anna`, `role:maintenance` or `team:MAINT-A`.
    public var recipient: String {
        switch self {
        case .user(let username): "user:\(username)"
        case .role(let role): "role:\(role.rawValue)"
        case .team(let code): "team:\(code)"
        }
    }

    /// Whether `actor` is among the people this names: the user (username compared
    /// case-insensitively, as at sign-in), anyone holding the role, any member of the team.
    public func includes(_ actor: TaskActor) -> Bool {
        switch self {
        case .user(let username): actor.isUser(username)
        case .role(let role): actor.roles.contains(role)
        case .team(let code): actor.teams.contains(code)
        }
    }
}

extension TaskAssignee: Codable {
    /// Decodes `user:…`, `role:…` or `team:…`, saying which forms are allowed otherwise.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let assignee = TaskAssignee(recipient: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "must be user:<username>, role:<role> or team:<team code>")
        }
        self = assignee
    }

    /// Encodes ``recipient``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(recipient)
    }
}

extension TaskAssignee {
    /// Checks the name: a username of 1–64 characters or a team code.
    func check(_ validator: inout Validator, field: String) {
        switch self {
        case .user(let username): validator.text(username, field, maxLength: 64)
        case .role: break
        case .team(let code): validator.code(code, field)
        }
    }
}
