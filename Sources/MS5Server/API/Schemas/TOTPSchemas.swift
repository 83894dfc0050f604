import Foundation

/// A started TOTP enrolment: the secret for typing in, and the URI for a QR code.
struct TOTPEnrolment: Codable, Sendable, DocumentedSchema {
    /// The shared secret, Base32 without padding.
    let secret: String
    /// `otpauth://totp/…`, what authenticator apps read from a QR code.
    let otpauthURI: String

    static let schemaName = "TOTPEnrolment"
    static var schema: JSONSchema {
        .object(["secret": .plainString, "otpauthURI": .plainString], required: ["secret", "otpauthURI"])
    }
}

/// What a client sends to confirm a TOTP enrolment: a current code of the authenticator.
struct TOTPConfirmation: Codable, Sendable, DocumentedSchema {
    let code: String

    static let schemaName = "TOTPConfirmation"
    static var schema: JSONSchema {
        .object(["code": .string(maxLength: 6, minLength: 6, pattern: "^[0-9]{6}$")], required: ["code"])
    }
}

/// The recovery codes of a confirmed TOTP factor, shown this once: each signs in once instead of a code.
struct RecoveryCodeList: Codable, Sendable, DocumentedSchema {
    let recoveryCodes: [String]

    static let schemaName = "RecoveryCodeList"
    static var schema: JSONSchema {
        .object(["recoveryCodes": .array(of: .plainString)], required: ["recoveryCodes"])
    }
}

/// What a client sends to turn TOTP off: the account's password.
struct TOTPRemoval: Codable, Sendable, DocumentedSchema {
    let password: String

    static let schemaName = "TOTPRemoval"
    static var schema: JSONSchema {
        .object(["password": .string(maxLength: 256)], required: ["password"])
    }
}
