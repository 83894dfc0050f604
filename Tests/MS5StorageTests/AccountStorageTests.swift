import Foundation
import MS5Domain
import MS5Storage
import MS5TestSupport
import Testing

@Suite("Account storage")
struct AccountStorageTests {
    @Test("Usernames are unique regardless of case; the hash is kept apart from the record", arguments: TestDatabases.kinds)
    func users(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let users = UserRepository(database: database)
            let input = UserInput(username: "Anna", displayName: "Anna Operator", role: .operator, password: "long enough password")
            let anna = try await users.create(input, passwordHash: "hash-1", mustChangePassword: true)
            #expect(anna.username == "anna")
            let duplicate = await #expect(throws: DomainError.self) {
                try await users.create(UserInput(username: "ANNA", displayName: "x", role: .viewer, password: "long enough password"),
                                       passwordHash: "h", mustChangePassword: false)
            }
            #expect(duplicate?.code == .conflict)
            let found = try #require(try await users.credentials(username: "ANNA"))
            #expect(found.user == anna)
            #expect(found.passwordHash == "hash-1")
            let reset = try await users.setPassword(username: "anna", passwordHash: "hash-2", mustChangePassword: false)
            #expect(reset.mustChangePassword == false)
            #expect(try await users.credentials(username: "anna")?.passwordHash == "hash-2")
        }
    }

    @Test("A session is live until it expires or is revoked; its refresh token rotates once", arguments: TestDatabases.kinds)
    func sessions(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let user = try await UserRepository(database: database).create(
                UserInput(username: "bob", displayName: "Bob", role: .engineer, password: "long enough password"),
                passwordHash: "h", mustChangePassword: false)
            let sessions = SessionRepository(database: database)
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let live = try await sessions.start(userId: user.id, refreshTokenHash: "r1", now: now, expiresAt: now.addingTimeInterval(3600))
            let old = try await sessions.start(userId: user.id, refreshTokenHash: "o1", now: now, expiresAt: now.addingTimeInterval(60))
            #expect(try await sessions.live(live, at: now.addingTimeInterval(120))?.user.id == user.id)
            #expect(try await sessions.live(old, at: now.addingTimeInterval(120)) == nil)

            #expect(try await sessions.rotate("r1", to: "r2", sessionId: live, now: now.addingTimeInterval(10)))
            #expect(try await sessions.rotate("r1", to: "r3", sessionId: live, now: now.addingTimeInterval(11)) == false)
            #expect(try await sessions.refreshToken(hash: "r1")?.state == .rotated)
            let current = try await sessions.refreshToken(hash: "r2")
            #expect(current?.state == .active && current?.lastSeenAt == now.addingTimeInterval(10) && current?.revokedAt == nil)
            #expect(try await sessions.refreshToken(hash: "r3") == nil)

            #expect(try await sessions.purgeExpired(at: now.addingTimeInterval(120)) == 1)
            #expect(try await sessions.refreshToken(hash: "o1") == nil)
            try await sessions.revoke(live, reason: "signed-out", at: now.addingTimeInterval(20))
            #expect(try await sessions.live(live, at: now.addingTimeInterval(30)) == nil)
            #expect(try await sessions.refreshToken(hash: "r2")?.revokedAt == now.addingTimeInterval(20))
        }
    }

    @Test("A server secret is made once and then read back the same", arguments: TestDatabases.kinds)
    func serverSecret(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let store = ServerSecretStore(database: database)
            let first = try await store.secret(named: "k") { Data(repeating: 1, count: 32) }
            let second = try await store.secret(named: "k") { Data(repeating: 2, count: 32) }
            #expect(first == Data(repeating: 1, count: 32))
            #expect(second == first)
        }
    }
}
