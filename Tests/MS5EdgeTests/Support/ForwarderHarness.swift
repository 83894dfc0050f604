import MS5Edge
import Foundation
import Logging
import MS5Retry
import ServiceLifecycle

/// Test scaffolding around a real ``Forwarder``, a real queue file and the Python telemetry server.
enum ForwarderHarness {
    static let token = "line1-token"

    /// Fast pacing so that outages and retries take milliseconds; seeded jitter.
    static func configuration(maxBatchSamples: Int) throws -> ForwarderConfiguration {
        try ForwarderConfiguration(
            source: "edge-line1", maxBatchSamples: maxBatchSamples,
            backoff: Backoff(initial: .milliseconds(20), maximum: .milliseconds(200)),
            authenticationRetryInterval: .milliseconds(100), idlePollInterval: .milliseconds(20), jitterSeed: 42)
    }

    static func forwarder(_ queue: DiskQueue, server: TelemetryTestServer, token: String = token,
                          maxBatchSamples: Int = 100, alarms: AlarmRecorder? = nil) throws -> Forwarder {
        Forwarder(queue: queue,
                  transport: URLSessionBatchTransport(
                      coreURL: server.coreURL, signIn: EdgeSignIn(coreURL: server.coreURL, credentials: .token(token)), requestTimeout: 10),
                  configuration: try configuration(maxBatchSamples: maxBatchSamples),
                  logger: Fixture.quietLogger, alarmHandler: alarms?.handler)
    }

    /// Starts a telemetry server accepting `token`, runs `body`, and stops the server whatever happens.
    static func withServer<T>(token: String = token, _ body: (TelemetryTestServer) async throws -> T) async throws -> T {
        let server = try await TelemetryTestServer(token: token)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Runs `forwarder` in a `ServiceGroup` during `body`, then shuts the group down gracefully and
    /// waits for it, also when `body` throws.
    static func withRunning<T>(_ forwarder: Forwarder, _ body: () async throws -> T) async throws -> T {
        let group = ServiceGroup(services: [forwarder], logger: Fixture.quietLogger)
        let running = Task { try await group.run() }
        do {
            let result = try await body()
            await group.triggerGracefulShutdown()
            try await running.value
            return result
        } catch {
            await group.triggerGracefulShutdown()
            _ = try? await running.value
            throw error
        }
    }

    /// Whether `sequences` strictly increase.
    static func increasing(_ sequences: [Int64]) -> Bool {
        zip(sequences, sequences.dropFirst()).allSatisfy { $0 < $1 }
    }
}
