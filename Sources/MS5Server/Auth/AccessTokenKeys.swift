import Crypto
import Foundation
import MS5Identity
import MS5Storage
import Synchronization

/// The signer of the server's own access tokens, with the HS256 secret every instance on the
/// database shares: made once, stored in the database, read on first use and then kept in memory.
final class AccessTokenKeys: Sendable {
    /// The name the secret is stored under.
    static let secretName = "access-token-hs256"

    private let store: ServerSecretStore
    private let leeway: TimeInterval
    private let loaded = Mutex<AccessTokenSigner?>(nil)

    /// Keys over the secrets of `database`; tokens are accepted up to `leeway` past their expiry.
    init(database: Database, leeway: TimeInterval = 5) {
        self.store = ServerSecretStore(database: database)
        self.leeway = leeway
    }

    /// The signer, reading (or, on the very first start, making) the secret when not yet loaded.
    func signer() async throws -> AccessTokenSigner {
        if let signer = loaded.withLock({ $0 }) { return signer }
        let secret = try await store.secret(named: Self.secretName) {
            SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        }
        let signer = try AccessTokenSigner(secret: secret, leeway: leeway)
        loaded.withLock { $0 = signer }
        return signer
    }
}
