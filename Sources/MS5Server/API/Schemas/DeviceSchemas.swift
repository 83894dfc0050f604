import Foundation
import MS5Domain

extension Device: DocumentedSchema {
    static let schemaName = "Device"
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "name": .name, "siteId": JSONSchema.uuid.orNull, "createdAt": .dateTime,
            "lastSignInAt": JSONSchema.dateTime.orNull, "revokedAt": JSONSchema.dateTime.orNull,
        ], required: ["id", "name", "createdAt"])
    }
}

extension DeviceInput: DocumentedSchema {
    static let schemaName = "DeviceInput"
    static var schema: JSONSchema {
        .object(["name": .name, "siteId": JSONSchema.uuid.orNull], required: ["name"])
    }
}

/// The answer to registering a tablet: the device and its token, shown this once.
struct DeviceRegistration: Codable, Sendable, DocumentedSchema {
    let device: Device
    /// What the tablet sends as `X-Device-Token` when someone signs in on it by badge.
    let token: String

    static let schemaName = "DeviceRegistration"
    static var referencedSchemas: [any DocumentedSchema.Type] { [Device.self] }
    static var schema: JSONSchema {
        .object([
            "device": .ref("Device"),
            "token": .string(description: "The device token for 'X-Device-Token', shown this once; ms5 keeps only its hash."),
        ], required: ["device", "token"])
    }
}
