/// What an administrator sends to create an account.
public struct UserInput: Codable, Sendable, Equatable {
    public var username: String
    public var displayName: String
    public var role: Role
    public var password: String

    /// Creates the input for an account.
    public init(username: String, displayName: String, role: Role, password: String) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.password = password
    }

    /// Refuses the input with every field at fault.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.check(Validator.isCode(username), "username", "must be 1–32 letters, digits, '-', '_' or '.'")
        v.text(displayName, "displayName", maxLength: PlantLimits.name)
        for reason in PasswordPolicy.standard.problems(password, username: username) {
            v.check(false, "password", reason)
        }
        try v.finish()
    }
}
