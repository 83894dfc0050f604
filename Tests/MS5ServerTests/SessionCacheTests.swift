import Foundation
import MS5Domain
@testable import MS5Server
import Testing

@Suite("Session cache")
struct SessionCacheTests {
    static let user = User(
        id: UUID(), username: "anna", displayName: "Anna", role: .operator, disabled: false, mustChangePassword: false,
        createdAt: Date(), updatedAt: Date())

    @Test("An answer is reused until its lifetime passes, and forgotten on sign-out and password change")
    func lifetime() async throws {
        let cache = SessionCache(lifetime: .milliseconds(200))
        let (a, b, c) = (UUID(), UUID(), UUID())
        cache.remember(Self.user, forSession: a)
        cache.remember(Self.user, forSession: b)
        #expect(cache.user(forSession: a) == Self.user)
        cache.forget(session: a)
        #expect(cache.user(forSession: a) == nil)
        #expect(cache.user(forSession: b) == Self.user)
        cache.forget(userId: Self.user.id)
        #expect(cache.user(forSession: b) == nil)
        cache.remember(Self.user, forSession: c)
        try await Task.sleep(for: .milliseconds(250))
        #expect(cache.user(forSession: c) == nil)
    }

    @Test("Past its capacity the cache starts afresh instead of growing")
    func capacity() {
        let cache = SessionCache(capacity: 2)
        let sessions = [UUID(), UUID(), UUID()]
        for session in sessions { cache.remember(Self.user, forSession: session) }
        #expect(cache.user(forSession: sessions[0]) == nil)
        #expect(cache.user(forSession: sessions[2]) == Self.user)
    }
}
