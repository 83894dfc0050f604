/// Why a node id text could not be parsed; the description names the offending text.
public enum NodeIDParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `ns=` was not followed by `;`.
    case missingSeparator(String)
    /// The namespace index is not a number in 0...65535.
    case invalidNamespace(String)
    /// The identifier does not start with `i=`, `s=`, `g=` or `b=`.
    case missingIdentifierType(String)
    /// The `i=` value is not a number in 0...4294967295.
    case invalidNumeric(String)
    /// The `s=` value is empty.
    case emptyString(String)
    /// The `g=` value is not a GUID like `09087e75-8e5e-499b-954f-f2a9603db28a`.
    case invalidGuid(String)
    /// The `b=` value is not valid base64.
    case invalidOpaque(String)

    public var description: String {
        switch self {
        case let .missingSeparator(text):
            "invalid node id '\(text)': expected ';' after the namespace index (e.g. ns=2;s=Line1.Counter)"
        case let .invalidNamespace(text):
            "invalid node id '\(text)': namespace index must be a number from 0 to 65535"
        case let .missingIdentifierType(text):
            "invalid node id '\(text)': identifier must start with i=, s=, g= or b="
        case let .invalidNumeric(text):
            "invalid node id '\(text)': numeric identifier must be a number from 0 to 4294967295"
        case let .emptyString(text):
            "invalid node id '\(text)': string identifier is empty"
        case let .invalidGuid(text):
            "invalid node id '\(text)': GUID identifier must look like 09087e75-8e5e-499b-954f-f2a9603db28a"
        case let .invalidOpaque(text):
            "invalid node id '\(text)': opaque identifier must be base64"
        }
    }
}
