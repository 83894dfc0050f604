import Foundation
import MS5Identity
import MS5JSON

/// Builds compact JWTs by hand, independently of the library's signer.
enum TestTokens {
    static func base64URL(_ bytes: some DataProtocol) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// `base64url(header).base64url(payload).base64url(sign(signingInput))`.
    static func compact(
        header: [String: JSONValue], payload: [String: JSONValue], sign: (Data) throws -> Data
    ) throws -> String {
        let signingInput = base64URL(try CanonicalJSON.encode(.object(header))) + "."
            + base64URL(try CanonicalJSON.encode(.object(payload)))
        return signingInput + "." + base64URL(try sign(Data(signingInput.utf8)))
    }
}
