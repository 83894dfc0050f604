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

@Suite("OpenAPI description")
struct OpenAPITests {
    /// The served document as plain JSON.
    static func document() async throws -> [String: Any] {
        let data = try await TestServer.run { server in
            let response = try await server.send(.get, "/openapi.json", as: nil)
            #expect(response.status == .ok)
            return Data(buffer: response.body)
        }
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    @Test("The document describes exactly the routes the server serves")
    func coversEveryRoute() async throws {
        let served = Set(try await TestServer.routes().map { "\($0.method.lowercased()) \($0.path.replacingOccurrences(of: ":id", with: "{id}"))" })
        let paths = try #require(try await Self.document()["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
        #expect(served == documented)
        #expect(served.count >= 25)
    }

    @Test("Every operation says who may call it, and every reference resolves")
    func securityAndReferences() async throws {
        let document = try await Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        for (path, operations) in paths {
            for (method, operation) in operations {
                #expect(operation["security"] != nil, "\(method) \(path) declares no security")
                #expect(operation["operationId"] is String)
            }
        }
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let text = try await TestServer.run { server in String(buffer: try await server.send(.get, "/openapi.json", as: nil).body) }
        let references = text.components(separatedBy: "#/components/schemas/").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!references.isEmpty)
        for name in references {
            #expect(schemas[String(name)] != nil, "unresolved $ref \(name)")
        }
    }
}
