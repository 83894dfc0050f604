import ArgumentParser
import Foundation
import MS5ChildProcess
import MS5EtherNetIP
import NIOPosix

/// `ms5 bench enip`: batched tag reads of the Swift client and of pycomm3 against `ms5 simulate plc`
/// (its own process) on the same 200-tag set, in one run, with the ratio.
struct BenchEnipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enip", abstract: "Tags/s, round trip and CPU of the Swift EtherNet/IP client and of pycomm3 against the Swift simulator.")

    @Option(help: "Seconds per client.")
    var seconds: Double = 5

    @Option(help: "Tags per multi-read.")
    var tags: Int = 200

    @Option(help: "Simulator port.")
    var port: Int = 44_901

    @Option(help: "Python interpreter with pycomm3 (the package's peer venv by default).")
    var python: String = ".venv-peers/bin/python"

    func run() async throws {
        let names = (0..<tags).map { "Tag\($0)" }
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("enip-bench-tags.csv")
        try (["TYPE,SCOPE,NAME,DESCRIPTION,DATATYPE,SPECIFIER,ATTRIBUTES"] + names.enumerated().map { "TAG,,\($1),\"\",\"\($0 % 2 == 0 ? "DINT" : "REAL")\",\"\",\"\"" })
            .joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        server.arguments = ["simulate", "plc", "--tags", csv.path, "--listen", "127.0.0.1:\(port)"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.killAndWait() }
        try await Task.sleep(for: .milliseconds(700))

        let serverPID = server.processIdentifier
        let swiftServerStart = Self.processCPUSeconds(serverPID)
        let swift = try await benchSwift(names)
        let swiftServerCPU = Self.processCPUSeconds(serverPID) - swiftServerStart
        Console.say(swift.report(name: "Swift client", tagsPerRead: tags) + String(format: "; simulator CPU %.3f ms per 1000 tags", swiftServerCPU / Double(swift.reads * tags) * 1e6))
        let pythonServerStart = Self.processCPUSeconds(serverPID)
        let python = try benchPycomm3()
        let pythonServerCPU = Self.processCPUSeconds(serverPID) - pythonServerStart
        Console.say(python.report(name: "pycomm3", tagsPerRead: tags) + String(format: "; simulator CPU %.3f ms per 1000 tags", pythonServerCPU / Double(max(python.reads, 1) * tags) * 1e6))
        Console.say(String(format: "ratio Swift/pycomm3 tags/s: %.1fx (target >= 10x)", swift.tagsPerSecond(tags) / python.tagsPerSecond(tags)))
    }

    private func benchSwift(_ names: [String]) async throws -> EnipBenchResult {
        // The reading task runs on the client's own event loop, as the poller does.
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        return try await withTaskExecutorPreference(EventLoopTaskExecutor(loop)) {
            try await benchSwift(names, client: EtherNetIPClient(group: loop))
        }
    }

    private func benchSwift(_ names: [String], client: EtherNetIPClient) async throws -> EnipBenchResult {
        try await client.connect(host: "127.0.0.1", port: port, slot: 0)
        _ = try await client.read(names)
        let cpuStart = ProcessUsage.cpuSeconds()
        let clock = ContinuousClock()
        let start = clock.now
        var rtts: [Double] = []
        var errors = 0
        while clock.now - start < .seconds(seconds) {
            let t0 = clock.now
            let readings = try await client.read(names)
            rtts.append((clock.now - t0) / .seconds(1))
            errors += readings.filter { $0.error != nil }.count
        }
        let elapsed = (clock.now - start) / .seconds(1)
        let cpu = ProcessUsage.cpuSeconds() - cpuStart
        await client.close()
        return EnipBenchResult(reads: rtts.count, seconds: elapsed, cpu: cpu, errors: errors, rtts: rtts)
    }

    private func benchPycomm3() throws -> EnipBenchResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["benchmarks/enip_pycomm3.py", "\(port)", "\(seconds)", "\(tags)"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        guard process.waitForExit(), process.terminationStatus == 0, let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let reads = json["reads"] as? Int, let elapsed = json["seconds"] as? Double, let cpu = json["cpu"] as? Double,
              let errors = json["errors"] as? Int, let rtts = json["rtts"] as? [Double]
        else { throw CommandFailure("The pycomm3 run failed: is \(python) the peer venv (scripts/test.sh makes it) and the working directory the repository?") }
        return EnipBenchResult(reads: reads, seconds: elapsed, cpu: cpu, errors: errors, rtts: rtts)
    }

    /// User plus system CPU seconds of another process, from /proc/PID/stat (clock ticks of 1/100 s).
    static func processCPUSeconds(_ pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / 100
    }
}

