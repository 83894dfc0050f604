import Crypto
import Foundation

/// The signature on a webhook body: HMAC-SHA256 over `timestamp.body` with the endpoint's secret,
/// sent as `X-MS5-Signature: sha256=<hex>` next to `X-MS5-Timestamp`. A receiver recomputes it
/// with its copy of the secret and compares in constant time; the timestamp lets it refuse replays.
public enum WebhookSignature {
    /// The header value for `body` sent at `timestamp` (seconds since 1970).
    public static func header(body: Data, timestamp: Int, secret: String) -> String {
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `header` is the signature of `body` at `timestamp` under `secret`.
    public static func verify(header: String, body: Data, timestamp: Int, secret: String) -> Bool {
        guard header.hasPrefix("sha256="), let given = Data(hex: String(header.dropFirst(7))) else { return false }
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: message, using: SymmetricKey(data: Data(secret.utf8)))
    }
}

extension Data {
    /// Bytes from lower- or upper-case hex, nil when the text is not hex.
    init?(hex: String) {
        guard hex.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(bytes)
    }
}
