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
                            if let published = Self.publishedMilliseconds(in: text) {
                                let delay = UInt32(clamping: max(0, Int64(Date().timeIntervalSince1970 * 1_000_000) - published * 1000))
                                (text.contains("\"key\":") ? values : events).record(microseconds: delay)
                            } else if text.contains("\"type\":\"subscribed\"") {
                                subscriptions.recordSubscription()
                            } else if text.contains("\"type\":\"heartbeat\"") {
                                try await outbound.write(.text("{\"type\":\"pong\"}"))
                            }
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

    /// The event's `published` time (`"published":"2026-11-22T07:35:01.180Z"`) in milliseconds since 1970.
    static func publishedMilliseconds(in text: String) -> Int64? {
        guard let range = text.range(of: "\"published\":\"") else { return nil }
        let digits = Array(text[range.upperBound...].utf8.prefix(23))
        guard digits.count == 23 else { return nil }
        func number(_ from: Int, _ length: Int) -> Int64 {
            digits[from..<(from + length)].reduce(0) { $0 * 10 + Int64($1 &- UInt8(ascii: "0")) }
        }
        let days = Self.daysSince1970(year: number(0, 4), month: number(5, 2), day: number(8, 2))
        let seconds = ((days * 24 + number(11, 2)) * 60 + number(14, 2)) * 60 + number(17, 2)
        return seconds * 1000 + number(20, 3)
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
    static func daysSince1970(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
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
