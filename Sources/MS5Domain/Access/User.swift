import Foundation

/// A local account. The password hash never leaves storage: this type does not carry it.
public struct User: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    /// Sign-in name, unique, compared case-insensitively.
    public var username: String
    public var displayName: String
    public var role: Role
    /// A disabled account cannot sign in; its history stays.
    public var disabled: Bool
    /// True after an administrator set a temporary password: the next sign-in must change it.
    public var mustChangePassword: Bool
    /// True once the account confirmed a TOTP second factor: signing in then needs a code.
    public var totpEnabled: Bool
    /// True for an account of the OpenID provider: made on its first request, no password here.
    public var external: Bool
    public let createdAt: Date
    public var updatedAt: Date

    /// Creates a user record.
    public init(
        id: UUID, username: String, displayName: String, role: Role, disabled: Bool, mustChangePassword: Bool,
        totpEnabled: Bool = false, external: Bool = false, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.disabled = disabled
        self.mustChangePassword = mustChangePassword
        self.totpEnabled = totpEnabled
        self.external = external
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
