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

@Suite("Health, readiness, metrics and request ids")
struct OperationsAPITests {
    @Test("Liveness and readiness answer without a token")
    func probes() async throws {
        try await TestServer.run { server in
            let health = try await server.send(.get, "/health", as: nil)
            #expect(try TestServer.decode(HealthStatus.self, health).status == "ok")
            let ready = try TestServer.decode(HealthStatus.self, try await server.send(.get, "/ready", as: nil))
            #expect(ready.status == "ready")
            #expect(ready.database == "sqlite")
            #expect(ready.schemaVersion == Migrator.latestVersion)
        }
    }

    @Test("Metrics count requests by route and status, and show the pool and the process")
    func metrics() async throws {
        try await TestServer.run { server in
            _ = try await server.send(.get, "/v1/sites")
            _ = try await server.send(.get, "/v1/sites", as: nil)
            let text = String(buffer: try await server.send(.get, "/metrics", as: nil).body)
            #expect(text.contains(#"http_requests_total{route="/v1/sites",method="GET",status="200"} 1"#))
            #expect(text.contains(#"http_requests_total{route="/v1/sites",method="GET",status="401"} 1"#))
            #expect(text.contains(#"http_request_duration_seconds_bucket{route="/v1/sites",method="GET",status="200",le="0.005"}"#))
            #expect(text.contains(#"ms5_db_connections_max{database="sqlite"} 1"#))
            #expect(text.contains("process_resident_memory_bytes"))
        }
    }

    @Test("Every response carries a request id; a sane one from the caller is kept")
    func requestIDs() async throws {
        try await TestServer.run { server in
            let generated = try await server.send(.get, "/health", as: nil)
            #expect((generated.headers[.requestID]?.count ?? 0) >= 16)
            let kept = try await server.send(.get, "/v1/nowhere", as: nil, headers: [.requestID: "tablet-7.req-42"])
            #expect(kept.headers[.requestID] == "tablet-7.req-42")
            #expect(kept.problem?.requestId == "tablet-7.req-42")
            let replaced = try await server.send(.get, "/health", as: nil, headers: [.requestID: "bad id with spaces"])
            #expect(replaced.headers[.requestID] != "bad id with spaces")
        }
    }
}
