import HummingbirdBcrypt
import NIOPosix

/// Hashes and checks passwords with bcrypt, off the event loops: a hash takes tens to hundreds
/// of milliseconds by design.
struct PasswordHasher: Sendable {
    /// The bcrypt cost (log2 of the rounds).
    let cost: UInt8

    /// Hashes `password` with a fresh salt.
    func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`.
    func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
