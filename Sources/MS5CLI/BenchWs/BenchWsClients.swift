import Dispatch
import Foundation
import HummingbirdWSClient
import Logging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The client side of `ms5 bench ws`: signs in with the password read from stdin, subscribes every
/// client to the bread line and times each message from its `published` time to its arrival.
struct BenchWsClients {
    let port: Int
    let count: Int

    func run() async throws {
        guard let password = readLine() else { throw BenchWsError.clientsFailed("no password on stdin") }
        let token = try await signIn(password: password)
        let line = try await breadLine(token: token)
        var quietLogger = Logger(label: "ms5-bench-ws-clients")
        quietLogger.logLevel = .critical
        let logger = quietLogger
        let events = LatencyRecorder()
        let values = LatencyRecorder()
        let subscriptions = LatencyRecorder()
        let batch = 50
        for first in stride(from: 0, to: count, by: batch) {
            for _ in first..<min(count, first + batch) {
                Task {
                    try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/v1/live?access_token=\(token)", logger: logger) { inbound, outbound, _ in
                        try await outbound.write(.text("{\"type\":\"subscribe\",\"topics\":[\"line:\(line)\"]}"))
                        for try await message in inbound.messages(maxSize: 1 << 20) {
                            guard case .text(let text) = message else { continue }
                            let frame = BenchWsFrame(text)
                            if !frame.events.isEmpty {
                                let now = Int64(Date().timeIntervalSince1970 * 1_000_000)
                                for event in frame.events {
                                    let delay = UInt32(clamping: max(0, now - event.publishedMilliseconds * 1000))
                                    (event.coalesced ? values : events).record(microseconds: delay)
                                }
                            }
                            if frame.subscribed { subscriptions.recordSubscription() }
                            if frame.heartbeat { try await outbound.write(.text("{\"type\":\"pong\"}")) }
                        }
                    }
                }
            }
            while subscriptions.subscriptions < min(count, first + batch) {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
        Self.say("READY")
        let ticker = Task {
            let lateness = LatencyRecorder()
            while !Task.isCancelled {
                let due = ContinuousClock.now + .milliseconds(5)
                try? await Task.sleep(until: due, clock: .continuous)
                let late = ContinuousClock.now - due
                lateness.record(microseconds: UInt32(clamping: late.components.seconds * 1_000_000 + late.components.attoseconds / 1_000_000_000_000))
            }
            return lateness
        }
        events.reset()
        values.reset()
        await waitForStop()
        ticker.cancel()
        Self.say(BenchWsClientResult.line(events: events, values: values, cpuSeconds: ProcessUsage.cpuSeconds(), lateness: await ticker.value))
        exit(0)
    }

    private func signIn(password: String) async throws -> String {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/auth/login")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONEncoder().encode(["username": "admin", "password": password])
        let (data, _) = try await URLSession.shared.data(for: request)
        struct Login: Decodable { let token: String }
        return try JSONDecoder().decode(Login.self, from: data).token
    }

    /// The id of the demo's bread line, the one the simulator feeds.
    private func breadLine(token: String) async throws -> String {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/lines?limit=100")!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        struct Lines: Decodable {
            struct Line: Decodable { let id: UUID; let code: String }
            let items: [Line]
        }
        guard let line = try JSONDecoder().decode(Lines.self, from: data).items.first(where: { $0.code == "BREAD1" }) else {
            throw BenchWsError.clientsFailed("the demo plant has no line BREAD1")
        }
        return line.id.uuidString.lowercased()
    }

    /// Writes one line to the server process, unbuffered.
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private func waitForStop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                while let line = readLine(), line != "STOP" {}
                continuation.resume()
            }
        }
    }
}

/// Why `ms5 bench ws` could not measure.
struct BenchWsError: Error, CustomStringConvertible {
    let description: String
    static func clientsFailed(_ reason: String) -> Self { Self(description: "the client process failed: \(reason)") }
}
