/// The rules a new password must meet.
public struct PasswordPolicy: Sendable, Equatable {
    /// Fewest characters a password may have.
    public var minimumLength: Int

    /// The default: at least 12 characters.
    public static let standard = PasswordPolicy(minimumLength: 12)

    /// Creates a policy.
    public init(minimumLength: Int) {
        self.minimumLength = minimumLength
    }

    /// Every rule `password` breaks, in words; empty when it is acceptable.
    public func problems(_ password: String, username: String) -> [String] {
        var problems: [String] = []
        if password.count < minimumLength { problems.append("must be at least \(minimumLength) characters") }
        if password.count > 128 { problems.append("must be at most 128 characters") }
        if !username.isEmpty, password.lowercased().contains(username.lowercased()) {
            problems.append("must not contain the username")
        }
        return problems
    }
}
