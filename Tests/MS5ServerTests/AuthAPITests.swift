import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MS5Domain
@testable import MS5Server
import MS5Storage
import NIOCore
import NIOFoundationEssentialsCompat
import Testing

@Suite("Sign-in and accounts API")
struct AuthAPITests {
    @Test("Every operation but the public ones answers 401 without a token, and with a bad one")
    func everyRouteNeedsAToken() async throws {
        let public_ = ["/health", "/ready", "/metrics", "/openapi.json", "/v1/auth/login", "/v1/auth/refresh", "/v1/auth/oidc/start", "/v1/auth/oidc/callback", "/v1/auth/oidc/session"]
        let routes = try await TestServer.routes().filter { !public_.contains($0.path) }
            .map { (HTTPRequest.Method(rawValue: $0.method)!, $0.path) }
        #expect(routes.count >= 20)
        try await TestServer.run { server in
            for (method, path) in routes {
                let uri = path.replacingOccurrences(of: "{id}", with: UUID().uuidString)
                    .replacingOccurrences(of: ":id", with: UUID().uuidString)
                for headers: HTTPFields in [[:], [.authorization: "Bearer ms5_forged"], [.authorization: "Basic YWRtaW46YWRtaW4="]] {
                    let response = try await server.send(method, uri, as: nil, headers: headers)
                    #expect(response.status == .unauthorized, "\(method) \(uri)")
                    #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"ms5\"")
                }
            }
        }
    }

    @Test("A wrong password and an unknown user get the same 401")
    func wrongCredentials() async throws {
        try await TestServer.run { server in
            for (user, password) in [("admin", "wrong password here"), ("nobody", TestServer.password)] {
                let response = try await server.send(.post, "/v1/auth/login", as: nil, json: ["username": user, "password": password])
                #expect(response.status == .unauthorized)
                #expect(response.problem?.detail == "The username or password is wrong.")
            }
        }
    }

    @Test("Signing out revokes the token")
    func logout() async throws {
        try await TestServer.run { server in
            let me = try await server.send(.get, "/v1/auth/me", as: .engineer)
            #expect(try TestServer.decode(User.self, me).role == .engineer)
            #expect(try await server.send(.post, "/v1/auth/logout", as: .engineer).status == .noContent)
            #expect(try await server.send(.get, "/v1/auth/me", as: .engineer).status == .unauthorized)
            #expect(try await server.send(.get, "/v1/auth/me", as: .admin).status == .ok)
        }
    }

    @Test("An administrator creates an account with a temporary password; its owner changes it")
    func createAndChangePassword() async throws {
        try await TestServer.run { server in
            let input = UserInput(username: "Anna", displayName: "Anna", role: .supervisor, password: "temporary password 1")
            let created = try await server.create("/v1/users", input, as: User.self)
            #expect(created.username == "anna")
            #expect(created.mustChangePassword)
            #expect(try await server.send(.post, "/v1/users", as: .engineer, json: input).status == .forbidden)
            #expect(try await server.send(.post, "/v1/users", json: input).status == .conflict)
            #expect(try await server.send(.get, "/v1/users/\(created.id)").status == .ok)

            let login = try await server.send(.post, "/v1/auth/login", as: nil, json: ["username": "anna", "password": "temporary password 1"])
            let token = try TestServer.decode(LoginResponse.self, login)
            #expect(token.user.mustChangePassword)
            let auth: HTTPFields = [.authorization: "Bearer \(token.token)"]
            let weak = try await server.send(.post, "/v1/auth/password", as: nil,
                                             json: ["currentPassword": "temporary password 1", "newPassword": "short"], headers: auth)
            #expect(weak.status == .unprocessableContent)
            #expect(weak.problem?.errors.first?.field == "/password")
            let changed = try await server.send(.post, "/v1/auth/password", as: nil,
                                                json: ["currentPassword": "temporary password 1", "newPassword": "a much better password"], headers: auth)
            #expect(changed.status == .ok)
            #expect(try TestServer.decode(User.self, changed).mustChangePassword == false)
            #expect(try await server.send(.get, "/v1/auth/me", as: nil, headers: auth).status == .unauthorized)
            let again = try await server.send(.post, "/v1/auth/login", as: nil, json: ["username": "anna", "password": "a much better password"])
            #expect(again.status == .ok)
        }
    }

    @Test("A weak password for a new account is 422 and creates nothing")
    func weakPassword() async throws {
        try await TestServer.run { server in
            let response = try await server.send(.post, "/v1/users", json: UserInput(username: "bob", displayName: "Bob", role: .viewer, password: "bob12345678901"))
            #expect(response.status == .unprocessableContent)
            #expect(response.problem?.errors == [FieldViolation(field: "/password", reason: "must not contain the username")])
            let users = try TestServer.decode(Page<User>.self, try await server.send(.get, "/v1/users"))
            #expect(users.items.map(\.username) == ["admin", "engineer", "operator"])
        }
    }
}
