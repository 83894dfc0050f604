import ArgumentParser
import Foundation
import Logging
import MS5OPCUA

/// Measures data-change notifications per second and CPU time of the Swift subscriber and of an
/// asyncua Python client, both subscribed to the same rapidly changing variables of an asyncua server.
@main
struct OPCUABench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opcua-bench",
        abstract: "Benchmark OPCUASubscriber against an asyncua client (run from the repository root after scripts/test.sh set up .venv-peers)."
    )

    @Option(help: "Number of variables the server rewrites in a tight loop.")
    var variables = 200

    @Option(help: "Measured seconds per client.")
    var duration = 10.0

    @Option(help: "Seconds to let each client settle before measuring.")
    var warmup = 3.0

    @Option(help: "Loopback port for the asyncua server.")
    var port = 48_555

    @Option(help: "Python interpreter with asyncua 2.1.0.")
    var python = ".venv-peers/bin/python"

    @Option(help: "Folder holding peer_server.py and bench_client.py.")
    var scripts = "scripts/opcua"

    func run() async throws {
        let url = "opc.tcp://127.0.0.1:\(port)/ms5/"
        let server = try BenchProcess.start(python, ["\(scripts)/peer_server.py", "\(port)", "--bench", "\(variables)"])
        defer { server.stop() }
        try await server.waitForLine("READY", upTo: .seconds(60))
        print("asyncua server: \(variables) variables rewritten continuously, \(url)")

        let swift = try await measureSwift(url: url)
        print(String(format: "Swift OPCUASubscriber:  %9.0f notifications/s, CPU %.2f s in %.1f s (%.1f µs CPU per notification)",
                     swift.rate, swift.cpu, swift.seconds, swift.cpuPerNotification * 1e6))

        let client = try BenchProcess.start(python, ["\(scripts)/bench_client.py", url, "\(variables)", "\(warmup)", "\(duration)"])
        defer { client.stop() }
        let line = try await client.waitForLine("{", upTo: .seconds(duration + warmup + 60))
        let python = try BenchResult(json: line)
        print(String(format: "asyncua Python client:  %9.0f notifications/s, CPU %.2f s in %.1f s (%.1f µs CPU per notification)",
                     python.rate, python.cpu, python.seconds, python.cpuPerNotification * 1e6))
        print(String(format: "ratio Swift/Python: throughput %.2fx, CPU per notification %.2fx less",
                     swift.rate / max(python.rate, 1e-9), python.cpuPerNotification / max(swift.cpuPerNotification, 1e-12)))
    }

    private func measureSwift(url: String) async throws -> BenchResult {
        var logger = Logger(label: "opcua-bench")
        logger.logLevel = .warning
        let items = (0..<variables).map { OPCUASubscriber.Configuration.Item(nodeID: "ns=2;s=Bench.V\($0)", samplingInterval: .zero, queueSize: 100) }
        let subscriber = OPCUASubscriber(
            configuration: .init(endpointURL: url, items: items, publishingInterval: .milliseconds(50)), logger: logger
        )
        let counter = Task { () -> Int in
            var count = 0
            for await _ in subscriber.samples { count += 1 }
            return count
        }
        await subscriber.start()
        try await Task.sleep(for: .seconds(warmup))
        let startCount = await subscriber.snapshot().notificationsReceived
        let startCPU = BenchProcess.cpuSeconds()
        let clock = ContinuousClock()
        let start = clock.now
        try await Task.sleep(for: .seconds(duration))
        let health = await subscriber.snapshot()
        let cpu = BenchProcess.cpuSeconds() - startCPU
        let elapsed = clock.now - start
        await subscriber.stop()
        _ = await counter.value
        if let error = health.lastError, !health.connected { throw ValidationError("Swift subscriber not connected: \(error)") }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return BenchResult(notifications: health.notificationsReceived - startCount, seconds: seconds, cpu: cpu)
    }
}
