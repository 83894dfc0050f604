import Foundation

/// Random bytes from the system's cryptographically secure generator.
enum SecureRandom {
    /// Returns `count` random bytes.
    static func bytes(_ count: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}
