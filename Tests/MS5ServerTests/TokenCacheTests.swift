import Foundation
import MS5Domain
@testable import MS5Server
import Testing

@Suite("Token cache")
struct TokenCacheTests {
    static let user = User(
        id: UUID(), username: "anna", displayName: "Anna", role: .operator, disabled: false, mustChangePassword: false,
        createdAt: Date(), updatedAt: Date())

    @Test("An answer is reused until its lifetime or the token's expiry, and forgotten on sign-out and password change")
    func lifetime() async throws {
        let cache = TokenCache(lifetime: .milliseconds(200))
        cache.remember(Self.user, for: "a", expiresAt: Date().addingTimeInterval(60))
        cache.remember(Self.user, for: "b", expiresAt: Date().addingTimeInterval(60))
        cache.remember(Self.user, for: "expired", expiresAt: Date().addingTimeInterval(-1))
        #expect(cache.user(for: "a") == Self.user)
        #expect(cache.user(for: "expired") == nil)
        cache.forget(tokenHash: "a")
        #expect(cache.user(for: "a") == nil)
        #expect(cache.user(for: "b") == Self.user)
        cache.forget(userId: Self.user.id)
        #expect(cache.user(for: "b") == nil)
        cache.remember(Self.user, for: "c", expiresAt: Date().addingTimeInterval(60))
        try await Task.sleep(for: .milliseconds(250))
        #expect(cache.user(for: "c") == nil)
    }

    @Test("Past its capacity the cache starts afresh instead of growing")
    func capacity() {
        let cache = TokenCache(capacity: 2)
        for hash in ["a", "b", "c"] { cache.remember(Self.user, for: hash, expiresAt: Date().addingTimeInterval(60)) }
        #expect(cache.user(for: "a") == nil)
        #expect(cache.user(for: "c") == Self.user)
    }
}
