import ArgumentParser
import Foundation
import MS5Modbus

/// `modbus-bench`: reads/s of `ModbusClient` and of pymodbus's `ModbusTcpClient` against the libmodbus
/// `random-test-server` on 127.0.0.1:1502, in one run.
///
/// That server takes a single connection and exits when it closes, so it is started once for the
/// Swift client and once more for pymodbus.
@main
struct ModbusBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modbus-bench",
        abstract: "Compare Modbus TCP read throughput of MS5Modbus and pymodbus."
    )

    @Option(help: "libmodbus random-test-server binary (listens on 127.0.0.1:1502).")
    var server = ".peers/modbus/random-test-server"

    @Option(help: "Python with pymodbus installed.")
    var python = ".venv-peers/bin/python"

    @Option(help: "pymodbus benchmark client script.")
    var clientScript = "scripts/modbus/bench_client.py"

    @Option(help: "Seconds of reading for each measurement.")
    var seconds = 5

    @Option(help: "Requests in flight for the pipelined Swift measurement.")
    var pipelineDepth = 8

    func run() async throws {
        let duration = Duration.seconds(seconds)
        print("server: libmodbus random-test-server, 127.0.0.1:1502; \(seconds) s per measurement")
        print("reads: round robin of 100 holding registers, 100 input registers, 200 coils")
        print("Swift client loops run with the connection's task executor (client.taskExecutor)")

        let swiftServer = try PeerProcess(executable: server, arguments: [])
        let (sequential, pipelined): (Double, Double)
        do {
            let client = try await connectWithRetry()
            let load = SwiftLoad(client: client, duration: duration)
            sequential = try await load.readsPerSecond(concurrency: 1)
            pipelined = try await load.readsPerSecond(concurrency: pipelineDepth)
            await client.close()
        } catch {
            swiftServer.stop()
            throw error
        }
        swiftServer.stop()

        let pythonServer = try PeerProcess(executable: server, arguments: [])
        let pythonClient = try PeerProcess(executable: python, arguments: [clientScript, "1502", String(seconds)])
        let output = pythonClient.waitForOutput()
        pythonServer.stop()
        guard let data = output.data(using: .utf8),
              let figures = try? JSONSerialization.jsonObject(with: data) as? [String: Double],
              let reads = figures["reads"], let elapsed = figures["seconds"] else {
            throw ValidationError("pymodbus client printed no figures: \(output)")
        }
        let python = reads / elapsed

        print(String(format: "MS5Modbus, one request at a time:     %10.0f reads/s", sequential))
        print(String(format: "MS5Modbus, %2d requests pipelined:     %10.0f reads/s", pipelineDepth, pipelined))
        print(String(format: "pymodbus ModbusTcpClient (sync):      %10.0f reads/s", python))
        print(String(format: "ratio MS5Modbus / pymodbus, one at a time: %.2f", sequential / python))
        print(String(format: "ratio MS5Modbus pipelined / pymodbus:      %.2f", pipelined / python))
    }

    private func connectWithRetry() async throws -> ModbusClient {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(10))
        while true {
            let lastError: any Error
            do {
                return try await ModbusClient.connect(host: "127.0.0.1", port: 1502, maxRequestsInFlight: pipelineDepth)
            } catch {
                lastError = error
            }
            guard clock.now < deadline else {
                throw lastError
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
