import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226) with HMAC-SHA-1, the variant
/// every authenticator app supports.
public struct TOTP: Sendable, Hashable {
    /// The shared secret.
    public let secret: Data
    /// Digits per code: 6 unless given (RFC 6238's test vectors use 8).
    public let digits: Int
    /// Seconds per time step: 30 unless given.
    public let period: Int

    /// Makes a generator for a shared secret.
    public init(secret: some DataProtocol, digits: Int = 6, period: Int = 30) {
        precondition((1...9).contains(digits), "TOTP codes have 1 to 9 digits")
        precondition(period > 0, "the TOTP period is positive")
        self.secret = Data(secret)
        self.digits = digits
        self.period = period
    }

    /// A new random 20-byte secret (the HMAC-SHA-1 output size, as RFC 4226 §4 recommends).
    public static func generateSecret() -> Data {
        SecureRandom.bytes(20)
    }

    /// The time step containing `date`: `floor(unixSeconds / period)`.
    public func timeStep(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / Double(period)).rounded(.down))
    }

    /// The code for `date`, zero-padded to ``digits``.
    public func code(at date: Date) -> String {
        code(forTimeStep: timeStep(at: date))
    }

    /// The HOTP value (RFC 4226 §5.3) for counter `timeStep`, zero-padded to ``digits``.
    public func code(forTimeStep timeStep: Int64) -> String {
        var counter = UInt64(bitPattern: timeStep).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let truncated = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(truncated % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// Checks `code` against the steps from `window` before to `window` after the one containing
    /// `date` and returns the matching step, or nil.
    ///
    /// Store the returned step and refuse any later code whose step is not greater: a code must
    /// not be accepted twice.
    public func verify(_ code: String, at date: Date, window: Int64 = 1) -> Int64? {
        let candidate = Array(code.filter { $0 != " " }.utf8)
        let current = timeStep(at: date)
        var matched: Int64?
        for step in (current - window)...(current + window) {
            if ConstantTime.equals(Array(self.code(forTimeStep: step).utf8), candidate), matched == nil {
                matched = step
            }
        }
        return matched
    }

    /// The `otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=…&algorithm=SHA1&digits=…&period=…`
    /// URI authenticator apps read from a QR code; issuer and account are percent-encoded
    /// (everything but RFC 3986 unreserved characters), the secret is unpadded Base32.
    public func provisioningURI(issuer: String, account: String) -> String {
        let label = PercentEncoding.encode(issuer) + ":" + PercentEncoding.encode(account)
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(PercentEncoding.encode(issuer))"
            + "&algorithm=SHA1&digits=\(digits)&period=\(period)"
    }
}
