import Dispatch
import Foundation
import HummingbirdWSClient
import Logging

/// The client side: many WebSocket clients, each subscribed to one line, timing every event.
struct BenchClients {
    let port: Int
    let count: Int
    let lines: Int

    func run() async throws {
        var quietLogger = Logger(label: "realtime-bench-clients")
        quietLogger.logLevel = .critical
        let logger = quietLogger
        let recorder = LatencyRecorder()
        let batch = 50
        for first in stride(from: 0, to: count, by: batch) {
            for index in first..<min(count, first + batch) {
                let topic = "line:\(benchLineID(index % lines).uuidString.lowercased())"
                Task {
                    try await WebSocketClient.connect(
                        url: "ws://127.0.0.1:\(port)/realtime?access_token=bench",
                        logger: logger
                    ) { inbound, outbound, _ in
                        try await outbound.write(.text("{\"type\":\"subscribe\",\"topics\":[\"\(topic)\"]}"))
                        for try await message in inbound.messages(maxSize: 1 << 20) {
                            guard case .text(let text) = message else { continue }
                            if let sent = Self.sentTime(in: text) {
                                let now = wallClockNanoseconds()
                                recorder.record(microseconds: UInt32(clamping: (now &- sent) / 1000))
                            } else if text.contains("\"type\":\"subscribed\"") {
                                recorder.recordSubscription()
                            }
                        }
                    }
                }
            }
            while recorder.subscriptions < min(count, first + batch) {
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
        await waitForStop()
        ticker.cancel()
        let lateness = await ticker.value
        Self.say(
            "RESULT \(recorder.messages) \(recorder.percentile(0.5)) \(recorder.percentile(0.99)) \(recorder.percentile(1)) \(ProcessUsage.cpuSeconds()) \(lateness.percentile(0.99)) \(lateness.percentile(1))"
        )
        exit(0)
    }

    /// Writes one line to the server process, unbuffered.
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// The `sent` field of an event's data, in wall-clock nanoseconds.
    static func sentTime(in text: String) -> UInt64? {
        guard let range = text.range(of: "\"sent\":") else { return nil }
        var value: UInt64 = 0
        for character in text[range.upperBound...].utf8 {
            guard character >= UInt8(ascii: "0"), character <= UInt8(ascii: "9") else { break }
            value = value * 10 + UInt64(character - UInt8(ascii: "0"))
        }
        return value
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
