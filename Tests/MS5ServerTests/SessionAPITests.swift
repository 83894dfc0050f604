import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
import MS5Identity
@testable import MS5Server
import MS5Storage
import Testing

@Suite("Sessions: access tokens and rotating refresh tokens")
struct SessionAPITests {
    static func login(_ server: TestServer, _ username: String = "engineer") async throws -> LoginResponse {
        let response = try await server.send(.post, "/v1/auth/login", as: nil, json: ["username": username, "password": TestServer.password])
        #expect(response.status == .ok)
        return try TestServer.decode(LoginResponse.self, response)
    }

    static func refresh(_ server: TestServer, _ refreshToken: String) async throws -> TestResponse {
        try await server.send(.post, "/v1/auth/refresh", as: nil, json: ["refreshToken": refreshToken])
    }

    static func me(_ server: TestServer, _ token: String) async throws -> HTTPResponse.Status {
        try await server.send(.get, "/v1/auth/me", as: nil, headers: [.authorization: "Bearer \(token)"]).status
    }

    /// The claims of a JWT, read without checking it.
    static func payload(of token: String) throws -> [String: Any] {
        var text = String(token.split(separator: ".")[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        return try JSONSerialization.jsonObject(with: Data(base64Encoded: text)!) as! [String: Any]
    }

    static func base64URL(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    @Test("Sign-in answers a 15-minute JWT of issuer ms5 naming the session, and a refresh token that rotates")
    func rotation() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await TestServer.run(clock: { clock.now }) { server in
            let first = try await Self.login(server)
            #expect(first.tokenType == "Bearer")
            #expect(first.expiresAt == Date(timeIntervalSince1970: 1_800_000_900))
            #expect(first.refreshExpiresAt == Date(timeIntervalSince1970: 1_800_043_200))
            let claims = try Self.payload(of: first.token)
            #expect(claims["iss"] as? String == "ms5")
            #expect(claims["sub"] as? String == first.user.id.uuidString)
            #expect(claims["roles"] as? [String] == ["engineer"])
            #expect(claims["exp"] as? Int == 1_800_000_900)

            clock.advance(minutes: 10)
            let response = try await Self.refresh(server, first.refreshToken)
            #expect(response.status == .ok)
            let second = try TestServer.decode(LoginResponse.self, response)
            #expect(second.refreshToken != first.refreshToken)
            #expect(second.expiresAt == Date(timeIntervalSince1970: 1_800_001_500))
            #expect(second.refreshExpiresAt == first.refreshExpiresAt)
            #expect(try Self.payload(of: second.token)["sid"] as? String == claims["sid"] as? String)
            #expect(try await Self.me(server, second.token) == .ok)
            #expect(try await Self.me(server, first.token) == .ok)

            let third = try await Self.refresh(server, second.refreshToken)
            #expect(third.status == .ok)
        }
    }

    @Test("A refresh token used twice ends its session: every token of the family is refused")
    func reuse() async throws {
        try await TestServer.run { server in
            let first = try await Self.login(server)
            let second = try TestServer.decode(LoginResponse.self, try await Self.refresh(server, first.refreshToken))
            let replay = try await Self.refresh(server, first.refreshToken)
            #expect(replay.status == .unauthorized)
            #expect(replay.problem?.detail == "The refresh token was already used, so the session is ended; sign in again.")
            #expect(try await Self.refresh(server, second.refreshToken).status == .unauthorized)
            #expect(try await Self.me(server, second.token) == .unauthorized)
            #expect(try await Self.me(server, first.token) == .unauthorized)
            #expect(try await server.send(.get, "/v1/auth/me", as: .engineer).status == .ok, "other sessions of the account live on")
            #expect(try await Self.refresh(server, "made-up").status == .unauthorized)
        }
    }

    @Test("Signing out ends the session: its access and refresh tokens are refused")
    func logout() async throws {
        try await TestServer.run { server in
            let session = try await Self.login(server)
            let logout = try await server.send(.post, "/v1/auth/logout", as: nil, headers: [.authorization: "Bearer \(session.token)"])
            #expect(logout.status == .noContent)
            #expect(try await Self.me(server, session.token) == .unauthorized)
            #expect(try await Self.refresh(server, session.refreshToken).status == .unauthorized)
            #expect(try await server.send(.get, "/v1/auth/me", as: .engineer).status == .ok)
        }
    }

    @Test("A session unused for 30 minutes ends; use keeps it going")
    func inactivity() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await TestServer.run(clock: { clock.now }) { server in
            let session = try await Self.login(server)
            clock.advance(minutes: 20)
            let kept = try await Self.refresh(server, session.refreshToken)
            #expect(kept.status == .ok)
            let next = try TestServer.decode(LoginResponse.self, kept)
            clock.advance(minutes: 20)
            #expect(try await Self.me(server, next.token) == .unauthorized, "15-minute access token expired")
            let again = try await Self.refresh(server, next.refreshToken)
            #expect(again.status == .ok, "20 minutes since the last refresh: still active")
            let latest = try TestServer.decode(LoginResponse.self, again)

            clock.advance(minutes: 31)
            let idle = try await Self.refresh(server, latest.refreshToken)
            #expect(idle.status == .unauthorized)
            #expect(idle.problem?.detail == "The session was unused for too long and is ended; sign in again.")
            clock.advance(minutes: -31)
            #expect(try await Self.refresh(server, latest.refreshToken).status == .unauthorized, "revoked, not merely late")
        }
    }

    @Test("An expired access token is refused; one within its 15 minutes is accepted")
    func expiredAccessToken() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await TestServer.run(clock: { clock.now }) { server in
            let session = try await Self.login(server)
            clock.advance(minutes: 14)
            #expect(try await Self.me(server, session.token) == .ok)
            clock.advance(minutes: 2)
            let late = try await server.send(.get, "/v1/auth/me", as: nil, headers: [.authorization: "Bearer \(session.token)"])
            #expect(late.status == .unauthorized)
            #expect(late.problem?.detail == "The access token is invalid or expired; refresh it or sign in again.")
        }
    }

    @Test("Tokens signed with another secret, with alg none, or altered are refused")
    func forgedTokens() async throws {
        try await TestServer.run { server in
            let session = try await Self.login(server, "admin")
            let claims = try Self.payload(of: session.token)
            let otherSecret = try AccessTokenSigner(secret: Data(repeating: 7, count: 32))
            let foreign = otherSecret.sign(
                subject: claims["sub"] as! String, sessionID: claims["sid"] as! String, roles: ["admin"], lifetime: 600)
            #expect(try await Self.me(server, foreign) == .unauthorized)

            let parts = session.token.split(separator: ".").map(String.init)
            let none = Self.base64URL(#"{"alg":"none","typ":"JWT"}"#) + "." + parts[1] + "."
            #expect(try await Self.me(server, none) == .unauthorized)
            let noneSigned = Self.base64URL(#"{"alg":"none","typ":"JWT"}"#) + "." + parts[1] + "." + parts[2]
            #expect(try await Self.me(server, noneSigned) == .unauthorized)

            let otherSubject = Self.base64URL(#"{"iss":"ms5","sub":"\#(UUID().uuidString)","sid":"\#(claims["sid"]!)","roles":["admin"],"iat":\#(claims["iat"]!),"exp":\#(claims["exp"]!),"jti":"x"}"#)
            #expect(try await Self.me(server, parts[0] + "." + otherSubject + "." + parts[2]) == .unauthorized)
            #expect(try await Self.me(server, session.token) == .ok)
        }
    }

    @Test("Changing the password ends every session of the account")
    func passwordChangeEndsSessions() async throws {
        try await TestServer.run { server in
            let phone = try await Self.login(server)
            let tablet = try await Self.login(server)
            let change = try await server.send(
                .post, "/v1/auth/password", as: nil,
                json: ["currentPassword": TestServer.password, "newPassword": "an entirely new phrase"],
                headers: [.authorization: "Bearer \(phone.token)"])
            #expect(change.status == .ok)
            for session in [phone, tablet] {
                #expect(try await Self.me(server, session.token) == .unauthorized)
                #expect(try await Self.refresh(server, session.refreshToken).status == .unauthorized)
            }
            #expect(try await server.send(.get, "/v1/auth/me", as: .admin).status == .ok)
        }
    }

    @Test("Instances on one database share the signing secret: a token of one is good on the other")
    func sharedSecret() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ms5-sessions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = DatabaseURL.sqliteFile(path: folder.appendingPathComponent("ms5.sqlite").path)
        // One instance after the other, so that two writers do not contend for the SQLite file.
        let session = try await TestServer.run(database: database) { first in try await Self.login(first) }
        let statuses = try await TestServer.run(database: database) { second async throws -> [HTTPResponse.Status] in
            [try await Self.me(second, session.token), try await Self.refresh(second, session.refreshToken).status]
        }
        #expect(statuses == [.ok, .ok])
    }
}
