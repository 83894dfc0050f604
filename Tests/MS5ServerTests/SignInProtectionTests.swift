import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
@testable import MS5Server
import Testing

@Suite("Sign-in protection")
struct SignInProtectionTests {
    static func login(_ server: TestServer, _ username: String, _ password: String) async throws -> TestResponse {
        try await server.send(.post, "/v1/auth/login", as: nil, json: ["username": username, "password": password])
    }

    @Test("Five wrong passwords in a row lock the account, even against the right one, until an administrator unlocks it")
    func lockout() async throws {
        try await TestServer.run { server in
            for attempt in 1...4 {
                let wrong = try await Self.login(server, "operator", "wrong password \(attempt)")
                #expect(wrong.status == .unauthorized && wrong.problem?.code == "unauthenticated")
            }
            let fifth = try await Self.login(server, "operator", "wrong password 5")
            #expect(fifth.status == .unauthorized && fifth.problem?.code == "account-locked")
            let right = try await Self.login(server, "operator", TestServer.password)
            #expect(right.status == .unauthorized && right.problem?.code == "account-locked")

            let me = try TestServer.decode(User.self, try await server.send(.get, "/v1/auth/me", as: .operator))
            #expect(try await server.send(.post, "/v1/users/\(me.id)/unlock", as: .engineer).status == .forbidden)
            #expect(try await server.send(.post, "/v1/users/\(UUID())/unlock").status == .notFound)
            #expect(try await server.send(.post, "/v1/users/\(me.id)/unlock").status == .noContent)
            #expect(try await Self.login(server, "operator", TestServer.password).status == .ok)
        }
    }

    @Test("A success clears the count: four wrong, one right, four wrong again does not lock")
    func successClearsCount() async throws {
        try await TestServer.run { server in
            for attempt in 1...4 { _ = try await Self.login(server, "engineer", "wrong \(attempt)") }
            #expect(try await Self.login(server, "engineer", TestServer.password).status == .ok)
            for attempt in 1...4 { _ = try await Self.login(server, "engineer", "wrong \(attempt)") }
            #expect(try await Self.login(server, "engineer", TestServer.password).status == .ok)
        }
    }

    @Test("More sign-in attempts from one address than the limit are refused with 429")
    func rateLimit() async throws {
        try await TestServer.run(configure: { $0.signInsPerMinute = 5 }) { server in
            // The three accounts' own sign-ins count; two more attempts fill the minute.
            for _ in 1...2 { #expect(try await Self.login(server, "nobody", "x").status == .unauthorized) }
            let refused = try await Self.login(server, "admin", TestServer.password)
            #expect(refused.status == .tooManyRequests && refused.problem?.code == "too-many-sign-ins")
        }
    }

    @Test("Common passwords and the account's last five are refused; a temporary password allows nothing but changing it")
    func passwordRules() async throws {
        try await TestServer.run { server in
            let common = try await server.send(.post, "/v1/users", json: UserInput(username: "carl", displayName: "Carl", role: .operator, password: "1qaz2wsx3edc"))
            #expect(common.status == .unprocessableContent && common.problem?.errors.first?.reason == "is one of the 10,000 most common passwords")

            let created = try await server.create(
                "/v1/users", UserInput(username: "dora", displayName: "Dora", role: .operator, password: "first temporary one"), as: User.self)
            let token = try TestServer.decode(LoginResponse.self, try await Self.login(server, "dora", "first temporary one")).token
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            let blocked = try await server.send(.get, "/v1/sites", as: nil, headers: auth)
            #expect(blocked.status == .forbidden && blocked.problem?.code == "password-change-required")
            #expect(try await server.send(.get, "/v1/auth/me", as: nil, headers: auth).status == .ok)
            let same = try await server.send(.post, "/v1/auth/password", as: nil,
                                             json: ["currentPassword": "first temporary one", "newPassword": "first temporary one"], headers: auth)
            #expect(same.status == .unprocessableContent)
            #expect(try await server.send(.post, "/v1/auth/password", as: nil,
                                          json: ["currentPassword": "first temporary one", "newPassword": "a second secret phrase"], headers: auth).status == .ok)

            let fresh = try TestServer.decode(LoginResponse.self, try await Self.login(server, "dora", "a second secret phrase")).token
            let freshAuth: HTTPFields = [.authorization: "Bearer \(fresh)"]
            #expect(try await server.send(.get, "/v1/sites", as: nil, headers: freshAuth).status == .ok)
            let reused = try await server.send(.post, "/v1/auth/password", as: nil,
                                               json: ["currentPassword": "a second secret phrase", "newPassword": "first temporary one"], headers: freshAuth)
            #expect(reused.status == .unprocessableContent && reused.problem?.errors.first?.reason == "must not be one of the account's last 5 passwords")
            #expect(created.mustChangePassword)
        }
    }

    @Test("With auth.passwordMaxAgeDays, the first sign-in after a password's age allows nothing but changing it")
    func passwordExpiry() async throws {
        let clock = TestClock()
        try await TestServer.run(configure: { $0.passwordMaxAge = .seconds(30 * 86_400) }, clock: { clock.now }) { server in
            _ = try await server.create(
                "/v1/users", UserInput(username: "erik", displayName: "Erik", role: .operator, password: "set thirty days ago"), as: User.self)
            let first = try await Self.login(server, "erik", "set thirty days ago")
            let auth: HTTPFields = [.authorization: "Bearer \(try TestServer.decode(LoginResponse.self, first).token)"]
            #expect(try await server.send(.post, "/v1/auth/password", as: nil,
                                          json: ["currentPassword": "set thirty days ago", "newPassword": "my own new phrase"], headers: auth).status == .ok)
            // 29 days and 23 hours later the password still holds.
            clock.advance(minutes: 30 * 1440 - 60)
            let young = try await Self.login(server, "erik", "my own new phrase")
            #expect(try TestServer.decode(LoginResponse.self, young).user.mustChangePassword == false)
            // A minute past 30 days it has expired: the sign-in succeeds, but only to change it.
            clock.advance(minutes: 61)
            let expired = try TestServer.decode(LoginResponse.self, try await Self.login(server, "erik", "my own new phrase"))
            #expect(expired.user.mustChangePassword)
            let expiredAuth: HTTPFields = [.authorization: "Bearer \(expired.token)"]
            #expect(try await server.send(.get, "/v1/sites", as: nil, headers: expiredAuth).problem?.code == "password-change-required")
            #expect(try await server.send(.post, "/v1/auth/password", as: nil,
                                          json: ["currentPassword": "my own new phrase", "newPassword": "a fresh phrase again"], headers: expiredAuth).status == .ok)
            let renewed = try TestServer.decode(LoginResponse.self, try await Self.login(server, "erik", "a fresh phrase again"))
            #expect(!renewed.user.mustChangePassword)
        }
    }

    @Test("Every response carries the browser hardening headers; only allow-listed origins get CORS headers")
    func headers() async throws {
        try await TestServer.run(configure: { $0.corsOrigins = ["https://board.bakery.example"] }) { server in
            for response in [try await server.send(.get, "/v1/sites"), try await server.send(.get, "/no/such/page", as: nil)] {
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff" && response.headers[.referrerPolicy] == "no-referrer")
            }
            let allowed = try await server.send(.options, "/v1/sites", as: nil, headers: [
                .origin: "https://board.bakery.example", .accessControlRequestMethod: "GET"])
            #expect(allowed.status == .noContent && allowed.headers[.accessControlAllowOrigin] == "https://board.bakery.example")
            let other = try await server.send(.get, "/v1/sites", headers: [.origin: "https://evil.example"])
            #expect(other.status == .ok && other.headers[.accessControlAllowOrigin] == nil)
        }
    }
}
