import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
@testable import MS5Server
import MS5JSON
import Testing

@Suite("Route × role matrix")
struct RoleMatrixTests {
    /// Every operation of the API description with the roles it declares (nil: any signed-in account).
    static func declaredAccess(_ server: TestServer) async throws -> [(method: HTTPRequest.Method, path: String, roles: Set<Role>?)] {
        let document = try TestServer.decode(JSONValue.self, try await server.send(.get, "/openapi.json", as: nil))
        guard case .object(let root) = document, case .object(let paths)? = root["paths"] else { return [] }
        var operations: [(HTTPRequest.Method, String, Set<Role>?)] = []
        for (path, item) in paths {
            guard case .object(let methods) = item else { continue }
            for (method, operation) in methods {
                guard case .object(let fields) = operation, case .array(let security)? = fields["security"], !security.isEmpty else { continue }
                var roles: Set<Role>?
                if case .array(let names)? = fields["x-ms5-roles"] {
                    roles = Set(names.compactMap { if case .string(let name) = $0 { Role(rawValue: name) } else { nil } })
                }
                operations.append((HTTPRequest.Method(method.uppercased())!, path, roles))
            }
        }
        return operations
    }

    @Test("Every role is let through exactly the operations its permissions declare, and refused the others with 403")
    func matrix() async throws {
        try await TestServer.run(roles: Role.allCases) { server in
            let operations = try await Self.declaredAccess(server)
            #expect(operations.count >= 60)
            // Signing out revokes the token the rest of the matrix uses: it goes last.
            let ordered = operations.sorted { ($0.path == "/v1/auth/logout" ? 1 : 0) < ($1.path == "/v1/auth/logout" ? 1 : 0) }
            var checked = 0
            for operation in ordered {
                let uri = operation.path.replacingOccurrences(of: "{id}", with: UUID().uuidString.lowercased())
                for role in Role.allCases {
                    let response = try await server.send(operation.method, uri, as: role, json: operation.method == .get ? nil : [String: String]())
                    let allowed = operation.roles?.contains(role) ?? true
                    if allowed {
                        #expect(response.status != .forbidden && response.status != .unauthorized,
                                "\(role.rawValue) should be let through \(operation.method) \(operation.path), got \(response.status.code)")
                    } else {
                        #expect(response.status == .forbidden && response.problem?.code == "forbidden",
                                "\(role.rawValue) should be refused \(operation.method) \(operation.path), got \(response.status.code)")
                    }
                    checked += 1
                }
            }
            #expect(checked == operations.count * Role.allCases.count)
        }
    }
}
