import Foundation
import MS5Domain

extension Role: DocumentedSchema {
    static let schemaName = "Role"
    static var schema: JSONSchema { .enumeration(Role.allCases.map(\.rawValue)) }
}

extension User: DocumentedSchema {
    static let schemaName = "User"
    static var referencedSchemas: [any DocumentedSchema.Type] { [Role.self] }
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "username": .code, "displayName": .name, "role": .ref("Role"),
            "disabled": .boolean, "mustChangePassword": .boolean, "totpEnabled": .boolean, "external": .boolean, "createdAt": .dateTime, "updatedAt": .dateTime,
        ], required: ["id", "username", "displayName", "role", "disabled", "mustChangePassword", "totpEnabled", "external", "createdAt", "updatedAt"])
    }
}

extension UserInput: DocumentedSchema {
    static let schemaName = "UserInput"
    static var referencedSchemas: [any DocumentedSchema.Type] { [Role.self] }
    static var schema: JSONSchema {
        .object([
            "username": .code, "displayName": .name, "role": .ref("Role"),
            "password": .string(maxLength: 128, minLength: PasswordPolicy.standard.minimumLength),
        ], required: ["username", "displayName", "role", "password"])
    }
}

/// What a client sends to sign in.
struct LoginRequest: Codable, Sendable, DocumentedSchema {
    let username: String
    let password: String
    /// For an account with TOTP: the authenticator's current code, or one of the recovery codes.
    let totp: String?

    static let schemaName = "LoginRequest"
    static var schema: JSONSchema {
        .object([
            "username": .string(maxLength: 64), "password": .string(maxLength: 256),
            "totp": .string(maxLength: 32, description: "The 6-digit code of the authenticator app, or a recovery code (used up)."),
        ], required: ["username", "password"])
    }
}

/// The answer to a successful sign-in or refresh: a short-lived access token and the refresh
/// token that gets the next one.
struct LoginResponse: Codable, Sendable, DocumentedSchema {
    /// The access token (a JWT) for `Authorization: Bearer …`.
    let token: String
    let tokenType: String
    /// When the access token stops being accepted.
    let expiresAt: Date
    /// The one-time token `POST /v1/auth/refresh` takes for the next tokens.
    let refreshToken: String
    /// When the session ends, however active: then sign in again.
    let refreshExpiresAt: Date
    let user: User

    static let schemaName = "LoginResponse"
    static var referencedSchemas: [any DocumentedSchema.Type] { [User.self] }
    static var schema: JSONSchema {
        .object([
            "token": .plainString, "tokenType": .enumeration(["Bearer"]), "expiresAt": .dateTime,
            "refreshToken": .plainString, "refreshExpiresAt": .dateTime, "user": .ref("User"),
        ], required: ["token", "tokenType", "expiresAt", "refreshToken", "refreshExpiresAt", "user"])
    }
}

/// What a client sends to exchange its refresh token for new tokens.
struct RefreshRequest: Codable, Sendable, DocumentedSchema {
    let refreshToken: String

    static let schemaName = "RefreshRequest"
    static var schema: JSONSchema {
        .object(["refreshToken": .string(maxLength: 128)], required: ["refreshToken"])
    }
}

/// What the floor app sends to swap the one-time code of a provider sign-in for tokens.
struct OIDCHandoff: Codable, Sendable, DocumentedSchema {
    let code: String

    static let schemaName = "OIDCHandoff"
    static var schema: JSONSchema {
        .object(["code": .string(maxLength: 128)], required: ["code"])
    }
}

/// What a signed-in user sends to change their own password.
struct PasswordChange: Codable, Sendable, DocumentedSchema {
    let currentPassword: String
    let newPassword: String

    static let schemaName = "PasswordChange"
    static var schema: JSONSchema {
        .object([
            "currentPassword": .string(maxLength: 256),
            "newPassword": .string(maxLength: 128, minLength: PasswordPolicy.standard.minimumLength),
        ], required: ["currentPassword", "newPassword"])
    }
}

extension Team: DocumentedSchema {
    static let schemaName = "Team"
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "code": .code, "name": .name, "members": .array(of: .code), "createdAt": .dateTime, "updatedAt": .dateTime,
        ], required: ["id", "code", "name", "members", "createdAt", "updatedAt"])
    }
}

extension TeamInput: DocumentedSchema {
    static let schemaName = "TeamInput"
    static var schema: JSONSchema {
        .object(["code": .code, "name": .name, "members": .array(of: .string(maxLength: 64))], required: ["code", "name", "members"],
                description: "members: usernames of existing accounts.")
    }
}
