import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
import MS5Identity
@testable import MS5Server
import Testing

@Suite("TOTP second factor")
struct TOTPAPITests {
    static func login(_ server: TestServer, _ username: String, totp: String? = nil) async throws -> TestResponse {
        var body = ["username": username, "password": TestServer.password]
        if let totp { body["totp"] = totp }
        return try await server.send(.post, "/v1/auth/login", as: nil, json: body)
    }

    /// Enrols `role`'s account and answers its TOTP generator and recovery codes.
    static func enrol(_ server: TestServer, _ role: Role, at date: Date) async throws -> (TOTP, [String]) {
        let enrolment = try TestServer.decode(TOTPEnrolment.self, try await server.send(.post, "/v1/auth/totp/enrolment", as: role))
        #expect(enrolment.otpauthURI.hasPrefix("otpauth://totp/MS5:\(role.rawValue)?secret=\(enrolment.secret)&issuer=MS5"))
        let totp = TOTP(secret: try #require(Base32.decode(enrolment.secret)))
        let wrong = try await server.send(.post, "/v1/auth/totp/confirmation", as: role, json: ["code": "000000" == totp.code(at: date) ? "111111" : "000000"])
        #expect(wrong.status == .unprocessableContent && wrong.problem?.errors.first?.field == "/code")
        let confirmed = try await server.send(.post, "/v1/auth/totp/confirmation", as: role, json: ["code": totp.code(at: date)])
        #expect(confirmed.status == .ok)
        return (totp, try TestServer.decode(RecoveryCodeList.self, confirmed).recoveryCodes)
    }

    @Test("Once enrolled, sign-in needs a current code, and each time step works once")
    func signInNeedsCode() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await TestServer.run(clock: { clock.now }) { server in
            let (totp, codes) = try await Self.enrol(server, .engineer, at: clock.now)
            #expect(codes.count == 10 && Set(codes).count == 10)
            #expect(try TestServer.decode(User.self, try await server.send(.get, "/v1/auth/me", as: .engineer)).totpEnabled)

            let without = try await Self.login(server, "engineer")
            #expect(without.status == .unauthorized && without.problem?.code == "totp-required")
            // The code of the enrolment's own step was used by the confirmation.
            let replayed = try await Self.login(server, "engineer", totp: totp.code(at: clock.now))
            #expect(replayed.status == .unauthorized && replayed.problem?.code == "totp-invalid")

            clock.advance(minutes: 0.5)
            let next = totp.code(at: clock.now)
            #expect(try await Self.login(server, "engineer", totp: next).status == .ok)
            #expect(try await Self.login(server, "engineer", totp: next).problem?.code == "totp-invalid")
            clock.advance(minutes: 0.5)
            #expect(try await Self.login(server, "engineer", totp: totp.code(at: clock.now)).status == .ok)
            #expect(try await Self.login(server, "admin").status == .ok, "accounts without TOTP sign in as before")
        }
    }

    @Test("A recovery code signs in once instead of a code")
    func recoveryCode() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await TestServer.run(clock: { clock.now }) { server in
            let (_, codes) = try await Self.enrol(server, .operator, at: clock.now)
            #expect(try await Self.login(server, "operator", totp: codes[3].uppercased()).status == .ok)
            #expect(try await Self.login(server, "operator", totp: codes[3]).problem?.code == "totp-invalid")
            #expect(try await Self.login(server, "operator", totp: codes[4]).status == .ok)
        }
    }

    @Test("Turning TOTP off needs the password; afterwards sign-in needs no code")
    func removal() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await TestServer.run(clock: { clock.now }) { server in
            _ = try await Self.enrol(server, .engineer, at: clock.now)
            let again = try await server.send(.post, "/v1/auth/totp/enrolment", as: .engineer)
            #expect(again.status == .conflict)
            let wrong = try await server.send(.delete, "/v1/auth/totp", as: .engineer, json: ["password": "not the password"])
            #expect(wrong.status == .unprocessableContent && wrong.problem?.errors.first?.field == "/password")
            #expect(try await server.send(.delete, "/v1/auth/totp", as: .engineer, json: ["password": TestServer.password]).status == .noContent)
            #expect(try await Self.login(server, "engineer").status == .ok)
        }
    }

    @Test("Accounts of a role that must use TOTP may only enrol until they have")
    func requiredRoles() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await TestServer.run(configure: { $0.totpRequiredRoles = [.admin] }, clock: { clock.now }) { server in
            let blocked = try await server.send(.get, "/v1/sites", as: .admin)
            #expect(blocked.status == .forbidden && blocked.problem?.code == "totp-enrolment-required")
            #expect(try await server.send(.get, "/v1/sites", as: .engineer).status == .ok)
            #expect(try await server.send(.get, "/v1/auth/me", as: .admin).status == .ok)
            _ = try await Self.enrol(server, .admin, at: clock.now)
            #expect(try await server.send(.get, "/v1/sites", as: .admin).status == .ok)
        }
    }

    @Test("Wrong codes count towards the lockout like wrong passwords")
    func wrongCodesLock() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await TestServer.run(clock: { clock.now }) { server in
            let (totp, _) = try await Self.enrol(server, .engineer, at: clock.now)
            clock.advance(minutes: 1)
            let current = totp.code(at: clock.now)
            let wrongCode = current == "123456" ? "654321" : "123456"
            for _ in 0..<4 { #expect(try await Self.login(server, "engineer", totp: wrongCode).problem?.code == "totp-invalid") }
            #expect(try await Self.login(server, "engineer", totp: wrongCode).problem?.code == "account-locked")
            #expect(try await Self.login(server, "engineer", totp: current).problem?.code == "account-locked")
        }
    }
}
