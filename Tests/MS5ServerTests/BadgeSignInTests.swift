import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
import MS5Identity
import MS5JSON
@testable import MS5Server
import MS5Storage
import MS5TestSupport
import NIOCore
import SQLKit
import Testing

@Suite("Shared tablets: badge and PIN sign-in")
struct BadgeSignInTests {
    static let pin = "2580"

    /// Registers a tablet and answers its token.
    static func registerTablet(_ server: TestServer, name: String = "Line 1 tablet") async throws -> (device: Device, token: String) {
        let registration = try await server.create("/v1/devices", DeviceInput(name: name), as: DeviceRegistration.self)
        return (registration.device, registration.token)
    }

    /// The id of the account named after `role`.
    static func userId(_ server: TestServer, _ role: Role) async throws -> UUID {
        try TestServer.decode(User.self, try await server.send(.get, "/v1/auth/me", as: role)).id
    }

    /// Gives the account of `role` the badge `badge` with ``pin``.
    static func giveBadge(_ server: TestServer, _ role: Role, badge: String) async throws {
        let id = try await userId(server, role)
        let response = try await server.send(.put, "/v1/users/\(id)/badge", json: BadgeInput(badge: badge, pin: pin))
        #expect(response.status == .ok, "\(String(buffer: response.body))")
    }

    /// Signs in by badge, sending `deviceToken` as `X-Device-Token` when given.
    static func badgeLogin(_ server: TestServer, _ badge: String, _ pin: String, deviceToken: String?) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let deviceToken { headers[.deviceToken] = deviceToken }
        return try await server.send(.post, "/v1/auth/badge", as: nil, json: ["badge": badge, "pin": pin], headers: headers)
    }

    @Test("A registered tablet signs an operator in by badge and PIN; without its token, or once revoked, it cannot",
          arguments: TestDatabases.kinds)
    func signIn(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            try await TestServer.run(database: database.url) { server in
                let (device, token) = try await Self.registerTablet(server)
                #expect(token.count >= 43 && token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
                try await Self.giveBadge(server, .operator, badge: "B-1001")

                let answer = try await Self.badgeLogin(server, "B-1001", Self.pin, deviceToken: token)
                #expect(answer.status == .ok, "\(String(buffer: answer.body))")
                let session = try TestServer.decode(LoginResponse.self, answer)
                #expect(session.user.username == "operator")
                let auth: HTTPFields = [.authorization: "Bearer \(session.token)"]
                #expect(try await server.send(.get, "/v1/sites", as: nil, headers: auth).status == .ok)

                let bare = try await server.send(.post, "/v1/auth/badge", as: nil)
                #expect(bare.status == .unauthorized && bare.problem?.code == "device-not-registered")
                for missing in [nil, "", "not-a-registered-token"] {
                    let refused = try await Self.badgeLogin(server, "B-1001", Self.pin, deviceToken: missing)
                    #expect(refused.status == .unauthorized && refused.problem?.code == "device-not-registered")
                    #expect(refused.problem?.detail.contains("B-1001") == false)
                }

                let listed = try await server.send(.get, "/v1/devices")
                #expect(!String(buffer: listed.body).contains(token))
                let devices = try TestServer.decode(ItemList<Device>.self, listed).items
                #expect(devices.map(\.id) == [device.id] && devices[0].lastSignInAt != nil && devices[0].revokedAt == nil)

                #expect(try await server.send(.delete, "/v1/devices/\(device.id)").status == .noContent)
                #expect(try await server.send(.delete, "/v1/devices/\(device.id)").status == .noContent)
                #expect(try await server.send(.delete, "/v1/devices/\(UUID())").status == .notFound)
                let revoked = try await Self.badgeLogin(server, "B-1001", Self.pin, deviceToken: token)
                #expect(revoked.status == .unauthorized && revoked.problem?.code == "device-not-registered")
                // The session started on the tablet ended with it.
                #expect(try await server.send(.get, "/v1/sites", as: nil, headers: auth).status == .unauthorized)
                #expect(try await server.send(.get, "/v1/sites", as: .operator).status == .ok)
                let after = try TestServer.decode(ItemList<Device>.self, try await server.send(.get, "/v1/devices")).items
                #expect(after.first?.revokedAt != nil)
            }
        }
    }

    @Test("Wrong PINs lock the badge, even against the right PIN, until its time runs out or an administrator unlocks the account")
    func lockout() async throws {
        let clock = TestClock()
        // A lockout shorter than the access tokens' 15 minutes, so that the administrator's stays good.
        try await TestServer.run(configure: { $0.pinLockout = .seconds(5 * 60) }, clock: { clock.now }) { server in
            let (_, token) = try await Self.registerTablet(server)
            try await Self.giveBadge(server, .operator, badge: "B-2002")
            for attempt in 1...4 {
                let wrong = try await Self.badgeLogin(server, "B-2002", "97\(attempt)3", deviceToken: token)
                #expect(wrong.status == .unauthorized && wrong.problem?.code == "unauthenticated")
            }
            let fifth = try await Self.badgeLogin(server, "B-2002", "9753", deviceToken: token)
            #expect(fifth.status == .unauthorized && fifth.problem?.code == "badge-locked")
            let right = try await Self.badgeLogin(server, "B-2002", Self.pin, deviceToken: token)
            #expect(right.status == .unauthorized && right.problem?.code == "badge-locked")
            // The password is not locked by wrong PINs.
            let password = try await server.send(.post, "/v1/auth/login", as: nil, json: ["username": "operator", "password": TestServer.password])
            #expect(password.status == .ok)
            let id = try await Self.userId(server, .operator)
            let badge = try TestServer.decode(Badge.self, try await server.send(.get, "/v1/users/\(id)/badge"))
            #expect(badge.lockedUntil != nil && badge.badge == "B-2002")

            clock.advance(minutes: 4)
            #expect(try await Self.badgeLogin(server, "B-2002", Self.pin, deviceToken: token).problem?.code == "badge-locked")
            clock.advance(minutes: 2)
            #expect(try await Self.badgeLogin(server, "B-2002", Self.pin, deviceToken: token).status == .ok)

            for attempt in 1...5 { _ = try await Self.badgeLogin(server, "B-2002", "97\(attempt)3", deviceToken: token) }
            #expect(try await Self.badgeLogin(server, "B-2002", Self.pin, deviceToken: token).problem?.code == "badge-locked")
            #expect(try await server.send(.post, "/v1/users/\(id)/unlock").status == .noContent)
            #expect(try await Self.badgeLogin(server, "B-2002", Self.pin, deviceToken: token).status == .ok)
        }
    }

    @Test("Trivial PINs and a badge number another account has are refused with 422 naming the field")
    func refusals() async throws {
        try await TestServer.run { server in
            let id = try await Self.userId(server, .operator)
            for weak in ["1234", "4321", "0000", "890123", "12a4", "123", "123456789"] {
                let refused = try await server.send(.put, "/v1/users/\(id)/badge", json: BadgeInput(badge: "B-3003", pin: weak))
                #expect(refused.status == .unprocessableContent && refused.problem?.errors.map(\.field) == ["/pin"], "\(weak)")
            }
            try await Self.giveBadge(server, .operator, badge: "B-3003")
            let engineer = try await Self.userId(server, .engineer)
            let duplicate = try await server.send(.put, "/v1/users/\(engineer)/badge", json: BadgeInput(badge: "B-3003", pin: "7391"))
            #expect(duplicate.status == .unprocessableContent)
            #expect(duplicate.problem?.errors == [FieldViolation(field: "/badge", reason: "is already the badge of another account")])
            #expect(try await server.send(.put, "/v1/users/\(UUID())/badge", json: BadgeInput(badge: "B-4004", pin: "7391")).status == .notFound)
            #expect(try await server.send(.get, "/v1/users/\(engineer)/badge").status == .notFound)
            #expect(try await server.send(.put, "/v1/users/\(id)/badge", as: .engineer, json: BadgeInput(badge: "B-5", pin: "7391")).status == .forbidden)
        }
    }

    @Test("Users change their own PIN with their password; removed badges and disabled accounts cannot sign in")
    func ownPIN() async throws {
        try await TestDatabases.with(.sqlite) { database in
            try await TestServer.run(database: database.url) { server in
                let (_, token) = try await Self.registerTablet(server)
                try await Self.giveBadge(server, .operator, badge: "B-6006")
                let wrongPassword = try await server.send(.put, "/v1/auth/pin", as: .operator, json: ["currentPassword": "nope", "pin": "7391"])
                #expect(wrongPassword.status == .unprocessableContent && wrongPassword.problem?.errors.first?.field == "/currentPassword")
                let weak = try await server.send(.put, "/v1/auth/pin", as: .operator, json: ["currentPassword": TestServer.password, "pin": "5555"])
                #expect(weak.status == .unprocessableContent && weak.problem?.errors.first?.field == "/pin")
                let changed = try await server.send(.put, "/v1/auth/pin", as: .operator, json: ["currentPassword": TestServer.password, "pin": "7391"])
                #expect(changed.status == .ok)
                #expect(try await Self.badgeLogin(server, "B-6006", Self.pin, deviceToken: token).status == .unauthorized)
                #expect(try await Self.badgeLogin(server, "B-6006", "7391", deviceToken: token).status == .ok)
                let noBadge = try await server.send(.put, "/v1/auth/pin", as: .engineer, json: ["currentPassword": TestServer.password, "pin": "7391"])
                #expect(noBadge.status == .conflict)

                let id = try await Self.userId(server, .operator)
                try await database.transaction { db in
                    try await db.update("users").set("disabled", to: SQLBind(true)).where("id", .equal, SQLBind(id)).run()
                }
                let disabled = try await Self.badgeLogin(server, "B-6006", "7391", deviceToken: token)
                #expect(disabled.status == .unauthorized && disabled.problem?.code == "unauthenticated")
                try await database.transaction { db in
                    try await db.update("users").set("disabled", to: SQLBind(false)).where("id", .equal, SQLBind(id)).run()
                }
                #expect(try await server.send(.delete, "/v1/users/\(id)/badge").status == .noContent)
                #expect(try await server.send(.delete, "/v1/users/\(id)/badge").status == .notFound)
                #expect(try await Self.badgeLogin(server, "B-6006", "7391", deviceToken: token).status == .unauthorized)
            }
        }
    }

    @Test("Registering and revoking tablets and setting badges and PINs go to the ledger, without PIN, hash or token",
          arguments: TestDatabases.kinds)
    func ledger(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let token = try await TestServer.run(database: database.url) { server in
                let (device, token) = try await Self.registerTablet(server)
                try await Self.giveBadge(server, .operator, badge: "B-7007")
                _ = try await server.send(.put, "/v1/auth/pin", as: .operator, json: ["currentPassword": TestServer.password, "pin": "7391"])
                _ = try await server.send(.delete, "/v1/devices/\(device.id)")
                return token
            }
            let entries = try await AuditLedger.entries(database, after: 0, limit: 1000)
            let actions = entries.filter { ["device", "badge"].contains($0.recordType) }.map { "\($0.recordType) \($0.action) \($0.actor)" }
            #expect(actions == ["device create admin", "badge create admin", "badge change-pin operator", "device revoke admin"])
            let pinHashes = try await database.read { db in try await db.select().column("pin_hash").from("badges").all(decodingColumn: "pin_hash", as: String.self) }
            for entry in entries {
                let text = try [entry.before, entry.after].compactMap { $0 }.map(CanonicalJSON.string).joined()
                for secret in [token, OpaqueToken.hash(of: token), Self.pin, "7391"] + pinHashes {
                    #expect(!text.contains(secret), "\(entry.recordType) \(entry.action)")
                }
            }
            #expect(try await AuditVerification.run(database).problem == nil)
        }
    }
}
