import Foundation
import MS5Domain

extension Badge: DocumentedSchema {
    static let schemaName = "Badge"
    static var schema: JSONSchema {
        .object([
            "userId": .uuid, "badge": .code, "lockedUntil": JSONSchema.dateTime.orNull, "updatedAt": .dateTime,
        ], required: ["userId", "badge", "updatedAt"])
    }
}

extension BadgeInput: DocumentedSchema {
    static let schemaName = "BadgeInput"
    static var schema: JSONSchema {
        .object(["badge": .code, "pin": BadgeSchemas.pin], required: ["badge", "pin"])
    }
}

/// What a shared tablet sends to sign someone in by badge.
struct BadgeSignInRequest: Codable, Sendable, DocumentedSchema {
    let badge: String
    let pin: String

    static let schemaName = "BadgeSignInRequest"
    static var schema: JSONSchema {
        .object(["badge": .string(maxLength: 64), "pin": .string(maxLength: PINPolicy.maximumLength)], required: ["badge", "pin"])
    }
}

/// What a signed-in user sends to change their own badge PIN: the account's password and the new PIN.
struct PINChange: Codable, Sendable, DocumentedSchema {
    let currentPassword: String
    let pin: String

    static let schemaName = "PINChange"
    static var schema: JSONSchema {
        .object(["currentPassword": .string(maxLength: 256), "pin": BadgeSchemas.pin], required: ["currentPassword", "pin"])
    }
}

/// Schema parts the badge schemas share.
enum BadgeSchemas {
    /// A PIN: 4 to 8 digits, not one digit repeated nor a run up or down.
    static let pin = JSONSchema.string(
        maxLength: PINPolicy.maximumLength, minLength: PINPolicy.minimumLength, pattern: "^[0-9]+$",
        description: "4 to 8 digits; not one digit repeated (0000) nor a run up or down (1234, 4321).")
}
