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

    @Test("Tokens sign in until they expire or are revoked", arguments: TestDatabases.kinds)
    func tokens(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let user = try await UserRepository(database: database).create(
                UserInput(username: "bob", displayName: "Bob", role: .engineer, password: "long enough password"),
                passwordHash: "h", mustChangePassword: false)
            let tokens = TokenRepository(database: database)
            let now = Date()
            try await tokens.issue(tokenHash: "live", userId: user.id, expiresAt: now.addingTimeInterval(60))
            try await tokens.issue(tokenHash: "old", userId: user.id, expiresAt: now.addingTimeInterval(-1))
            #expect(try await tokens.user(tokenHash: "live", at: now)?.id == user.id)
            #expect(try await tokens.user(tokenHash: "old", at: now) == nil)
            #expect(try await tokens.user(tokenHash: "unknown", at: now) == nil)
            #expect(try await tokens.purgeExpired(at: now) == 1)
            try await tokens.revoke(tokenHash: "live")
            #expect(try await tokens.user(tokenHash: "live", at: now) == nil)
        }
    }
}
