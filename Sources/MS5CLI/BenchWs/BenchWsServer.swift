import Foundation
import Hummingbird
import Logging
import MS5Server
import MS5Storage
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The server side of `ms5 bench ws`: a real ms5 with the demo plant on a scratch SQLite file and
/// its simulator accelerated, measured while the client process listens.
struct BenchWsServer {
    let clients: Int
    let duration: Int
    let speed: Int
    let port: Int

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ms5-bench-ws-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var config = AppConfig()
        config.database = .sqliteFile(path: folder.appendingPathComponent("bench.sqlite").path)
        config.port = port
        config.simulatorEnabled = true
        config.simulatorSpeed = speed
        config.bcryptCost = 4
        // Every benchmark client connects from this machine: one address, far beyond a person's rate.
        config.requestsPerSecond = 0
        var logger = Logger(label: "ms5-bench-ws")
        logger.logLevel = .critical
        let password = Mutex<String?>(nil)
        let app = try await buildApplication(config, logger: logger) { database in
            let accounts = AccountService(database: database, bcryptCost: 4)
            try await DemoPlant.prepare(database: database, accounts: accounts) { line in
                if line.hasPrefix("password: ") { password.withLock { $0 = String(line.dropFirst("password: ".count)) } }
            }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            try await waitUntilServing()
            guard let secret = password.withLock({ $0 }) else { throw BenchWsError.clientsFailed("the demo account was not created") }
            try await measure(password: secret)
            group.cancelAll()
        }
    }

    private func waitUntilServing() async throws {
        let url = URL(string: "http://127.0.0.1:\(port)/health")!
        for _ in 0..<600 {
            if let (_, response) = try? await URLSession.shared.data(from: url), (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchWsError(description: "ms5 did not start serving on port \(port)")
    }

    private func measure(password: String) async throws {
        let child = try ClientProcess(arguments: ["bench", "ws", "--clients-mode", "--port", "\(port)", "--clients", "\(clients)"])
        child.send(password)
        print("ms5 pid \(getpid()) on port \(port), simulator at \(speed)× real time; client process pid \(child.pid) with \(clients) clients")
        guard await child.nextLine() == "READY" else { throw BenchWsError.clientsFailed("it did not get every client subscribed") }
        print("all \(clients) clients subscribed to the bread line; measuring for \(duration) s, an Andon call raised every second")
        let api = BenchWsAPI(port: port)
        let token = try await api.signIn(password: password)
        let line = try await api.breadLine(token: token)
        let cpuBefore = ProcessUsage.cpuSeconds()
        let start = ContinuousClock.now
        // Durable events at a known rate, whatever the simulated line does in the window: each
        // call is written to the outbox with its change and reaches every client from there.
        var raised = 0
        for second in 0..<duration {
            if try await api.raiseCall(line: line, token: token, number: second + 1) { raised += 1 }
            try await Task.sleep(until: start + .seconds(second + 1), clock: .continuous)
        }
        let elapsed = ContinuousClock.now - start
        let cpu = ProcessUsage.cpuSeconds() - cpuBefore
        let rss = ProcessUsage.statusMegabytes("VmRSS") ?? 0
        let peak = ProcessUsage.statusMegabytes("VmHWM") ?? 0
        child.send("STOP")
        guard let line = await child.nextLine(), let result = BenchWsClientResult(line: line) else {
            throw BenchWsError.clientsFailed("no result line")
        }
        child.terminate()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        func figures(_ latency: BenchWsClientResult.Latency) -> String {
            String(format: "%d messages, %.0f msg/s; latency published → client p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                   latency.count, Double(latency.count) / seconds, latency.p50, latency.p99, latency.max)
        }
        print(
            """
            --- ms5 bench ws (clients in a separate process; server figures are the ms5 process's own) ---
            events (\(raised) Andon calls raised, and the line's state changes, faults and stops; every client gets each): \(figures(result.events))
            latest values (coalesced per key, at most 4/s per key and client): \(figures(result.values))
            ms5 CPU: \(String(format: "%.2f", cpu)) s over \(String(format: "%.1f", seconds)) s = \(String(format: "%.1f", cpu / seconds * 100)) % of one core (simulator, ingest, SQLite and feed)
            ms5 memory: VmRSS \(String(format: "%.1f", rss)) MB, VmHWM (peak) \(String(format: "%.1f", peak)) MB
            client process CPU (whole run): \(String(format: "%.2f", result.cpuSeconds)) s; its 5 ms ticker lateness p99 \(String(format: "%.2f", result.latenessP99)) ms, max \(String(format: "%.2f", result.latenessMax)) ms
            """)
    }
}
