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
        let api = BenchWsAPI(port: port)
        let token = try await api.signIn(password: password)
        let line = try await api.breadLine(token: token)
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
