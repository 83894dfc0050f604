import Dispatch
import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import MS5Realtime
import NIOCore

/// The server side: hub, WebSocket endpoint and publisher, with a client process as its load.
struct BenchServer {
    let clients: Int
    let lines: Int
    let rate: Int
    let duration: Int
    let payloadBytes: Int

    func run() async throws {
        var logger = Logger(label: "realtime-bench")
        logger.logLevel = .critical
        let hub = RealtimeHub(logger: logger)
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.addRealtimeEndpoint("/realtime", hub: hub) { request, _ in
            request.realtimeAccessToken == "bench" ? RealtimePrincipal(subject: "bench") : nil
        }
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router, configuration: .init(ws: .init(autoPing: .disabled))),
            configuration: .init(address: .hostname("127.0.0.1", port: 0), backlog: 2048),
            onServerRunning: { portContinuation.yield($0.localAddress?.port ?? 0) },
            logger: logger
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { return }
            try await measure(hub: hub, port: port)
            group.cancelAll()
        }
    }

    private func measure(hub: RealtimeHub, port: Int) async throws {
        let child = try ClientProcess(arguments: [
            "--clients-mode", "--port", "\(port)", "--clients", "\(clients)", "--lines", "\(lines)",
        ])
        print("server pid \(getpid()), client process pid \(child.pid): \(clients) clients on \(lines) lines")
        guard await child.nextLine() == "READY" else { throw BenchError.clientsFailed }
        print("all clients subscribed (\(hub.statistics.connections) connections); publishing \(rate) events/s for \(duration) s")

        let padding = String(repeating: "x", count: max(0, payloadBytes - 60))
        let interval = Duration.seconds(1) / rate
        let total = rate * duration
        let cpuBefore = ProcessUsage.cpuSeconds()
        let start = ContinuousClock.now
        var lateness: [Duration] = []
        lateness.reserveCapacity(total)
        for sequence in 0..<total {
            let due = start + interval * sequence
            try await Task.sleep(until: due, clock: .continuous)
            lateness.append(ContinuousClock.now - due)
            let line = benchLineID(sequence % lines)
            hub.publish(
                RealtimeEvent(
                    type: .count,
                    topics: [.line(line), .plant],
                    payload: .encoded("{\"sent\":\(wallClockNanoseconds()),\"seq\":\(sequence),\"pad\":\"\(padding)\"}")
                )
            )
        }
        let elapsed = ContinuousClock.now - start
        let cpu = ProcessUsage.cpuSeconds() - cpuBefore
        let rss = ProcessUsage.statusMegabytes("VmRSS") ?? 0
        let peak = ProcessUsage.statusMegabytes("VmHWM") ?? 0
        try await Task.sleep(for: .seconds(1))
        child.send("STOP")
        guard let resultLine = await child.nextLine(), let result = ClientResult(line: resultLine) else {
            throw BenchError.clientsFailed
        }
        let seconds = milliseconds(elapsed) / 1000
        lateness.sort()
        let latenessP99 = milliseconds(lateness[min(lateness.count - 1, lateness.count * 99 / 100)])
        let latenessMax = milliseconds(lateness.last ?? .zero)
        let statistics = hub.statistics
        print(
            """
            --- realtime-bench results (clients in a separate process; server figures are the server's own) ---
            clients: \(clients), lines: \(lines), events published: \(total) in \(String(format: "%.1f", seconds)) s (\(rate)/s target)
            delivered messages: \(result.received) (expected \(total * clients / lines)), \(String(format: "%.0f", Double(result.received) / seconds)) msg/s
            latency event->client: p50 \(String(format: "%.2f", result.p50)) ms, p99 \(String(format: "%.2f", result.p99)) ms, max \(String(format: "%.2f", result.max)) ms
            publisher wake-up lateness (server process scheduling delay): p99 \(String(format: "%.2f", latenessP99)) ms, max \(String(format: "%.2f", latenessMax)) ms
            server CPU: \(String(format: "%.2f", cpu)) s over \(String(format: "%.1f", seconds)) s = \(String(format: "%.1f", cpu / seconds * 100)) % of one core
            server memory: VmRSS \(String(format: "%.1f", rss)) MB, VmHWM (peak) \(String(format: "%.1f", peak)) MB
            client process CPU (whole run, incl. connecting): \(String(format: "%.2f", result.cpuSeconds)) s; its 5 ms ticker lateness: p99 \(String(format: "%.2f", result.latenessP99)) ms, max \(String(format: "%.2f", result.latenessMax)) ms
            hub: slow disconnects \(statistics.slowDisconnects), coalesced \(statistics.coalesced), connections \(statistics.connections)
            """
        )
        child.terminate()
    }
}

private func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

enum BenchError: Error {
    case clientsFailed
}
