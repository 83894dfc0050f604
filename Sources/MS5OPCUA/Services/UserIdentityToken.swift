/// The user identity presented in ActivateSession (Part 4, 7.41), without encryption (token policy None).
enum UserIdentityToken: Sendable {
    case anonymous(policyID: String)
    case userName(policyID: String, user: String, password: String)

    private struct Anonymous: UABinaryEncodable {
        var policyID: String
        func encode(to writer: inout UABinaryWriter) { writer.write(policyID) }
    }

    private struct UserName: UABinaryEncodable {
        var policyID: String
        var user: String
        var password: String
        func encode(to writer: inout UABinaryWriter) {
            writer.write(policyID)
            writer.write(user)
            writer.writeByteString(Array(password.utf8))
            writer.write(String?.none) // encryptionAlgorithm: none
        }
    }

    /// The token wrapped as the ExtensionObject that ActivateSession carries.
    var extensionObject: ExtensionObject {
        switch self {
        case let .anonymous(policyID):
            ExtensionObject(typeID: 321, encoding: Anonymous(policyID: policyID))
        case let .userName(policyID, user, password):
            ExtensionObject(typeID: 324, encoding: UserName(policyID: policyID, user: user, password: password))
        }
    }
}
